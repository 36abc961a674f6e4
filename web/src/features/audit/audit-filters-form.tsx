import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { zodFieldErrors, type FieldErrors } from '@web/lib/errors';
import { ACTION_CODES, actionLabel } from './audit-labels';
import { AuditFiltersSchema, EMPTY_AUDIT_FILTERS, type AuditFilters } from './audit.schema';

/** Filters for the audit log: action, actor email and a date range. Applied on submit. */
export function AuditFiltersForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const { t, i18n } = useTranslation();
  const collator = new Intl.Collator(i18n.language);
  const actions = ACTION_CODES.map((code) => ({
    value: code,
    label: actionLabel(code, t, i18n) ?? code,
  })).sort((a, b) => collator.compare(a.label, b.label));
  const [form, setForm] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = (name: keyof AuditFilters) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setForm((previous) => ({ ...previous, [name]: value }));
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = AuditFiltersSchema.safeParse(form);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    onApply(parsed.data);
  };

  const handleClear = () => {
    setForm(EMPTY_AUDIT_FILTERS);
    setErrors({});
    onApply(EMPTY_AUDIT_FILTERS);
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="audit-filters">
      <h2 id="audit-filters" className="hw-h2">
        {t('audit.filters')}
      </h2>
      <form onSubmit={handleSubmit} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" style={{ alignItems: 'end' }}>
          <NativeSelect
            label={t('audit.action')}
            description={t('audit.actionHint')}
            value={form.action}
            onChange={set('action')}
            error={errors.action}
            data={[{ value: '', label: t('audit.anyAction') }, ...actions]}
            data-testid="audit-action-filter"
          />
          <TextInput
            label={t('audit.actor')}
            type="email"
            inputMode="email"
            autoComplete="off"
            value={form.actor}
            onChange={set('actor')}
            error={errors.actor}
          />
          <TextInput
            label={t('audit.from')}
            type="date"
            value={form.from}
            onChange={set('from')}
            error={errors.from}
          />
          <TextInput
            label={t('audit.to')}
            type="date"
            value={form.to}
            onChange={set('to')}
            error={errors.to}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit">{t('audit.apply')}</Button>
          <Button variant="default" onClick={handleClear}>
            {t('audit.clear')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
