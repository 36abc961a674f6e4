import { Anchor, Group, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { StatusMessage } from '@web/components/status-message';
import { errorMessage } from '@web/lib/errors';
import { formatDate, formatDateTime } from '@web/lib/format';
import { href } from '@web/lib/router';
import { useNameFonts } from '@web/lib/script-fonts';
import type { Task } from '@web/features/cases/cases.schema';
import { HIDDEN, OverdueBadge, initials, useHideNames } from '@web/features/cases/case-ui';
import { useLoad } from '@web/features/cases/use-load';
import { getHome, type Home } from './home.api';
import '@web/components/lists.css';

function Section(props: { id: string; title: string; testId: string; children: ReactNode }) {
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby={props.id}
      data-testid={props.testId}
    >
      <Title order={2} size="h3" mb="xs" id={props.id}>
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}

/** A person as the lists show them: the name, or initials with Hide names, and the number. */
function PersonLink(props: { caseId: string; name: string; number: string; hide: boolean }) {
  return (
    <Anchor href={href(`/cases/${props.caseId}`)} className="hw-touch-link">
      <span className="hw-name">{props.hide ? initials(props.name) : props.name}</span>
      {' · '}
      {props.number}
    </Anchor>
  );
}

/** How many tasks a home list shows; the rest are in My tasks. */
const SHOWN = 5;

function TaskLines(props: { tasks: Task[]; total: number; hide: boolean; empty: string }) {
  const { t, i18n } = useTranslation();
  if (props.tasks.length === 0) {
    return <Text size="sm">{props.empty}</Text>;
  }
  return (
    <Stack gap="xs">
      <ul className="hw-compact-list">
        {props.tasks.slice(0, SHOWN).map((task) => (
          <li key={task.id} className="hw-compact-row">
            <div className="hw-compact-line">
              <Text fw={700} className="hw-break">
                {task.title ?? HIDDEN}
              </Text>
              {task.overdue && <OverdueBadge />}
              <Text size="sm" span>
                {task.dueOn && t('tasks.dueOn', { date: formatDate(task.dueOn, i18n.language) })}
              </Text>
            </div>
            <PersonLink
              caseId={task.caseId}
              name={task.personName}
              number={task.caseNumber}
              hide={props.hide}
            />
          </li>
        ))}
      </ul>
      {props.total > SHOWN && (
        <Anchor href={href('/tasks')} className="hw-touch-link">
          {t('homeDay.allTasks', { count: props.total })}
        </Anchor>
      )}
    </Stack>
  );
}

function Caseload({ home }: { home: Home }) {
  const { t } = useTranslation();
  const plus = home.caseload.capped ? '+' : '';
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
      <Stack gap={0}>
        <Text fz="xl" fw={700}>
          {home.caseload.mine}
          {plus}
        </Text>
        <Text size="sm">{t('homeDay.mine')}</Text>
      </Stack>
      {home.caseload.organisation !== null && (
        <Stack gap={0}>
          <Text fz="xl" fw={700}>
            {home.caseload.organisation}
            {plus}
          </Text>
          <Text size="sm">{t('homeDay.organisation')}</Text>
        </Stack>
      )}
      <Stack gap={0}>
        <Text fz="xl" fw={700}>
          {home.caseload.overdue}
          {plus}
        </Text>
        <Text size="sm">{t('homeDay.overdueCount')}</Text>
      </Stack>
    </SimpleGrid>
  );
}

function HomeSections({ home, hide }: { home: Home; hide: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Section id="home-overdue-h" title={t('homeDay.overdue')} testId="home-overdue">
        <TaskLines
          tasks={home.overdue}
          total={home.caseload.overdue}
          hide={hide}
          empty={t('homeDay.noOverdue')}
        />
      </Section>
      <Section id="home-upcoming-h" title={t('homeDay.upcoming')} testId="home-upcoming">
        <TaskLines
          tasks={home.upcoming}
          total={home.upcoming.length}
          hide={hide}
          empty={t('homeDay.noUpcoming')}
        />
      </Section>
      {home.keyDates.length > 0 && (
        <Section id="home-dates-h" title={t('homeDay.keyDates')} testId="home-key-dates">
          <ul className="hw-compact-list">
            {home.keyDates.map((item) => (
              <li key={`${item.caseId}-${item.kind}`} className="hw-compact-row">
                <Text size="sm">
                  {t(`homeDay.keyDateKinds.${item.kind}`, {
                    date: formatDate(item.since, i18n.language),
                  })}
                </Text>
                <PersonLink
                  caseId={item.caseId}
                  name={item.displayName}
                  number={item.caseNumber}
                  hide={hide}
                />
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section id="home-recent-h" title={t('homeDay.recent')} testId="home-recent">
        {home.recent.length === 0 ? (
          <Text size="sm">{t('homeDay.noRecent')}</Text>
        ) : (
          <ul className="hw-compact-list">
            {home.recent.map((item) => (
              <li key={item.caseId} className="hw-compact-row">
                <PersonLink
                  caseId={item.caseId}
                  name={item.displayName}
                  number={item.caseNumber}
                  hide={hide}
                />
                <Text size="sm">
                  {t('homeDay.openedAt', { time: formatDateTime(item.openedAt, i18n.language) })}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

/**
 * The start of a caseworker's day (anyone who works with cases): caseload, overdue and coming
 * tasks, NRM and return dates, and the people opened last. Loaded on every visit, so what was
 * done elsewhere (a task marked done) shows at once.
 */
export function CaseworkerHome() {
  const { t } = useTranslation();
  const fetcher = useCallback((signal: AbortSignal) => getHome(signal), []);
  const loaded = useLoad(fetcher);
  const [hideNames, setHideNames] = useHideNames();
  const home = loaded.data;
  useNameFonts(
    hideNames || !home
      ? []
      : [
          ...[...home.overdue, ...home.upcoming].map((task) => task.personName),
          ...[...home.keyDates, ...home.recent].map((item) => item.displayName),
        ],
  );
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" data-testid="home-caseload">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3">
            {t('homeDay.caseload')}
          </Title>
          <Switch
            size="md"
            label={t('cases.hideNames')}
            checked={hideNames}
            onChange={(event) => setHideNames(event.currentTarget.checked)}
          />
        </Group>
        {home ? <Caseload home={home} /> : loaded.loading && <LoadingText />}
        <StatusMessage
          status={loaded.error ? { tone: 'error', message: errorMessage(loaded.error, t) } : null}
        />
      </Paper>
      {home && <HomeSections home={home} hide={hideNames} />}
    </Stack>
  );
}
