import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, InfoIcon } from '@web/components/icons';
import { StatusMessage, type Status } from '@web/components/status-message';
import { setupTotp } from '@web/features/auth/auth.api';
import type { TotpSetup } from '@web/features/auth/auth.schema';
import { REAUTH_CANCELLED, useReauth } from '@web/features/auth/reauth';
import { useMe, useSession } from '@web/features/auth/session';
import { errorMessage } from '@web/lib/errors';
import { navigate } from '@web/lib/router';
import { RecoveryCodes } from './recovery-codes';
import { TotpEnrolment } from './totp-enrolment';
import { TotpOnActions } from './totp-on-actions';

/** `codes` after enrolment (`enrolled`) or after asking for new recovery codes (`renewed`). */
type Phase =
  | { kind: 'idle' }
  | { kind: 'enrolling'; setup: TotpSetup }
  | { kind: 'codes'; codes: string[]; renewed: boolean };

/**
 * Two-factor authentication: status, set-up with QR code and recovery codes, new recovery codes,
 * and turning it off. Each of these may first ask for the password again (see reauth.tsx).
 */
export function TotpSection({ enforced }: { enforced: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh } = useSession();
  const withReauth = useReauth();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const handleStart = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const setup = await withReauth(setupTotp);
      if (setup !== REAUTH_CANCELLED) {
        setPhase({ kind: 'enrolling', setup });
      }
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  const handleDone = async (renewed: boolean) => {
    if (renewed) {
      setPhase({ kind: 'idle' });
      setStatus({ tone: 'success', message: t('security.recovery.renewed') });
      return;
    }
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
            onConfirmed={(codes) => setPhase({ kind: 'codes', codes, renewed: false })}
            onCancel={() => setPhase({ kind: 'idle' })}
          />
        )}
        {phase.kind === 'codes' && (
          <RecoveryCodes codes={phase.codes} onDone={() => void handleDone(phase.renewed)} />
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
            {me.user.totpEnabled && (
              <TotpOnActions
                canDisable={!me.organisation.requireTotp}
                onCodes={(codes) => {
                  setStatus(null);
                  setPhase({ kind: 'codes', codes, renewed: true });
                }}
                onDisabled={() => void handleDisabled()}
                onError={(caught) => setStatus({ tone: 'error', message: errorMessage(caught, t) })}
              />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
