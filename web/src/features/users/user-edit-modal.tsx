import { Button, Divider, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@web/components/confirm-modal';
import { StatusMessage, type Status } from '@web/components/status-message';
import type { Role } from '@web/features/auth/auth.schema';
import { isApiError } from '@web/lib/api';
import { errorMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from '@web/lib/errors';
import { RoleSelect } from './role-select';
import { resetUserTotp, updateUser } from './users.api';
import { UserUpdateSchema, type User } from './users.schema';

interface EditForm {
  displayName: string;
  role: Role;
  disabled: boolean;
}

function UserEditFields(props: {
  form: EditForm;
  errors: FieldErrors;
  onChange: (change: Partial<EditForm>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('users.displayName')}
        required
        value={props.form.displayName}
        onChange={(event) => props.onChange({ displayName: event.currentTarget.value })}
        error={props.errors.displayName}
      />
      <RoleSelect
        value={props.form.role}
        onChange={(role) => props.onChange({ role })}
        error={props.errors.role}
      />
      <Switch
        label={t('users.disabled')}
        description={t('users.disabledHint')}
        size="md"
        checked={props.form.disabled}
        onChange={(event) => props.onChange({ disabled: event.currentTarget.checked })}
      />
    </>
  );
}

/** Changes a user's name, role or access, and resets their two-factor authentication. */
export function UserEditModal(props: {
  user: User | null;
  onClose: () => void;
  onSaved: (user: User, message: string) => void;
}) {
  const { t } = useTranslation();
  const { user } = props;
  const [form, setForm] = useState<EditForm>({ displayName: '', role: 'viewer', disabled: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);

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
    const parsed = UserUpdateSchema.safeParse(form);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setBusy(true);
    try {
      const saved = await updateUser(user.id, parsed.data);
      props.onSaved(saved, t('users.saved', { name: saved.displayName }));
    } catch (error: unknown) {
      setErrors(isApiError(error, 'validation_failed') ? serverFieldErrors(error.errors, t) : {});
      setStatus({ tone: 'error', message: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };

  const handleReset = async () => {
    setBusy(true);
    try {
      await resetUserTotp(user.id);
      setConfirmReset(false);
      props.onSaved(
        { ...user, totpEnabled: false },
        t('users.resetTotpDone', { name: user.displayName }),
      );
    } catch (error: unknown) {
      setConfirmReset(false);
      setStatus({ tone: 'error', message: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Modal
        opened={!confirmReset}
        onClose={props.onClose}
        title={t('users.editTitle', { name: user.displayName })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <Stack>
            <StatusMessage status={status} />
            <UserEditFields
              form={form}
              errors={errors}
              onChange={(change) => setForm((previous) => ({ ...previous, ...change }))}
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
        {user.totpEnabled && (
          <>
            <Divider my="lg" />
            <Text size="sm" mb="sm">
              {t('users.resetTotpHint')}
            </Text>
            <Button variant="default" color="red" onClick={() => setConfirmReset(true)}>
              {t('users.resetTotp')}
            </Button>
          </>
        )}
      </Modal>
      <ConfirmModal
        opened={confirmReset}
        title={t('users.resetTotp')}
        message={t('users.resetTotpConfirm', { name: user.displayName })}
        confirmLabel={t('users.resetTotp')}
        busy={busy}
        danger
        onConfirm={() => void handleReset()}
        onCancel={() => setConfirmReset(false)}
      />
    </>
  );
}
