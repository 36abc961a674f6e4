import { Button, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretValue } from '@web/components/secret-value';
import { StatusMessage, type Status } from '@web/components/status-message';
import { confirmTotp } from '@web/features/auth/auth.api';
import { TotpConfirmSchema, type TotpSetup } from '@web/features/auth/auth.schema';
import { REAUTH_CANCELLED, useReauth } from '@web/features/auth/reauth';
import { isApiError } from '@web/lib/api';
import { errorMessage, zodFieldErrors } from '@web/lib/errors';

/** The server's QR code as an image; its SVG text is never put into the page as markup. */
function qrDataUri(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** Step 2 of 2FA set-up: scan the QR code (or type the key), then prove it with a code. */
export function TotpEnrolment(props: {
  setup: TotpSetup;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const withReauth = useReauth();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = TotpConfirmSchema.safeParse({ code: code.replace(/\s+/g, '') });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error, t).code);
      return;
    }
    setError(undefined);
    setStatus(null);
    setBusy(true);
    try {
      const result = await withReauth(() => confirmTotp(parsed.data.code));
      if (result !== REAUTH_CANCELLED) {
        props.onConfirmed(result.recoveryCodes);
      }
    } catch (caught: unknown) {
      if (isApiError(caught, 'totp_invalid')) {
        setError(t('errors.totp_invalid'));
      } else {
        setStatus({ tone: 'error', message: errorMessage(caught, t) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs">
        <List.Item>{t('security.totp.step1')}</List.Item>
        <List.Item>{t('security.totp.step2')}</List.Item>
      </List>
      <Image
        src={qrDataUri(props.setup.qrSvg)}
        alt={t('security.totp.qrAlt')}
        w={220}
        h={220}
        className="hw-qr"
        data-testid="totp-qr"
      />
      <Text size="sm">{t('security.totp.manual')}</Text>
      <SecretValue
        label={t('security.totp.secretLabel')}
        value={props.setup.secret}
        testId="totp-secret"
      />
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="md">
          <StatusMessage status={status} />
          <TextInput
            label={t('auth.totp')}
            description={t('auth.totpHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={error}
            maw={280}
          />
          <Group>
            <Button type="submit" loading={busy}>
              {t('security.totp.confirm')}
            </Button>
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
