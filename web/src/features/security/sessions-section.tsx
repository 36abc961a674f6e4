import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@web/components/confirm-modal';
import { StatusMessage, type Status } from '@web/components/status-message';
import { logoutAll } from '@web/features/auth/auth.api';
import { useSession } from '@web/features/auth/session';
import { errorMessage } from '@web/lib/errors';
import { navigate } from '@web/lib/router';

/** "Log out everywhere": ends every session of this user, including this one. */
export function SessionsSection() {
  const { t } = useTranslation();
  const { handleSessionGone } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const handleConfirm = async () => {
    setBusy(true);
    try {
      await logoutAll();
      navigate('/', { replace: true });
      handleSessionGone('loggedOutEverywhere');
    } catch (caught: unknown) {
      setConfirming(false);
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sessions-heading">
      <Stack gap="md" align="flex-start">
        <Title order={2} size="h3" id="sessions-heading">
          {t('security.sessions.heading')}
        </Title>
        <Text maw={640}>{t('security.sessions.intro')}</Text>
        <StatusMessage status={status} />
        <Button variant="default" color="red" onClick={() => setConfirming(true)}>
          {t('security.sessions.logoutAll')}
        </Button>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('security.sessions.logoutAll')}
        message={t('security.sessions.confirm')}
        confirmLabel={t('security.sessions.logoutAll')}
        busy={busy}
        danger
        onConfirm={() => void handleConfirm()}
        onCancel={() => setConfirming(false)}
      />
    </Paper>
  );
}
