import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/page-title';
import { hasPermission, useMe } from '@web/features/auth/session';
import { href, navigate, usePath } from '@web/lib/router';
import { SessionDetail } from './session-detail';
import { SessionForm } from './session-form';
import { SessionTable } from './session-table';

function SessionList() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t('outreach.sessions.title')}</PageTitle>
      {hasPermission(me, 'outreach.write') && (
        <Group>
          <Button component="a" href={href('/outreach/new')}>
            {t('outreach.sessions.record')}
          </Button>
        </Group>
      )}
      {(['upcoming', 'past'] as const).map((when) => (
        <Paper
          key={when}
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby={`outreach-${when}`}
        >
          <Title order={2} size="h3" id={`outreach-${when}`} mb="sm">
            {t(`outreach.sessions.${when}`)}
          </Title>
          <SessionTable when={when} />
        </Paper>
      ))}
    </Stack>
  );
}

const DETAIL = /^\/outreach\/sessions\/([A-Za-z0-9-]{1,64})(\/edit)?$/;

/** `#/outreach` (sessions), `#/outreach/new`, `#/outreach/sessions/:id` and `…/:id/edit`. */
export function OutreachSessionsPage() {
  const { t } = useTranslation();
  const path = usePath();
  if (path === '/outreach/new') {
    return (
      <Stack gap="md" maw={720}>
        <PageTitle>{t('outreach.form.newTitle')}</PageTitle>
        <SessionForm
          onSaved={(s) => navigate(`/outreach/sessions/${s.id}`)}
          onCancel={() => navigate('/outreach')}
        />
      </Stack>
    );
  }
  const match = DETAIL.exec(path);
  if (match?.[1]) {
    return <SessionDetail key={path} id={match[1]} edit={match[2] !== undefined} />;
  }
  return <SessionList />;
}
