import { Button, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, fieldId, summaryErrors } from '@web/components/error-summary';
import { StatusMessage, type Status } from '@web/components/status-message';
import type { Role } from '@web/features/auth/auth.schema';
import { isApiError } from '@web/lib/api';
import { errorMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from '@web/lib/errors';
import { useFormErrors } from '@web/lib/use-form-errors';
import { RoleSelect } from './role-select';
import { TemporaryPassword } from './temporary-password';
import { createUser } from './users.api';
import { UserCreateSchema, type User, type UserCreated } from './users.schema';

const EMPTY = { email: '', displayName: '', role: 'caseworker' as Role, password: '' };

type CreateForm = typeof EMPTY;
const FORM = 'user-create';
const FIELD_ORDER = ['displayName', 'email', 'role', 'password'] as const;

function toInput(form: CreateForm) {
  return { ...form, password: form.password || undefined };
}

function UserCreateFields(props: {
  form: CreateForm;
  errors: FieldErrors;
  allowAdmin: boolean;
  onChange: (change: Partial<CreateForm>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        id={fieldId(FORM, 'displayName')}
        label={t('users.displayName')}
        description={t('users.displayNameHint')}
        required
        value={props.form.displayName}
        onChange={(event) => props.onChange({ displayName: event.currentTarget.value })}
        error={props.errors.displayName}
      />
      <TextInput
        id={fieldId(FORM, 'email')}
        label={t('users.email')}
        type="email"
        inputMode="email"
        autoComplete="off"
        required
        value={props.form.email}
        onChange={(event) => props.onChange({ email: event.currentTarget.value })}
        error={props.errors.email}
      />
      <RoleSelect
        id={fieldId(FORM, 'role')}
        allowAdmin={props.allowAdmin}
        description={t('users.roleHint')}
        value={props.form.role}
        onChange={(role) => props.onChange({ role })}
        error={props.errors.role}
      />
      <PasswordInput
        id={fieldId(FORM, 'password')}
        label={t('users.password')}
        description={t('users.passwordHint')}
        autoComplete="new-password"
        value={props.form.password}
        onChange={(event) => props.onChange({ password: event.currentTarget.value })}
        error={props.errors.password}
        visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
      />
    </>
  );
}

/**
 * Adds a user. When the server generated the password, it is shown once, and the dialog stays open
 * until the admin confirms they have noted it. When the e-mail already had an account (perhaps in
 * another organisation), that person was added and keeps their password: `existingAccount`.
 * The admin role is offered only with `allowAdmin` (`user.admin`).
 */
export function UserCreateModal(props: {
  opened: boolean;
  allowAdmin: boolean;
  onClose: () => void;
  onCreated: (user: User, existingAccount: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const check = useCallback(
    (values: CreateForm): FieldErrors => {
      const parsed = UserCreateSchema.safeParse(toInput(values));
      return parsed.success ? {} : zodFieldErrors(parsed.error, t, values);
    },
    [t],
  );
  const { errors, submitCount, show: setErrors, recheck, clear } = useFormErrors(check);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<UserCreated | null>(null);

  const handleClose = () => {
    setForm(EMPTY);
    clear();
    setStatus(null);
    setCreated(null);
    props.onClose();
  };

  const handleError = (error: unknown) => {
    if (isApiError(error, 'email_taken')) {
      setErrors({ email: t('errors.email_taken') });
    } else if (isApiError(error, 'weak_password')) {
      setErrors({ password: t('errors.weak_password') });
    } else if (isApiError(error, 'validation_failed')) {
      setErrors(serverFieldErrors(error.errors, t, check(form)));
    }
    setStatus({ tone: 'error', message: errorMessage(error, t) });
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = UserCreateSchema.safeParse(toInput(form));
    if (!parsed.success) {
      setErrors(check(form));
      return;
    }
    clear();
    setStatus(null);
    setBusy(true);
    try {
      const result = await createUser(parsed.data);
      props.onCreated(result.user, result.existingAccount);
      if (result.temporaryPassword) {
        setCreated(result);
      } else {
        handleClose();
      }
    } catch (error: unknown) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={props.opened}
      onClose={handleClose}
      title={created ? t('users.tempPasswordTitle') : t('users.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={!created}
    >
      {created?.temporaryPassword ? (
        <TemporaryPassword
          intro={t('users.tempPasswordIntro', { name: created.user.displayName })}
          password={created.temporaryPassword}
          onDone={handleClose}
        />
      ) : (
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <Stack>
            <ErrorSummary
              errors={summaryErrors(errors, FIELD_ORDER)}
              idPrefix={FORM}
              submitCount={submitCount}
            />
            <StatusMessage status={status} />
            <UserCreateFields
              form={form}
              errors={errors}
              allowAdmin={props.allowAdmin}
              onChange={(change) => {
                const next = { ...form, ...change };
                setForm(next);
                recheck(next, Object.keys(change));
              }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={handleClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('users.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
