import { Button, Container, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, fieldId, summaryErrors } from '@web/components/error-summary';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { isApiError } from '@web/lib/api';
import { errorMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from '@web/lib/errors';
import { useFormErrors } from '@web/lib/use-form-errors';
import { login } from './auth.api';
import { LoginSchema, type Login } from './auth.schema';
import { useSession, type LoginNotice } from './session';

/** `password`: email and password; `totp`: six-digit code; `recovery`: a recovery code. */
type Step = 'password' | 'totp' | 'recovery';
type Fields = Record<'email' | 'password' | 'totp' | 'recoveryCode', string>;

/** Ids of the login fields, for the error summary's links. */
const FORM = 'login';
const FIELD_ORDER = ['email', 'password', 'totp', 'recoveryCode'] as const;

const NOTICE_KEYS = {
  locked: 'auth.notice.locked',
  loggedOut: 'auth.notice.loggedOut',
  loggedOutEverywhere: 'auth.notice.loggedOutEverywhere',
  sessionEnded: 'auth.notice.sessionEnded',
} as const satisfies Record<LoginNotice, string>;

function buildInput(step: Step, fields: Fields): Login {
  const base = { email: fields.email, password: fields.password };
  if (step === 'totp') {
    // Apps show codes as "123 456"; people type them that way.
    return { ...base, totp: fields.totp.replace(/\s+/g, '') };
  }
  return step === 'recovery' ? { ...base, recoveryCode: fields.recoveryCode } : base;
}

/**
 * Login: email and password, then, when the server answers `totp_required`, an authentication
 * code from the user's app or one of their recovery codes.
 */
export function LoginPage({ notice }: { notice: LoginNotice | null }) {
  const { t } = useTranslation();
  const { handleSignedIn } = useSession();
  const [step, setStep] = useState<Step>('password');
  const [fields, setFields] = useState({ email: '', password: '', totp: '', recoveryCode: '' });
  const check = useCallback(
    (values: Fields): FieldErrors => {
      const parsed = LoginSchema.safeParse(buildInput(step, values));
      return parsed.success ? {} : zodFieldErrors(parsed.error, t, values);
    },
    [step, t],
  );
  const {
    errors: fieldErrors,
    submitCount,
    show: showFieldErrors,
    recheck,
    set: setFieldErrors,
  } = useFormErrors(check);
  const [status, setStatus] = useState<Status | null>(null);
  // The notice is translated at render time, so switching language also translates it.
  const shownStatus: Status | null =
    status ?? (notice ? { tone: 'info', message: t(NOTICE_KEYS[notice]) } : null);
  const [busy, setBusy] = useState(false);

  const setField = (name: keyof typeof fields) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    const next = { ...fields, [name]: value };
    setFields(next);
    recheck(next, [name]);
  };

  const handleLoginError = (error: unknown) => {
    if (isApiError(error, 'totp_required')) {
      setStep('totp');
      setStatus({ tone: 'info', message: t('auth.totpNeeded') });
    } else if (isApiError(error, 'totp_invalid')) {
      showFieldErrors({
        [step === 'recovery' ? 'recoveryCode' : 'totp']: t(
          step === 'recovery' ? 'auth.recoveryInvalid' : 'errors.totp_invalid',
        ),
      });
      setStatus(null);
    } else {
      if (isApiError(error, 'invalid_credentials')) {
        setStep('password');
      }
      if (isApiError(error, 'validation_failed')) {
        showFieldErrors(serverFieldErrors(error.errors, t, check(fields)));
      }
      setStatus({ tone: 'error', message: errorMessage(error, t) });
    }
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = LoginSchema.safeParse(buildInput(step, fields));
    if (!parsed.success) {
      showFieldErrors(zodFieldErrors(parsed.error, t, fields));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      handleSignedIn(await login(parsed.data));
    } catch (error: unknown) {
      handleLoginError(error);
    } finally {
      setBusy(false);
    }
  };

  const handleStartAgain = () => {
    setStep('password');
    setFields({ email: fields.email, password: '', totp: '', recoveryCode: '' });
    setFieldErrors({});
    setStatus(null);
  };

  return (
    <Container size={440} px={0} py="md">
      <PageTitle>{t('auth.title')}</PageTitle>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <Stack gap="md">
            <ErrorSummary
              errors={summaryErrors(fieldErrors, FIELD_ORDER)}
              idPrefix={FORM}
              submitCount={submitCount}
            />
            <StatusMessage status={shownStatus} testId="login-status" />
            {step === 'password' ? (
              <>
                <TextInput
                  id={fieldId(FORM, 'email')}
                  label={t('auth.email')}
                  type="email"
                  inputMode="email"
                  autoComplete="username"
                  required
                  value={fields.email}
                  onChange={setField('email')}
                  error={fieldErrors.email}
                />
                <PasswordInput
                  id={fieldId(FORM, 'password')}
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  value={fields.password}
                  onChange={setField('password')}
                  error={fieldErrors.password}
                  visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                />
              </>
            ) : (
              <SecondFactorFields
                step={step}
                fields={fields}
                errors={fieldErrors}
                onChange={setField}
              />
            )}
            <Button type="submit" loading={busy} fullWidth>
              {t('auth.submit')}
            </Button>
            {step !== 'password' && (
              <SecondFactorActions step={step} onStep={setStep} onStartAgain={handleStartAgain} />
            )}
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}

function SecondFactorFields(props: {
  step: Exclude<Step, 'password'>;
  fields: { totp: string; recoveryCode: string };
  errors: FieldErrors;
  onChange: (
    name: 'totp' | 'recoveryCode',
  ) => (event: { currentTarget: { value: string } }) => void;
}) {
  const { t } = useTranslation();
  if (props.step === 'recovery') {
    return (
      <TextInput
        key="recovery"
        id={fieldId(FORM, 'recoveryCode')}
        label={t('auth.recoveryCode')}
        description={t('auth.recoveryHint')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        value={props.fields.recoveryCode}
        onChange={props.onChange('recoveryCode')}
        error={props.errors.recoveryCode}
      />
    );
  }
  return (
    <TextInput
      key="totp"
      id={fieldId(FORM, 'totp')}
      label={t('auth.totp')}
      description={t('auth.totpHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={8}
      required
      autoFocus
      value={props.fields.totp}
      onChange={props.onChange('totp')}
      error={props.errors.totp}
    />
  );
}

function SecondFactorActions(props: {
  step: Exclude<Step, 'password'>;
  onStep: (step: Step) => void;
  onStartAgain: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Button
        variant="default"
        onClick={() => props.onStep(props.step === 'totp' ? 'recovery' : 'totp')}
      >
        {props.step === 'totp' ? t('auth.useRecoveryCode') : t('auth.useTotp')}
      </Button>
      <Button variant="default" onClick={props.onStartAgain}>
        {t('auth.startAgain')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('auth.lostDevice')}
      </Text>
    </Stack>
  );
}
