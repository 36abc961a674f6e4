import { Button, Checkbox, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, fieldId, summaryErrors } from '@web/components/error-summary';
import { StatusMessage, type Status } from '@web/components/status-message';
import { isApiError } from '@web/lib/api';
import { errorMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from '@web/lib/errors';
import { useFormErrors } from '@web/lib/use-form-errors';
import {
  ApiTokenCreateSchema,
  SCOPE_LABELS,
  TOKEN_LIFETIMES,
  TokenScopeSchema,
  type TokenCreated,
  type TokenScope,
} from './security.schema';
import { createToken } from './tokens.api';

const SCOPE_HINTS = {
  read: 'security.tokens.scopeReadHint',
  write: 'security.tokens.scopeWriteHint',
  sensitive: 'security.tokens.scopeSensitiveHint',
} as const satisfies Record<keyof typeof SCOPE_LABELS, string>;

const FORM = 'token';
const FIELD_ORDER = ['name', 'scopes', 'expiresInDays'] as const;

interface Values {
  name: string;
  scopes: TokenScope[];
  expiresInDays: number;
}

/**
 * Creates an API token with a name, its access and a lifetime. Each access level says in plain
 * words what it allows; `sensitive` (documents, contacts, the person's story) is never preset.
 */
export function TokenCreateForm({ onCreated }: { onCreated: (created: TokenCreated) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [days, setDays] = useState('30');
  const check = useCallback(
    (values: Values): FieldErrors => {
      const parsed = ApiTokenCreateSchema.safeParse(values);
      return parsed.success ? {} : zodFieldErrors(parsed.error, t, { ...values });
    },
    [t],
  );
  const { errors, submitCount, show: setErrors, recheck, clear } = useFormErrors(check);
  const values = (change: Partial<Values> = {}): Values => ({
    name,
    scopes,
    expiresInDays: Number(days),
    ...change,
  });
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ApiTokenCreateSchema.safeParse(values());
    if (!parsed.success) {
      setErrors(check(values()));
      return;
    }
    clear();
    setStatus(null);
    setBusy(true);
    try {
      onCreated(await createToken(parsed.data));
      setName('');
    } catch (caught: unknown) {
      if (isApiError(caught, 'validation_failed')) {
        setErrors(serverFieldErrors(caught.errors, t, check(values())));
      }
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  const handleScopes = (values: string[]) => {
    const next = values.flatMap((value) => TokenScopeSchema.safeParse(value).data ?? []);
    setScopes(next);
    recheck({ name, scopes: next, expiresInDays: Number(days) }, ['scopes']);
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="md" maw={480}>
        <Title order={3}>{t('security.tokens.createHeading')}</Title>
        <ErrorSummary
          errors={summaryErrors(errors, FIELD_ORDER)}
          idPrefix={FORM}
          submitCount={submitCount}
        />
        <StatusMessage status={status} />
        <TextInput
          id={fieldId(FORM, 'name')}
          label={t('security.tokens.name')}
          description={t('security.tokens.nameHint')}
          required
          value={name}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setName(next);
            recheck(values({ name: next }), ['name']);
          }}
          error={errors.name}
        />
        <Checkbox.Group
          id={fieldId(FORM, 'scopes')}
          label={t('security.tokens.scopes')}
          value={scopes}
          onChange={handleScopes}
          error={errors.scopes}
        >
          <Stack gap="sm" mt={4}>
            {(Object.keys(SCOPE_LABELS) as (keyof typeof SCOPE_LABELS)[]).map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={t(SCOPE_LABELS[scope])}
                description={t(SCOPE_HINTS[scope])}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <NativeSelect
          id={fieldId(FORM, 'expiresInDays')}
          label={t('security.tokens.expires')}
          value={days}
          onChange={(event) => setDays(event.currentTarget.value)}
          data={TOKEN_LIFETIMES.map((count) => ({
            value: String(count),
            label: t('security.tokens.days', { count }),
          }))}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('security.tokens.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
