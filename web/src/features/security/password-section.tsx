import { Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage, type Status } from '@web/components/status-message';
import { PasswordChangeForm } from './password-change-form';

/**
 * "Change password" on the security page. The server ends the user's other sessions and revokes
 * their API tokens, so `onChanged` lets the page reload what that affects.
 */
export function PasswordSection({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);

  const handleChanged = () => {
    setStatus({ tone: 'success', message: t('security.password.changed') });
    onChanged();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="password-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="password-heading">
          {t('security.password.heading')}
        </Title>
        <Text maw={640}>{t('security.password.intro')}</Text>
        <StatusMessage status={status} testId="password-status" />
        <PasswordChangeForm submitLabel={t('security.password.submit')} onChanged={handleChanged} />
      </Stack>
    </Paper>
  );
}
