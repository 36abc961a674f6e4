import { Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { errorMessage } from '@web/lib/errors';
import { useCursorList } from '@web/lib/use-cursor-list';
import { listMyTasks, updateTask } from './cases.api';
import type { Task } from './cases.schema';
import { TaskList } from './task-list';
import './cases.css';

/** The signed-in user's open tasks across all their cases, overdue first. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => listMyTasks(cursor, signal),
    [],
  );
  const list = useCursorList(fetchPage);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

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

  const overdue = list.items.filter((task) => task.overdue).length;
  const shown: Status | null = list.error
    ? { tone: 'error', message: errorMessage(list.error, t) }
    : status;

  return (
    <Stack gap="md" maw={800}>
      <PageTitle>{t('tasks.myTitle')}</PageTitle>
      <StatusMessage status={shown} testId="tasks-status" />
      {!list.loading && !list.error && (
        <Text>
          {list.items.length === 0
            ? t('tasks.myEmpty')
            : t('tasks.mySummary', { count: list.items.length, overdue })}
        </Text>
      )}
      <TaskList
        tasks={list.items}
        showCase
        busyId={busyId}
        onDone={(task) => void handleDone(task)}
      />
      <Group>
        {list.loading && <LoadingText />}
        {list.hasMore && !list.loading && (
          <Button variant="default" onClick={list.loadMore}>
            {t('common.loadMore')}
          </Button>
        )}
        {list.error !== null && (
          <Button variant="default" onClick={list.reload}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
