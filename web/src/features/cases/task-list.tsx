import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckIcon } from '@web/components/icons';
import { formatDate } from '@web/lib/format';
import { href } from '@web/lib/router';
import type { Task } from './cases.schema';
import { useState } from 'react';
import { HIDDEN, OverdueBadge, initials } from './case-ui';
import { TaskEditForm } from './task-edit-form';

/** Open tasks first, overdue before the rest, then by due date (no date last). */
export function sortTasks(tasks: Task[]): Task[] {
  const rank = (task: Task) => (task.status === 'done' ? 2 : task.overdue ? 0 : 1);
  return [...tasks].sort(
    (a, b) => rank(a) - rank(b) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
  );
}

/**
 * Tasks as cards; overdue ones say so in words, with an icon and a red edge. With `onSaved`,
 * each open task has an Edit button that opens its form in place. With `showCase`, each card
 * links to the person (their name, or initials with `hideNames`) and case number.
 */
export function TaskList(props: {
  tasks: Task[];
  showCase?: boolean;
  hideNames?: boolean;
  /** Keep the order given (already grouped by the caller) instead of sorting. */
  ordered?: boolean;
  busyId?: string | null;
  onDone?: (task: Task) => void;
  onSaved?: (task: Task) => void;
}) {
  const { t, i18n } = useTranslation();
  const [editingId, setEditingId] = useState<string | null>(null);
  const shown = props.ordered ? props.tasks : sortTasks(props.tasks);
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      data-testid="task-list"
    >
      {shown.map((task) => (
        <Paper
          key={task.id}
          component="li"
          withBorder
          p="sm"
          radius="md"
          className={task.overdue && task.status === 'open' ? 'hw-overdue' : undefined}
          data-testid="task-item"
        >
          <Group justify="space-between" align="flex-start" gap="sm">
            <Stack gap={4} style={{ flex: '1 1 12rem', minWidth: 0 }}>
              <Text fw={700} className="hw-break">
                {task.title ?? HIDDEN}
              </Text>
              <Group gap="xs">
                {task.status === 'open' && task.overdue && <OverdueBadge />}
                {task.status === 'done' && (
                  <Text size="sm" span>
                    <CheckIcon />{' '}
                    {t('tasks.doneOn', { date: formatDate(task.completedAt, i18n.language) })}
                  </Text>
                )}
                {task.kind === 'follow_up' && (
                  <Text size="sm" span>
                    {t('tasks.followUp')}
                  </Text>
                )}
              </Group>
              <Text size="sm">
                {task.dueOn
                  ? t('tasks.dueOn', { date: formatDate(task.dueOn, i18n.language) })
                  : t('tasks.noDue')}
                {task.assigneeName ? ` · ${task.assigneeName}` : ''}
              </Text>
              {props.showCase && (
                <Anchor href={href(`/cases/${task.caseId}`)} size="sm" className="hw-touch-link">
                  <span className="hw-name">
                    {props.hideNames ? initials(task.personName) : task.personName}
                  </span>
                  {' · '}
                  {task.caseNumber}
                </Anchor>
              )}
            </Stack>
            <Group gap="xs">
              {props.onSaved && task.status === 'open' && editingId !== task.id && (
                <Button
                  variant="default"
                  onClick={() => setEditingId(task.id)}
                  aria-label={t('taskEdit.editNamed', { title: task.title ?? '' })}
                >
                  {t('common.edit')}
                </Button>
              )}
              {props.onDone && task.status === 'open' && (
                <Button
                  variant="default"
                  loading={props.busyId === task.id}
                  onClick={() => props.onDone?.(task)}
                  aria-label={t('tasks.markDoneNamed', { title: task.title })}
                >
                  {t('tasks.markDone')}
                </Button>
              )}
            </Group>
          </Group>
          {editingId === task.id && props.onSaved && (
            <TaskEditForm
              task={task}
              onCancel={() => setEditingId(null)}
              onSaved={(saved) => {
                setEditingId(null);
                props.onSaved?.(saved);
              }}
            />
          )}
        </Paper>
      ))}
    </Stack>
  );
}
