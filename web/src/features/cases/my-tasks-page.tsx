import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '@web/components/list-footer';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { useMe } from '@web/features/auth/session';
import { errorMessage } from '@web/lib/errors';
import { href } from '@web/lib/router';
import { useCursorList } from '@web/lib/use-cursor-list';
import { listMyTasks, updateTask } from './cases.api';
import type { Task } from './cases.schema';
import { initials, todayIso, useHideNames } from './case-ui';
import { groupTasks } from './task-groups';
import { TaskList } from './task-list';
import './cases.css';

/**
 * The signed-in user's open tasks across all their cases, grouped by due date (overdue first)
 * and by person; each can be edited, given to a colleague or marked done in place.
 */
export function MyTasksPage() {
  const { t, i18n } = useTranslation();
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => listMyTasks(cursor, signal),
    [],
  );
  const list = useCursorList(fetchPage);
  const [hideNames] = useHideNames();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const me = useMe();
  const tasks = list.items;

  const handleDone = async (task: Task) => {
    setBusyId(task.id);
    try {
      await updateTask(task.caseId, task.id, { status: 'done' });
      list.setItems((items) => items.filter((item) => item.id !== task.id));
      setStatus({ tone: 'success', message: t('tasks.markedDone', { title: task.title }) });
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusyId(null);
    }
  };

  const handleSaved = (saved: Task) => {
    // Given to someone else: it leaves "my tasks".
    list.setItems((items) =>
      saved.assigneeId === me.user.id
        ? items.map((item) => (item.id === saved.id ? saved : item))
        : items.filter((item) => item.id !== saved.id),
    );
    setStatus({ tone: 'success', message: t('taskEdit.saved', { title: saved.title ?? '' }) });
  };

  const overdue = tasks.filter((task) => task.overdue).length;
  const shown: Status | null = list.error
    ? { tone: 'error', message: errorMessage(list.error, t) }
    : status;
  const groups = groupTasks(tasks, todayIso(), i18n.language);

  return (
    <Stack gap="md" maw={800}>
      <PageTitle>{t('tasks.myTitle')}</PageTitle>
      <StatusMessage status={shown} testId="tasks-status" />
      {!list.loading && !list.error && (
        <Text>
          {tasks.length === 0
            ? t('tasks.myEmpty')
            : t('tasks.mySummary', { count: tasks.length, overdue })}
        </Text>
      )}
      {groups.map((group) => (
        <section
          key={group.bucket}
          aria-labelledby={`tasks-${group.bucket}`}
          data-testid="task-group"
        >
          <Title order={2} className="hw-h2" id={`tasks-${group.bucket}`}>
            {t(`taskGroups.${group.bucket}`)}
          </Title>
          <Stack gap="sm">
            {group.people.map((person) => (
              <Stack gap={4} key={person.caseId}>
                <Anchor href={href(`/cases/${person.caseId}`)} className="hw-touch-link" fw={700}>
                  <span className="hw-name">
                    {hideNames ? initials(person.personName) : person.personName}
                  </span>
                  {' · '}
                  {person.caseNumber}
                </Anchor>
                <TaskList
                  tasks={person.tasks}
                  ordered
                  busyId={busyId}
                  onDone={(task) => void handleDone(task)}
                  onSaved={handleSaved}
                />
              </Stack>
            ))}
          </Stack>
        </section>
      ))}
      <ListFooter list={list} testId="tasks-more" />
    </Stack>
  );
}
