import { Button, Checkbox, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage, type Status } from '@web/components/status-message';
import { isApiError } from '@web/lib/api';
import { errorMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from '@web/lib/errors';
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

/**
 * Creates an API token with a name, its access and a lifetime. Each access level says in plain
 * words what it allows; `sensitive` (documents, contacts, the person's story) is never preset.
 */
export function TokenCreateForm({ onCreated }: { onCreated: (created: TokenCreated) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [days, setDays] = useState('30');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ApiTokenCreateSchema.safeParse({ name, scopes, expiresInDays: Number(days) });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    setStatus(null);
    setBusy(true);
    try {
      onCreated(await createToken(parsed.data));
      setName('');
    } catch (caught: unknown) {
      setErrors(isApiError(caught, 'validation_failed') ? serverFieldErrors(caught.errors, t) : {});
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  const handleScopes = (values: string[]) => {
    setScopes(values.flatMap((value) => TokenScopeSchema.safeParse(value).data ?? []));
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="md" maw={480}>
        <Title order={3}>{t('security.tokens.createHeading')}</Title>
        <StatusMessage status={status} />
        <TextInput
          label={t('security.tokens.name')}
          description={t('security.tokens.nameHint')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <Checkbox.Group
          label={t('security.tokens.scopes')}
          value={scopes}
          onChange={handleScopes}
          error={errors.scopes ? t('validation.chooseOne') : undefined}
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
