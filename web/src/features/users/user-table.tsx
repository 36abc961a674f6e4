import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BlockIcon, CheckIcon, InfoIcon } from '@web/components/icons';
import { formatDateTime } from '@web/lib/format';
import type { User } from './users.schema';

function UserStatus({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  if (user.disabled) {
    return (
      <Badge color="gray" variant="light" leftSection={<BlockIcon />}>
        {t('users.status.disabled')}
      </Badge>
    );
  }
  if (user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now()) {
    return (
      <Badge color="orange" variant="light" leftSection={<InfoIcon />} className="hw-badge-wrap">
        {t('users.status.lockedUntil', { time: formatDateTime(user.lockedUntil, i18n.language) })}
      </Badge>
    );
  }
  return (
    <Badge color="green" variant="light" leftSection={<CheckIcon />}>
      {t('users.status.active')}
    </Badge>
  );
}

/** The organisation's users; on narrow screens each row stacks into a card (see styles.css). */
export function UserTable({ users, onEdit }: { users: User[]; onEdit: (user: User) => void }) {
  const { t } = useTranslation();
  const columns = {
    name: t('users.columns.name'),
    email: t('users.columns.email'),
    role: t('users.columns.role'),
    totp: t('users.columns.totp'),
    status: t('users.columns.status'),
  };
  return (
    <Table className="hw-stack-table" verticalSpacing="sm" data-testid="users-table">
      <Table.Thead>
        <Table.Tr>
          {Object.values(columns).map((label) => (
            <Table.Th key={label} scope="col">
              {label}
            </Table.Th>
          ))}
          <Table.Th scope="col">
            <span className="hw-visually-hidden">{t('users.columns.actions')}</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => (
          <Table.Tr key={user.id} data-testid="user-row">
            <Table.Td data-label={columns.name}>
              <Text fw={700} span>
                {user.displayName}
              </Text>
            </Table.Td>
            <Table.Td data-label={columns.email} className="hw-break">
              {user.email}
            </Table.Td>
            <Table.Td data-label={columns.role}>
              {t(`roles.${user.role}`, { defaultValue: user.role })}
            </Table.Td>
            <Table.Td data-label={columns.totp}>
              {user.totpEnabled ? t('users.totpOn') : t('users.totpOff')}
            </Table.Td>
            <Table.Td data-label={columns.status}>
              <UserStatus user={user} />
            </Table.Td>
            <Table.Td>
              <Button
                variant="default"
                onClick={() => onEdit(user)}
                aria-label={t('users.editNamed', { name: user.displayName })}
              >
                {t('common.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
