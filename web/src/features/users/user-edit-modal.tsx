import { Button, Divider, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, fieldId, summaryErrors } from '@web/components/error-summary';
import { StatusMessage, type Status } from '@web/components/status-message';
import type { Role } from '@web/features/auth/auth.schema';
import { isApiError } from '@web/lib/api';
import {
  errorMessage,
  revalidate,
  serverFieldErrors,
  zodFieldErrors,
  type FieldErrors,
} from '@web/lib/errors';
import { RoleSelect } from './role-select';
import type { ResetTarget } from './user-reset-modal';
import { updateUser } from './users.api';
import { UserUpdateSchema, type User } from './users.schema';

interface EditForm {
  displayName: string;
  role: Role;
  disabled: boolean;
}

function UserEditFields(props: {
  form: EditForm;
  errors: FieldErrors;
  allowAdmin: boolean;
  /** An admin seen by someone without `user.admin`: role and access cannot be changed. */
  lockedAdmin: boolean;
  onChange: (change: Partial<EditForm>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        id={fieldId('user-edit', 'displayName')}
        label={t('users.displayName')}
        required
        value={props.form.displayName}
        onChange={(event) => props.onChange({ displayName: event.currentTarget.value })}
        error={props.errors.displayName}
      />
      <RoleSelect
        allowAdmin={props.allowAdmin}
        value={props.form.role}
        onChange={(role) => props.onChange({ role })}
        error={props.errors.role}
      />
      <Switch
        label={t('users.disabled')}
        description={t('users.disabledHint')}
        size="md"
        disabled={props.lockedAdmin}
        checked={props.form.disabled}
        onChange={(event) => props.onChange({ disabled: event.currentTarget.checked })}
      />
    </>
  );
}

/**
 * Only what the admin changed is sent: renaming, a role change and disabling are checked
 * separately by the server (an admin's role or access needs `user.admin`).
 */
function changedFields(user: User, form: EditForm): Partial<EditForm> {
  return {
    ...(form.displayName !== user.displayName && { displayName: form.displayName }),
    ...(form.role !== user.role && { role: form.role }),
    ...(form.disabled !== user.disabled && { disabled: form.disabled }),
  };
}

/** Password and 2FA resets, for someone with `user.admin` looking at another member. */
function ResetActions(props: { user: User; onReset: (kind: ResetTarget['kind']) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" align="flex-start">
      <Divider my="sm" w="100%" />
      <Text size="sm">{t('users.resetPasswordHint')}</Text>
      <Button variant="default" color="red" onClick={() => props.onReset('password')}>
        {t('users.resetPassword')}
      </Button>
      {props.user.totpEnabled && (
        <>
          <Text size="sm" mt="sm">
            {t('users.resetTotpHint')}
          </Text>
          <Button variant="default" color="red" onClick={() => props.onReset('totp')}>
            {t('users.resetTotp')}
          </Button>
        </>
      )}
    </Stack>
  );
}

/**
 * Changes a user's name, role or access. With `canAdmin` (`user.admin`) it also offers the admin
 * role and, for other members, password and 2FA resets (handled by the page, see UserResetModal).
 */
export function UserEditModal(props: {
  user: User | null;
  canAdmin: boolean;
  isSelf: boolean;
  onClose: () => void;
  onSaved: (user: User, message: string) => void;
  onReset: (target: ResetTarget) => void;
}) {
  const { t } = useTranslation();
  const { user } = props;
  const [form, setForm] = useState<EditForm>({ displayName: '', role: 'viewer', disabled: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitCount, setSubmitCount] = useState(0);
  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    setSubmitCount((count) => count + 1);
  };
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (user) {
      setForm({ displayName: user.displayName, role: user.role, disabled: user.disabled });
      setErrors({});
      setStatus(null);
    }
  }, [user]);

  if (!user) {
    return null;
  }

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = UserUpdateSchema.safeParse(changedFields(user, form));
    if (!parsed.success) {
      showErrors(zodFieldErrors(parsed.error, t, { ...form }));
      return;
    }
    setBusy(true);
    try {
      const saved = await updateUser(user.id, parsed.data);
      props.onSaved(saved, t('users.saved', { name: saved.displayName }));
    } catch (error: unknown) {
      showErrors(isApiError(error, 'validation_failed') ? serverFieldErrors(error.errors, t) : {});
      // A name belongs to the installation-wide account, like its password.
      const shared = isApiError(error, 'forbidden') && parsed.data.displayName !== undefined;
      setStatus({
        tone: 'error',
        message: shared ? t('users.sharedAccountRename') : errorMessage(error, t),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('users.editTitle', { name: user.displayName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack>
          <ErrorSummary
            errors={summaryErrors(errors, ['displayName', 'role'])}
            idPrefix="user-edit"
            submitCount={submitCount}
          />
          <StatusMessage status={status} />
          <UserEditFields
            form={form}
            errors={errors}
            allowAdmin={props.canAdmin}
            lockedAdmin={!props.canAdmin && user.role === 'admin'}
            onChange={(change) => {
              const next = { ...form, ...change };
              setForm(next);
              // A corrected field loses its error at once (its name is the only checked rule).
              const parsed = UserUpdateSchema.safeParse(changedFields(user, next));
              const now = parsed.success ? {} : zodFieldErrors(parsed.error, t, { ...next });
              setErrors((previous) => revalidate(previous, Object.keys(change), now));
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {props.canAdmin && !props.isSelf && (
        <ResetActions user={user} onReset={(kind) => props.onReset({ user, kind })} />
      )}
    </Modal>
  );
}
