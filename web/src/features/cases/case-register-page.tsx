import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { followScript } from '@/domain/cases/name-script.schema.ts';
import { ConfirmModal } from '@web/components/confirm-modal';
import { DraftNotice, useDraft } from '@web/components/draft-notice';
import { ErrorSummary, summaryErrors } from '@web/components/error-summary';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { isApiError } from '@web/lib/api';
import {
  errorMessage,
  revalidate,
  serverFieldErrors,
  zodFieldErrors,
  type FieldErrors,
} from '@web/lib/errors';
import { createCase } from './cases.api';
import { CaseCreateSchema } from './cases.schema';
import { isIso3 } from './countries';
import './cases.css';
import {
  EMPTY,
  forgetLegacyDrafts,
  formErrors,
  looksUnder18,
  toCreateBody,
  type RegisterForm,
} from './register-form';
import { DuplicateWarning, useDuplicates } from './duplicate-warning';
import { RegisterConfirmation } from './register-confirmation';
import { AboutFields, ConsentFields, ContactFields, NameFields } from './register-fields';

/** The fields top to bottom, for the error summary (ids `register-<field>`). */
const REGISTER_FIELDS = [
  'given',
  'family',
  'nationality',
  'birthYear',
  'estimatedAge',
  'sex',
  'duplicates',
  'contactValue',
  'consentDecision',
  'guardianName',
];

/** Fills in each name's script from its letters as it is typed, unless the user chose one. */
function withDetectedScripts(previous: RegisterForm, next: RegisterForm): RegisterForm {
  const text = (given: string, family: string) => `${given} ${family}`.trim();
  return {
    ...next,
    script: followScript(
      { text: text(previous.given, previous.family), script: previous.script },
      { text: text(next.given, next.family), script: next.script },
    ),
    altScript: followScript(
      { text: text(previous.altGiven, previous.altFamily), script: previous.altScript },
      { text: text(next.altGiven, next.altFamily), script: next.altScript },
    ),
  };
}

export function CaseRegisterPage() {
  const { t, i18n } = useTranslation();
  // Kept as a draft on the server as the person types (never in the browser's storage).
  const draft = useDraft('register', EMPTY);
  const form = draft.values;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitCount, setSubmitCount] = useState(0);
  const [confirmClear, setConfirmClear] = useState(false);
  const [created, setCreated] = useState<{ id: string; caseNumber: string } | null>(null);
  const duplicates = useDuplicates(form);
  useEffect(forgetLegacyDrafts, []);
  // "This is a different person" holds for the records shown when it was said, not for new ones.
  const duplicateKey = duplicates.map((item) => item.id).join(',');
  const [differentFrom, setDifferentFrom] = useState<string | null>(null);
  const duplicateOpen = duplicates.length > 0 && differentFrom !== duplicateKey;

  const handleDiscard = () => {
    void draft.clear(EMPTY);
    setErrors({});
    setStatus(null);
    setDifferentFrom(null);
    setConfirmClear(false);
  };

  const handleAnother = () => {
    handleDiscard();
    setCreated(null);
  };

  /** What submitting `values` now would refuse, field by field (empty when it would go). */
  const check = (values: RegisterForm) => {
    const local: FieldErrors = {};
    if (duplicateOpen) {
      local.duplicates = t('cases.duplicates.mustChoose');
    }
    if (!values.consentDecision) {
      local.consentDecision = t('consent.decisionRequired');
    }
    const minor = looksUnder18(values, i18n.language);
    if (
      minor &&
      values.consentDecision === 'given' &&
      !values.guardianName.trim() &&
      !values.bestInterestNote.trim()
    ) {
      local.guardianName = t('consent.guardianRequired');
    }
    if (values.nationality && !isIso3(values.nationality)) {
      local.nationality = t('cases.country.codeHint');
    }
    const parsed = CaseCreateSchema.safeParse(toCreateBody(values, i18n.language));
    const zodErrors = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    const paths = parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
    const errors = { ...formErrors(zodErrors, paths, minor, t), ...local };
    return { errors, body: parsed.success && Object.keys(local).length === 0 ? parsed.data : null };
  };

  const handleChange = (change: Partial<RegisterForm>) => {
    draft.setValues((previous) => withDetectedScripts(previous, { ...previous, ...change }));
    const next = withDetectedScripts(form, { ...form, ...change });
    // A corrected field loses its error at once, not at the next submit (issue 9, item 5).
    setErrors((previous) =>
      Object.keys(previous).length === 0
        ? previous
        : revalidate(previous, Object.keys(change), check(next).errors),
    );
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitCount((count) => count + 1);
    const { errors: found, body } = check(form);
    if (body === null) {
      setErrors(found);
      setStatus({ tone: 'error', message: t('errors.validation_failed') });
      return;
    }
    setErrors({});
    setStatus(null);
    setBusy(true);
    try {
      const record = await createCase(body);
      void draft.clear(EMPTY);
      setCreated({ id: record.id, caseNumber: record.caseNumber });
    } catch (error: unknown) {
      if (isApiError(error, 'validation_failed')) {
        setErrors(
          formErrors(
            serverFieldErrors(error.errors, t),
            error.errors.map((issue) => issue.path),
            looksUnder18(form, i18n.language),
            t,
          ),
        );
      }
      setStatus({ tone: 'error', message: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Stack gap="md" maw={760}>
        <PageTitle>{t('cases.register.title')}</PageTitle>
        <RegisterConfirmation
          caseId={created.id}
          caseNumber={created.caseNumber}
          onAnother={handleAnother}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={760}>
      <PageTitle>{t('cases.register.title')}</PageTitle>
      <Text>{t('cases.register.intro')}</Text>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <Stack gap="md">
          <ErrorSummary
            errors={summaryErrors(errors, REGISTER_FIELDS)}
            idPrefix="register"
            submitCount={submitCount}
          />
          <StatusMessage status={status} testId="register-status" />
          <Paper withBorder p="md" radius="md">
            <Stack gap="md">
              <NameFields form={form} errors={errors} onChange={handleChange} />
              <AboutFields form={form} errors={errors} onChange={handleChange} />
            </Stack>
          </Paper>
          <DuplicateWarning
            items={duplicates}
            markedDifferent={duplicates.length > 0 && !duplicateOpen}
            error={duplicateOpen ? errors.duplicates : undefined}
            onDifferent={() => {
              setDifferentFrom(duplicateKey);
              setErrors((previous) => {
                const next = { ...previous };
                delete next.duplicates;
                return next;
              });
            }}
            onUndo={() => setDifferentFrom(null)}
          />
          <Paper withBorder p="md" radius="md">
            <ContactFields form={form} errors={errors} onChange={handleChange} />
          </Paper>
          <Paper withBorder p="md" radius="md">
            <ConsentFields form={form} errors={errors} onChange={handleChange} />
          </Paper>
          <DraftNotice draft={draft} />
          <Text size="sm" c="dimmed">
            {t('cases.register.draftNote')}
          </Text>
          <Group gap="sm">
            <Button type="submit" loading={busy}>
              {t('cases.register.submit')}
            </Button>
            <Button variant="default" onClick={() => setConfirmClear(true)}>
              {t('cases.register.discard')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmModal
        opened={confirmClear}
        title={t('cases.register.clearTitle')}
        message={t('cases.register.clearConfirm')}
        confirmLabel={t('cases.register.discard')}
        danger
        onConfirm={handleDiscard}
        onCancel={() => setConfirmClear(false)}
      />
    </Stack>
  );
}
