import { Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import { useSession } from '@web/features/auth/session';
import { navigate } from '@web/lib/router';
import { PasswordChangeForm } from './password-change-form';

/**
 * The only screen after logging in with a temporary password from an admin: every other call is
 * refused with `password_change_required` until the person chooses their own password.
 */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const { refresh } = useSession();

  const handleChanged = () => {
    navigate('/', { replace: true });
    // /api/me then no longer says mustChangePassword, and the app opens.
    void refresh();
  };

  return (
    <Stack gap="md" maw={560}>
      <PageTitle>{t('security.forced.title')}</PageTitle>
      <StatusMessage
        status={{ tone: 'info', message: t('security.forced.intro') }}
        testId="password-change-required"
      />
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Text>{t('security.forced.explain')}</Text>
          <PasswordChangeForm
            forced
            submitLabel={t('security.forced.submit')}
            onChanged={handleChanged}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
