import { Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { errorMessage } from '@web/lib/errors';
import { useCursorList } from '@web/lib/use-cursor-list';
import { UserCreateModal } from './user-create-modal';
import { UserEditModal } from './user-edit-modal';
import { UserResetModal, type ResetTarget } from './user-reset-modal';
import { UserTable } from './user-table';
import { listUsers } from './users.api';
import type { User } from './users.schema';

/**
 * Admin page: the organisation's users, their roles and access. Admin roles and password and 2FA
 * resets need `user.admin`.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canAdmin = hasPermission(me, 'user.admin');
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => listUsers({ cursor }, signal),
    [],
  );
  const list = useCursorList(fetchPage);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<ResetTarget | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const handleCreated = (user: User, existingAccount: boolean) => {
    list.setItems((items) => [user, ...items]);
    setStatus(
      existingAccount
        ? { tone: 'info', message: t('users.existingAccount', { name: user.displayName }) }
        : { tone: 'success', message: t('users.created', { name: user.displayName }) },
    );
  };

  const handleReset = (target: ResetTarget) => {
    setEditing(null);
    setResetting(target);
  };

  const handleSaved = (user: User, message: string) => {
    list.setItems((items) => items.map((item) => (item.id === user.id ? user : item)));
    setEditing(null);
    setResetting(null);
    setStatus({ tone: 'success', message });
  };

  const shownStatus: Status | null = list.error
    ? { tone: 'error', message: errorMessage(list.error, t) }
    : status;

  return (
    <Stack gap="md">
      <PageTitle>{t('users.title')}</PageTitle>
      <Text maw={720}>{t('users.intro')}</Text>
      <Group>
        <Button onClick={() => setCreating(true)}>{t('users.add')}</Button>
      </Group>
      <StatusMessage status={shownStatus} testId="users-status" />
      {list.items.length > 0 && <UserTable users={list.items} onEdit={setEditing} />}
      {!list.loading && !list.error && list.items.length === 0 && <Text>{t('users.empty')}</Text>}
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
      <UserCreateModal
        opened={creating}
        allowAdmin={canAdmin}
        onClose={() => setCreating(false)}
        onCreated={handleCreated}
      />
      <UserEditModal
        user={editing}
        canAdmin={canAdmin}
        isSelf={editing?.id === me.user.id}
        onClose={() => setEditing(null)}
        onSaved={handleSaved}
        onReset={handleReset}
      />
      <UserResetModal target={resetting} onClose={() => setResetting(null)} onDone={handleSaved} />
    </Stack>
  );
}
