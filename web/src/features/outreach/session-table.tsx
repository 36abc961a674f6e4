import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { ResponsiveTable, type Column } from '@web/components/responsive-table';
import { StatusMessage } from '@web/components/status-message';
import { formatDate } from '@web/lib/format';
import { href } from '@web/lib/router';
import { useCursorList } from '@web/lib/use-cursor-list';
import { listSessions } from './outreach.api';
import { formatScore, outreachErrorMessage, settingLabel } from './outreach-labels';
import type { SessionSummary } from './outreach.schema';

/** A session's scores in words: "Before 40 % · after 85 %", or that none were recorded. */
export function scoresText(s: SessionSummary, t: TFunction, locale: string) {
  if (s.preScore === null && s.postScore === null) {
    return t('outreach.sessions.noScores');
  }
  return t('outreach.sessions.scores', {
    pre: formatScore(s.preScore, locale),
    post: formatScore(s.postScore, locale),
  });
}

/** Upcoming or held sessions, with "Show more" while the server has more. */
export function SessionTable({
  when,
  limit = 10,
  more = true,
}: {
  when: 'upcoming' | 'past';
  limit?: number;
  more?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const list = useCursorList(
    useCallback(
      (cursor: string | null, signal: AbortSignal) => listSessions({ when, cursor, limit }, signal),
      [when, limit],
    ),
  );
  const columns: Column<SessionSummary>[] = [
    {
      key: 'date',
      label: t('outreach.form.heldOn'),
      render: (s) => formatDate(s.heldOn, i18n.language),
    },
    {
      key: 'place',
      label: t('outreach.form.place'),
      render: (s) => (
        <Anchor href={href(`/outreach/sessions/${s.id}`)} className="hw-touch-link">
          {s.place}
        </Anchor>
      ),
    },
    {
      key: 'setting',
      label: t('outreach.form.setting'),
      render: (s) => settingLabel(s.setting, t),
    },
    {
      key: 'people',
      label: t('outreach.form.audienceSize'),
      render: (s) => t('outreach.sessions.people', { count: s.audienceSize }),
    },
    {
      key: 'scores',
      label: t('outreach.sessions.knowledge'),
      render: (s) => (
        <Group gap="xs">
          <span>{scoresText(s, t, i18n.language)}</span>
          {s.cancelled && <Badge color="gray">{t('outreach.sessions.cancelled')}</Badge>}
        </Group>
      ),
    },
  ];
  const testId = `outreach-sessions-${when}`;
  if (list.loading && list.items.length === 0) {
    return <LoadingText />;
  }
  return (
    <Stack gap="xs">
      <StatusMessage
        status={list.error ? { tone: 'error', message: outreachErrorMessage(list.error, t) } : null}
      />
      {list.items.length === 0 && !list.error ? (
        <Text data-testid={testId}>
          {when === 'upcoming'
            ? t('outreach.sessions.noneUpcoming')
            : t('outreach.sessions.nonePast')}
        </Text>
      ) : (
        <ResponsiveTable
          items={list.items}
          columns={columns}
          rowKey={(s) => s.id}
          testId={testId}
          rowTestId="outreach-session-row"
        />
      )}
      {more && list.hasMore && (
        <Group>
          <Button variant="default" onClick={list.loadMore} loading={list.loading}>
            {t('outreach.sessions.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
