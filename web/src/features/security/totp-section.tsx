import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, InfoIcon } from '@web/components/icons';
import { StatusMessage, type Status } from '@web/components/status-message';
import { disableTotp, setupTotp } from '@web/features/auth/auth.api';
import { TotpDisableSchema, type TotpSetup } from '@web/features/auth/auth.schema';
import { useMe, useSession } from '@web/features/auth/session';
import { errorMessage, zodFieldErrors } from '@web/lib/errors';
import { navigate } from '@web/lib/router';
import { RecoveryCodes } from './recovery-codes';
import { TotpEnrolment } from './totp-enrolment';

type Phase =
  { kind: 'idle' } | { kind: 'enrolling'; setup: TotpSetup } | { kind: 'codes'; codes: string[] };

function TotpDisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = TotpDisableSchema.safeParse({ password });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error, t).password);
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await disableTotp(parsed.data.password);
      onDisabled();
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="sm" maw={420}>
        <Title order={3}>{t('security.totp.disableHeading')}</Title>
        <Text size="sm">{t('security.totp.disableIntro')}</Text>
        <StatusMessage status={status} />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={error}
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
        />
        <div>
          <Button type="submit" variant="default" color="red" loading={busy}>
            {t('security.totp.disable')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** Two-factor authentication: status, set-up with QR code and recovery codes, and turning it off. */
export function TotpSection({ enforced }: { enforced: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh } = useSession();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const handleStart = async () => {
    setBusy(true);
    setStatus(null);
    try {
      setPhase({ kind: 'enrolling', setup: await setupTotp() });
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  const handleDone = async () => {
    await refresh();
    setPhase({ kind: 'idle' });
    setStatus({ tone: 'success', message: t('security.totp.enabled') });
    if (enforced) {
      navigate('/', { replace: true });
    }
  };

  const handleDisabled = async () => {
    await refresh();
    setStatus({ tone: 'success', message: t('security.totp.disabled') });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="totp-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="totp-heading">
          {t('security.totp.heading')}
        </Title>
        <StatusMessage status={status} testId="totp-status" />
        {phase.kind === 'enrolling' && (
          <TotpEnrolment
            setup={phase.setup}
            onConfirmed={(codes) => setPhase({ kind: 'codes', codes })}
            onCancel={() => setPhase({ kind: 'idle' })}
          />
        )}
        {phase.kind === 'codes' && (
          <RecoveryCodes codes={phase.codes} onDone={() => void handleDone()} />
        )}
        {phase.kind === 'idle' && (
          <>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              {me.user.totpEnabled ? <CheckIcon /> : <InfoIcon />}
              <Text fw={700}>
                {me.user.totpEnabled ? t('security.totp.on') : t('security.totp.off')}
              </Text>
            </Group>
            <Text maw={640}>{t('security.totp.explain')}</Text>
            {!me.user.totpEnabled && (
              <div>
                <Button onClick={() => void handleStart()} loading={busy}>
                  {t('security.totp.start')}
                </Button>
              </div>
            )}
            {me.user.totpEnabled && me.organisation.requireTotp && (
              <Text>{t('security.totp.requiredByOrg')}</Text>
            )}
            {me.user.totpEnabled && !me.organisation.requireTotp && (
              <TotpDisableForm onDisabled={() => void handleDisabled()} />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
