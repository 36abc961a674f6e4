import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoleSchema, type Role } from '@web/features/auth/auth.schema';

/** A select of the five roles, labelled in the UI language. */
export function RoleSelect(props: {
  value: Role;
  onChange: (role: Role) => void;
  error?: string | undefined;
  description?: string;
}) {
  const { t } = useTranslation();
  const handleChange = (event: React.ChangeEvent<HTMLSelectElement>) => {
    const parsed = RoleSchema.safeParse(event.currentTarget.value);
    if (parsed.success) {
      props.onChange(parsed.data);
    }
  };
  return (
    <NativeSelect
      label={t('users.role')}
      description={props.description}
      value={props.value}
      onChange={handleChange}
      error={props.error}
      data={RoleSchema.options.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
