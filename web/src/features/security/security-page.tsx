import { Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DisplayPreferences } from '@web/components/display-preferences';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { PasswordSection } from './password-section';
import { SessionsSection } from './sessions-section';
import { TokensSection } from './tokens-section';
import { TotpSection } from './totp-section';

/**
 * The user's own security: password, two-factor authentication, sessions and API tokens. When the
 * organisation requires 2FA and the user has not set it up, only the set-up is offered.
 */
export function SecurityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const enforced = me.totpEnrolmentRequired;
  // A password change revokes the user's API tokens: the list is loaded again to show it.
  const [tokensRound, setTokensRound] = useState(0);
  return (
    <Stack gap="lg" maw={960}>
      <PageTitle>{t('security.title')}</PageTitle>
      {enforced && (
        <StatusMessage
          status={{ tone: 'info', message: t('security.enrolmentRequired') }}
          testId="enrolment-required"
        />
      )}
      {!enforced && hasPermission(me, 'me.security') && (
        <PasswordSection onChanged={() => setTokensRound((round) => round + 1)} />
      )}
      {!enforced && <DisplayPreferences />}
      <TotpSection enforced={enforced} />
      {!enforced && <SessionsSection />}
      {!enforced && hasPermission(me, 'token.manage') && <TokensSection key={tokensRound} />}
      {!enforced && !me.organisation.allowApiTokens && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tokens-off">
          <Title order={2} size="h3" mb="xs" id="tokens-off">
            {t('security.tokens.heading')}
          </Title>
          <Text data-testid="tokens-off">{t('security.tokens.off')}</Text>
        </Paper>
      )}
    </Stack>
  );
}
