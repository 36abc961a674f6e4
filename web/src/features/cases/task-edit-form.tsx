import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@web/components/confirm-modal';
import { StatusMessage, type Status } from '@web/components/status-message';
import { isApiError } from '@web/lib/api';
import { errorMessage } from '@web/lib/errors';
import { updateTask } from './cases.api';
import { TaskUpdateSchema, type Task } from './cases.schema';
import { todayIso } from './case-ui';
import { listTaskAssignees } from './task-assignees.api';
import { useLoad } from './use-load';

/** Whether a due date (`YYYY-MM-DD`) is before today in the user's time zone. */
export function isPastDate(day: string, today = todayIso()): boolean {
  return day !== '' && day < today;
}

/**
 * Edits a task: its title, due date and who it is for (a colleague who may work on the case,
 * from the server). A due date in the past is asked about before it is saved.
 */
export function TaskEditForm(props: {
  task: Task;
  onSaved: (task: Task) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { task } = props;
  const [title, setTitle] = useState(task.title ?? '');
  const [dueOn, setDueOn] = useState(task.dueOn ?? '');
  const [assigneeId, setAssigneeId] = useState(task.assigneeId ?? '');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const fetcher = useCallback(
    (signal: AbortSignal) => listTaskAssignees(task.caseId, signal),
    [task.caseId],
  );
  const colleagues = useLoad(fetcher);

  const save = async () => {
    setConfirming(false);
    const parsed = TaskUpdateSchema.safeParse({
      title,
      dueOn: dueOn || null,
      assigneeId: assigneeId || null,
    });
    if (!parsed.success) {
      setError(t('taskEdit.titleRequired'));
      return;
    }
    setBusy(true);
    try {
      props.onSaved(await updateTask(task.caseId, task.id, parsed.data));
    } catch (caught: unknown) {
      if (isApiError(caught, 'validation_failed')) {
        setError(t('taskEdit.notSaved'));
      }
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('taskEdit.titleRequired'));
      return;
    }
    setError(null);
    if (dueOn !== (task.dueOn ?? '') && isPastDate(dueOn)) {
      setConfirming(true);
      return;
    }
    void save();
  };

  const options = [
    { value: '', label: t('taskEdit.nobody') },
    ...(colleagues.data ?? []).map((person) => ({
      value: person.id,
      label: `${person.displayName} (${t(`roles.${person.role}`, { defaultValue: person.role })})`,
    })),
  ];
  if (task.assigneeId && !(colleagues.data ?? []).some((p) => p.id === task.assigneeId)) {
    options.push({ value: task.assigneeId, label: task.assigneeName ?? task.assigneeId });
  }

  return (
    <form onSubmit={handleSubmit} noValidate data-testid="task-edit-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('tasks.title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={error}
            maxLength={200}
          />
          <TextInput
            label={t('tasks.due')}
            type="date"
            value={dueOn}
            onChange={(event) => setDueOn(event.currentTarget.value)}
          />
          <NativeSelect
            label={t('taskEdit.assignee')}
            value={assigneeId}
            onChange={(event) => setAssigneeId(event.currentTarget.value)}
            data={options}
            disabled={colleagues.loading && !colleagues.data}
          />
        </SimpleGrid>
        <StatusMessage status={status} />
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {t('taskEdit.save')}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('taskEdit.pastTitle')}
        message={t('taskEdit.pastMessage')}
        confirmLabel={t('taskEdit.keepDate')}
        onConfirm={() => void save()}
        onCancel={() => setConfirming(false)}
      />
    </form>
  );
}
