import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { errorMessage } from '@web/lib/errors';
import { listAssignableUsers } from './cases.api';
import type { Case } from './cases.schema';
import { useLoad } from './use-load';

/** Above this many people, a filter field helps find one on a phone. */
const FILTER_FROM = 8;
/** The server keeps at most this many assignees per case. */
const MAX_ASSIGNEES = 10;

interface Person {
  id: string;
  name: string;
  detail: string;
}

/**
 * Who the case is assigned to (`case.assign`): one checkbox per admin, supervisor and caseworker.
 * Someone assigned now who can no longer hold cases (disabled, or another role) stays listed, so
 * unticking them is a visible choice.
 */
export function EditAssigneeFields(props: {
  record: Case;
  value: string[];
  error?: string | undefined;
  onChange: (ids: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const fetcher = useCallback((signal: AbortSignal) => listAssignableUsers(signal), []);
  const loaded = useLoad(fetcher);
  const [filter, setFilter] = useState('');

  const people: Person[] = [
    ...(loaded.data ?? []).map((user) => ({
      id: user.id,
      name: user.displayName,
      detail: t(`roles.${user.role}`),
    })),
    ...props.record.assignees
      .filter((assignee) => !(loaded.data ?? []).some((user) => user.id === assignee.id))
      .map((assignee) => ({
        id: assignee.id,
        name: assignee.displayName,
        detail: t('cases.edit.notAssignable'),
      })),
  ].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const needle = filter.trim().toLocaleLowerCase();
  const shown = people.filter(
    (person) =>
      !needle ||
      props.value.includes(person.id) ||
      person.name.toLocaleLowerCase().includes(needle),
  );

  return (
    <Stack gap="xs" data-testid="edit-assignees">
      {loaded.loading && <LoadingText />}
      {loaded.error !== null && (
        <Stack gap="xs">
          <Text size="sm" role="alert">
            {t('cases.edit.assigneesFailed', { reason: errorMessage(loaded.error, t) })}
          </Text>
          <Group>
            <Button variant="default" onClick={() => void loaded.reload()}>
              {t('common.retry')}
            </Button>
          </Group>
        </Stack>
      )}
      {loaded.data && (
        <>
          {people.length > FILTER_FROM && (
            <TextInput
              label={t('cases.edit.findPerson')}
              type="search"
              value={filter}
              onChange={(event) => setFilter(event.currentTarget.value)}
            />
          )}
          <Checkbox.Group
            label={t('cases.fields.assignees')}
            description={t('cases.edit.assigneesHint', { count: MAX_ASSIGNEES })}
            value={props.value}
            onChange={props.onChange}
            error={props.error}
          >
            <Stack gap={0} mt="xs">
              {shown.map((person) => (
                <Checkbox
                  key={person.id}
                  value={person.id}
                  label={person.name}
                  description={person.detail}
                  disabled={!props.value.includes(person.id) && props.value.length >= MAX_ASSIGNEES}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {props.value.length === 0 && (
            <Text size="sm" data-testid="no-assignee-warning">
              {t('cases.edit.noAssignee')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
