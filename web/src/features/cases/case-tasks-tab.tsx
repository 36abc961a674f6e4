import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskCreateSchema } from '@/domain/cases/case-tasks.schema.ts';
import { DraftNotice } from '@web/components/draft-notice';
import { LoadMore } from '@web/components/load-more';
import { LoadingText } from '@web/components/loading-text';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { errorMessage } from '@web/lib/errors';
import { useAddItemForm } from '@web/lib/use-add-item-form';
import { usePagedList } from '@web/lib/use-paged-list';
import { createTask, listCaseTasks, scheduleFollowUps, updateTask } from './cases.api';
import type { Task } from './cases.schema';
import { todayIso } from './case-ui';
import { sortTasks, TaskList } from './task-list';

const EMPTY_TASK = { title: '', dueOn: '' };

function AddTaskForm(props: {
  caseId: string;
  assigneeId: string;
  onAdded: (tasks: Task[]) => void;
}) {
  const { t } = useTranslation();
  const form = useAddItemForm({
    formKey: `case:${props.caseId}:task`,
    initial: EMPTY_TASK,
    schema: TaskCreateSchema,
    toBody: (values) => ({
      title: values.title,
      dueOn: values.dueOn || undefined,
      assigneeId: props.assigneeId,
    }),
    send: (body) => createTask(props.caseId, body),
    onAdded: (task: Task) => props.onAdded([task]),
    addedMessage: t('tasks.added'),
  });

  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="add-task-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('tasks.title')}
            value={form.values.title}
            onChange={(event) => form.change('title', event.currentTarget.value)}
            error={form.errors.title}
          />
          <TextInput
            label={t('tasks.due')}
            type="date"
            value={form.values.dueOn}
            onChange={(event) => form.change('dueOn', event.currentTarget.value)}
            error={form.errors.dueOn}
          />
        </SimpleGrid>
        <DraftNotice draft={form.draft} />
        <StatusMessage status={form.status} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('tasks.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FollowUpForm(props: { caseId: string; onAdded: (tasks: Task[]) => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(todayIso);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await scheduleFollowUps(props.caseId, from);
      props.onAdded(result.items);
      setStatus({
        tone: 'success',
        message: t('tasks.followUpsAdded', { count: result.items.length }),
      });
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('tasks.followUpsIntro')}</Text>
        <TextInput
          label={t('tasks.followUpsFrom')}
          type="date"
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          maw={320}
        />
        <StatusMessage status={status} />
        <Group>
          <Button type="submit" variant="default" loading={busy}>
            {t('tasks.scheduleFollowUps')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The case's tasks and follow-ups, open and overdue first, a page at a time. */
export function CaseTasksTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const canUpdate = hasPermission(me, 'case.update');
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => listCaseTasks(caseId, cursor, signal),
    [caseId],
  );
  const list = usePagedList(fetchPage, { order: sortTasks });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const firstLoad = list.loading && list.items.length === 0;

  const handleAdded = (tasks: Task[]) => list.add(tasks, 'end');
  const handleSaved = (saved: Task) => {
    list.setItems((items) => items.map((item) => (item.id === saved.id ? saved : item)));
    setStatus({ tone: 'success', message: t('taskEdit.saved', { title: saved.title ?? '' }) });
  };

  const handleDone = async (task: Task) => {
    setBusyId(task.id);
    try {
      const saved = await updateTask(caseId, task.id, { status: 'done' });
      list.setItems((items) => items.map((item) => (item.id === saved.id ? saved : item)));
      setStatus({ tone: 'success', message: t('tasks.markedDone', { title: task.title }) });
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusyId(null);
    }
  };

  const error = list.error
    ? { tone: 'error' as const, message: errorMessage(list.error, t) }
    : null;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tasks-heading">
        <Title order={2} className="hw-h2" id="tasks-heading">
          {t('tasks.caseTitle')}
        </Title>
        <Stack gap="sm">
          {firstLoad && <LoadingText />}
          <StatusMessage status={error ?? status} />
          {!firstLoad && !list.error && list.items.length === 0 && <Text>{t('tasks.empty')}</Text>}
          <TaskList
            tasks={list.items}
            busyId={busyId}
            onDone={canUpdate ? (task) => void handleDone(task) : undefined}
            onSaved={canUpdate ? handleSaved : undefined}
          />
          <LoadMore list={list} testId="tasks-more" />
        </Stack>
      </Paper>
      {canUpdate && (
        <>
          <Paper
            withBorder
            p="md"
            radius="md"
            component="section"
            aria-labelledby="add-task-heading"
          >
            <Title order={2} className="hw-h2" id="add-task-heading">
              {t('tasks.addTitle')}
            </Title>
            <AddTaskForm caseId={caseId} assigneeId={me.user.id} onAdded={handleAdded} />
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="follow-heading">
            <Title order={2} className="hw-h2" id="follow-heading">
              {t('tasks.followUpsTitle')}
            </Title>
            <FollowUpForm caseId={caseId} onAdded={handleAdded} />
          </Paper>
        </>
      )}
    </Stack>
  );
}
