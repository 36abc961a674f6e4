import { Button, PasswordInput, Stack } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, fieldId, summaryErrors } from '@web/components/error-summary';
import { StatusMessage, type Status } from '@web/components/status-message';
import { changePassword } from '@web/features/auth/auth.api';
import { PasswordChangeSchema } from '@web/features/auth/auth.schema';
import { useMe } from '@web/features/auth/session';
import { isApiError } from '@web/lib/api';
import {
  errorMessage,
  fieldMessage,
  serverFieldErrors,
  zodFieldErrors,
  type FieldErrors,
} from '@web/lib/errors';
import { useFormErrors } from '@web/lib/use-form-errors';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };
type Fields = typeof EMPTY;
const FORM = 'password-change';
const FIELD_ORDER = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** The server's password rules that need no word list (see src/domain/auth/passwords.ts). */
function newPasswordProblem(fields: Fields, email: string, t: TFunction): string | undefined {
  const password = fields.newPassword;
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (password === fields.currentPassword) {
    return t('security.password.sameAsCurrent');
  }
  if (local.length >= 4 && password.toLowerCase().includes(local)) {
    return t('security.password.containsEmail');
  }
  return /^(.)\1+$/u.test(password) ? t('errors.weak_password') : undefined;
}

/**
 * Checks the form the way the server will (its schema and the rules it can check without its
 * common-password list), plus that both new passwords are the same.
 */
function checkFields(fields: Fields, email: string, t: TFunction) {
  const parsed = PasswordChangeSchema.safeParse({
    currentPassword: fields.currentPassword,
    newPassword: fields.newPassword,
  });
  const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error, t, fields);
  errors.newPassword ??= newPasswordProblem(fields, email, t);
  if (!errors.newPassword) {
    delete errors.newPassword;
  }
  if (!fields.confirmPassword) {
    errors.confirmPassword = fieldMessage('confirmPassword', 'required', t);
  } else if (fields.confirmPassword !== fields.newPassword) {
    errors.confirmPassword = t('security.password.mismatch');
  }
  return { data: parsed.data, errors };
}

/**
 * Current password, new password and the new one again. `forced` labels the current password as
 * the temporary one an admin gave. `onChanged` runs after the server accepted the change.
 */
export function PasswordChangeForm(props: {
  forced?: boolean;
  submitLabel: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [fields, setFields] = useState(EMPTY);
  const check = useCallback(
    (values: Fields) => checkFields(values, me.user.email, t).errors,
    [me.user.email, t],
  );
  const { errors, submitCount, show: setErrors, recheck, clear } = useFormErrors(check);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const setField = (name: keyof Fields) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    const next = { ...fields, [name]: value };
    setFields(next);
    // The confirmation is checked against the new password: changing one rechecks both.
    recheck(next, name === 'newPassword' ? [name, 'confirmPassword'] : [name]);
  };

  const handleError = (caught: unknown) => {
    if (isApiError(caught, 'invalid_credentials')) {
      setErrors({ currentPassword: t('security.password.wrongCurrent') });
      setStatus(null);
      return;
    }
    if (isApiError(caught, 'weak_password')) {
      setErrors({ newPassword: t('errors.weak_password') });
    } else if (isApiError(caught, 'validation_failed')) {
      setErrors(serverFieldErrors(caught.errors, t, check(fields)));
    }
    setStatus({ tone: 'error', message: errorMessage(caught, t) });
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkFields(fields, me.user.email, t);
    if (!checked.data || Object.keys(checked.errors).length > 0) {
      setErrors(checked.errors);
      setStatus(null);
      return;
    }
    clear();
    setStatus(null);
    setBusy(true);
    try {
      await changePassword(checked.data);
      setFields(EMPTY);
      props.onChanged();
    } catch (caught: unknown) {
      handleError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="password-form">
      <Stack gap="md" maw={420}>
        <ErrorSummary
          errors={summaryErrors(errors, FIELD_ORDER)}
          idPrefix={FORM}
          submitCount={submitCount}
        />
        <StatusMessage status={status} testId="password-form-status" />
        <PasswordInput
          id={fieldId(FORM, 'currentPassword')}
          label={props.forced ? t('security.password.temporary') : t('security.password.current')}
          description={props.forced ? t('security.password.temporaryHint') : undefined}
          autoComplete="current-password"
          required
          value={fields.currentPassword}
          onChange={setField('currentPassword')}
          error={errors.currentPassword}
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
        />
        <PasswordInput
          id={fieldId(FORM, 'newPassword')}
          label={t('security.password.new')}
          description={t('security.password.newHint')}
          autoComplete="new-password"
          required
          value={fields.newPassword}
          onChange={setField('newPassword')}
          error={errors.newPassword}
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
        />
        <PasswordInput
          id={fieldId(FORM, 'confirmPassword')}
          label={t('security.password.confirm')}
          autoComplete="new-password"
          required
          value={fields.confirmPassword}
          onChange={setField('confirmPassword')}
          error={errors.confirmPassword}
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
        />
        <div>
          <Button type="submit" loading={busy}>
            {props.submitLabel}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
