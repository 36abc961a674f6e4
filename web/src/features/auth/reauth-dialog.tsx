import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage, type Status } from '@web/components/status-message';
import { isApiError } from '@web/lib/api';
import { errorMessage, zodFieldErrors, type FieldErrors } from '@web/lib/errors';
import { reauthenticate } from './auth.api';
import { ReauthSchema, type Reauth } from './auth.schema';
import { useMe } from './session';

/** Authenticator codes are shown as "123 456"; recovery codes are kept as typed. */
function buildInput(password: string, code: string, withCode: boolean): Reauth {
  if (!withCode) {
    return { password };
  }
  const compact = code.replace(/\s+/g, '');
  return { password, code: /^\d+$/.test(compact) ? compact : code.trim() };
}

function ReauthForm(props: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const withCode = me.user.totpEnabled;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const handleError = (caught: unknown) => {
    if (isApiError(caught, 'invalid_credentials')) {
      setErrors({ password: t('auth.reauth.wrongPassword') });
      setStatus(null);
    } else if (isApiError(caught, 'totp_required')) {
      setErrors({ code: t('errors.totp_required') });
      setStatus(null);
    } else if (isApiError(caught, 'totp_invalid')) {
      setErrors({ code: t('auth.reauth.codeInvalid') });
      setStatus(null);
    } else {
      setErrors({});
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    }
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ReauthSchema.safeParse(buildInput(password, code, withCode));
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    if (withCode && !parsed.data.code) {
      setErrors({ code: t('validation.required') });
      return;
    }
    setErrors({});
    setStatus(null);
    setBusy(true);
    try {
      await reauthenticate(parsed.data);
      props.onDone();
    } catch (caught: unknown) {
      handleError(caught);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="reauth-form">
      <Stack gap="md">
        <Text>{withCode ? t('auth.reauth.introWithCode') : t('auth.reauth.intro')}</Text>
        <StatusMessage status={status} testId="reauth-status" />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          data-autofocus
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.password}
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
        />
        {withCode && (
          <TextInput
            label={t('auth.reauth.code')}
            description={t('auth.reauth.codeHint')}
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={errors.code}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('auth.reauth.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The re-authentication dialog: the password, plus a 6-digit or recovery code when 2FA is on.
 * `round` gives each request a new form, so nothing typed for one is left for the next.
 */
export function ReauthDialog(props: {
  opened: boolean;
  round: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onCancel}
      title={t('auth.reauth.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
      centered
    >
      <ReauthForm key={props.round} onDone={props.onDone} onCancel={props.onCancel} />
    </Modal>
  );
}
