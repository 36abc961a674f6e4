import { Anchor, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '@web/features/auth/session';
import { href } from '@web/lib/router';
import { SessionTable } from './session-table';

/** The home card of people who do outreach: the next sessions and the last ones held. */
export function OutreachHomeCard() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="outreach-home-card"
      data-testid="outreach-home-card"
    >
      <Title order={2} size="h3" id="outreach-home-card" mb="sm">
        {t('outreach.home.heading')}
      </Title>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('outreach.sessions.upcoming')}
        </Title>
        <SessionTable when="upcoming" limit={3} more={false} />
        <Title order={3} size="h4">
          {t('outreach.home.recent')}
        </Title>
        <SessionTable when="past" limit={3} more={false} />
        <Group>
          {hasPermission(me, 'outreach.write') && (
            <Button component="a" href={href('/outreach/new')}>
              {t('outreach.sessions.record')}
            </Button>
          )}
          <Anchor href={href('/outreach')} className="hw-touch-link">
            {t('outreach.home.all')}
          </Anchor>
          <Anchor href={href('/outreach/dashboard')} className="hw-touch-link">
            {t('outreach.nav.dashboard')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
