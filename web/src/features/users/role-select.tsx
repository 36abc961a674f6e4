import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoleSchema, type Role } from '@web/features/auth/auth.schema';

/**
 * A select of the roles, labelled in the UI language. Without `allowAdmin` (the `user.admin`
 * permission) the admin role is not offered, and an admin's role cannot be changed.
 */
export function RoleSelect(props: {
  value: Role;
  onChange: (role: Role) => void;
  allowAdmin: boolean;
  error?: string | undefined;
  description?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const locked = !props.allowAdmin && props.value === 'admin';
  const handleChange = (event: React.ChangeEvent<HTMLSelectElement>) => {
    const parsed = RoleSchema.safeParse(event.currentTarget.value);
    if (parsed.success) {
      props.onChange(parsed.data);
    }
  };
  const roles = RoleSchema.options.filter((role) => role !== 'admin' || props.allowAdmin || locked);
  return (
    <NativeSelect
      id={props.id}
      label={t('users.role')}
      description={locked ? t('users.adminRoleLocked') : props.description}
      value={props.value}
      onChange={handleChange}
      disabled={locked}
      error={props.error}
      data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
