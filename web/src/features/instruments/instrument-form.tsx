import { Button, Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, summaryErrors } from '@web/components/error-summary';
import { StatusMessage } from '@web/components/status-message';
import type { FieldErrors } from '@web/lib/errors';
import { href } from '@web/lib/router';
import { AboutFields } from './about-fields';
import { FORM_ID, FormProvider, languageName } from './form-context';
import { IndicatorsFields } from './indicator-fields';
import { toInstrument, type InstrumentForm } from './instrument-form-model';
import { checkInstrument, issueErrors, serverIssueErrors } from './instrument-issues';
import { INSTRUMENT_LANGS, type InstrumentLang } from './instruments.schema';
import { CaveatsFields, DimensionsFields, SourcesFields } from './list-fields';
import { PublishConfirm } from './publish-confirm';
import { RuleFields } from './rule-fields';
import { usePublish } from './use-publish';

/** Where an error is, for the summary (the row of a list, else the part of the form). */
const WHERE: readonly [
  RegExp,
  'indicator' | 'source' | 'dimension' | 'part' | 'caveat' | 'rule',
][] = [
  [/^indicators\.(\d+)/, 'indicator'],
  [/^sources\.(\d+)/, 'source'],
  [/^dimensions\.(\d+)/, 'dimension'],
  [/^rule\.parts\.(\d+)/, 'part'],
  [/^caveats\.(\d+)/, 'caveat'],
  [/^rule\./, 'rule'],
];

function summaryLabel(path: string, t: TFunction): string {
  for (const [pattern, where] of WHERE) {
    const match = pattern.exec(path);
    if (match) {
      return t(`instruments.form.where.${where}`, { n: Number(match[1] ?? 0) + 1 });
    }
  }
  return t('instruments.form.sections.about');
}

/** Field errors with where each is, for the error summary. */
function located(errors: FieldErrors, t: TFunction): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const where = summaryLabel(path, t);
      return [path, where ? `${where}: ${message ?? ''}` : message];
    }),
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="hw-instr-section">
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

/**
 * The instrument form: every part of the document the schema allows, texts edited one language
 * at a time. "Publish…" checks it with the server's schema (errors at each field and in the
 * summary), then asks to confirm; the server's own problem+json is shown the same way.
 */
export function InstrumentFormView(props: {
  initial: InstrumentForm;
  idFixed: boolean;
  cancelPath: string;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(props.initial);
  const [lang, setLang] = useState<InstrumentLang>('en');
  const [submitCount, setSubmitCount] = useState(0);
  const publish = usePublish();
  const check = useMemo(() => checkInstrument(toInstrument(form)), [form]);
  const own = check.ok ? {} : issueErrors(check.issues, t);
  const server = serverIssueErrors(publish.serverIssues, t, own);
  const errors = submitCount > 0 ? { ...server, ...own } : server;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitCount((count) => count + 1);
    if (check.ok) {
      publish.ask(check.instrument);
    }
  };

  const change = (update: (f: InstrumentForm) => InstrumentForm) => setForm(update);
  return (
    <FormProvider form={form} change={change} errors={errors} lang={lang}>
      <form onSubmit={handleSubmit} noValidate data-testid="instrument-form">
        <Stack gap="lg">
          <ErrorSummary
            errors={summaryErrors(located(errors, t))}
            idPrefix={FORM_ID}
            submitCount={submitCount}
            title={t('instruments.form.errorsTitle')}
          />
          <StatusMessage status={publish.status} testId="instrument-form-status" />
          <NativeSelect
            label={t('instruments.form.textLanguage')}
            description={t('instruments.form.textLanguageHint')}
            value={lang}
            data={INSTRUMENT_LANGS.map((code) => ({ value: code, label: languageName(code) }))}
            onChange={(event) => setLang(event.currentTarget.value as InstrumentLang)}
          />
          <Section id="instr-about" title={t('instruments.form.sections.about')}>
            <AboutFields idFixed={props.idFixed} />
          </Section>
          <Section id="instr-sources" title={t('instruments.form.sections.sources')}>
            <SourcesFields />
          </Section>
          <Section id="instr-dimensions" title={t('instruments.form.sections.dimensions')}>
            <DimensionsFields />
          </Section>
          <Section id="instr-indicators" title={t('instruments.form.sections.indicators')}>
            <IndicatorsFields />
          </Section>
          <Section id="instr-rule" title={t('instruments.form.sections.rule')}>
            <RuleFields />
          </Section>
          <Section id="instr-caveats" title={t('instruments.form.sections.caveats')}>
            <CaveatsFields />
          </Section>
          <Group>
            <Button type="submit">{t('instruments.form.publish')}</Button>
            <Button component="a" href={href(props.cancelPath)} variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      <PublishConfirm publish={publish} />
    </FormProvider>
  );
}
