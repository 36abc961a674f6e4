import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import { useMe } from '@web/features/auth/session';
import { SessionsSection } from './sessions-section';
import { TokensSection } from './tokens-section';
import { TotpSection } from './totp-section';

/**
 * The user's own security: two-factor authentication, sessions and API tokens. When the
 * organisation requires 2FA and the user has not set it up, only the set-up is offered.
 */
export function SecurityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const enforced = me.totpEnrolmentRequired;
  return (
    <Stack gap="lg" maw={960}>
      <PageTitle>{t('security.title')}</PageTitle>
      {enforced && (
        <StatusMessage
          status={{ tone: 'info', message: t('security.enrolmentRequired') }}
          testId="enrolment-required"
        />
      )}
      <TotpSection enforced={enforced} />
      {!enforced && <SessionsSection />}
      {!enforced && <TokensSection />}
    </Stack>
  );
}
