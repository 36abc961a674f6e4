import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftNotice, useDraft } from '@web/components/draft-notice';
import { ErrorSummary, fieldId, summaryErrors } from '@web/components/error-summary';
import { StatusMessage, type Status } from '@web/components/status-message';
import { errorMessage, serverFieldErrors, type FieldErrors } from '@web/lib/errors';
import { isApiError } from '@web/lib/api';
import { recordConsent } from './cases.api';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  DATA_CATEGORIES,
  type ConsentDecision,
  type ConsentMethod,
  type ConsentPurpose,
  type ConsentView,
  type DataCategory,
} from './cases.schema';
import { AuthorityFields, RecipientField } from './consent-recipient-fields';
import {
  CONSENT_FIELDS,
  EMPTY_FORM,
  NEEDS_AUTHORITY,
  NEEDS_RECIPIENT,
  checkConsentForm,
  type ConsentForm,
} from './consent-form-model';
import { useConsentRecipients } from './consent-recipients';
import { ConsentSummary } from './consent-summary';

export { EMPTY_FORM, NEEDS_RECIPIENT, type ConsentForm } from './consent-form-model';

const FORM = 'consent';

function CategoryFields(props: {
  selected: DataCategory[];
  error: string | undefined;
  onToggle: (category: DataCategory, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="hw-fieldset" id={fieldId(FORM, 'dataCategories')}>
      <legend>{t('consent.fields.dataCategories')}</legend>
      <Text size="sm" c="dimmed" mb={4}>
        {t('consent.categoriesHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={0}>
        {DATA_CATEGORIES.map((category) => (
          <Checkbox
            key={category}
            label={t(`consent.categories.${category}`)}
            checked={props.selected.includes(category)}
            onChange={(event) => props.onToggle(category, event.currentTarget.checked)}
          />
        ))}
      </SimpleGrid>
      {props.error && (
        <Text c="red.8" size="sm" role="alert">
          {props.error}
        </Text>
      )}
    </fieldset>
  );
}

function GuardianFields(props: {
  form: ConsentForm;
  error: string | undefined;
  onChange: (update: Partial<ConsentForm>) => void;
}) {
  const { t } = useTranslation();
  const { form } = props;
  return (
    <>
      <Text size="sm">{t('consent.minorHint')}</Text>
      <TextInput
        id={fieldId(FORM, 'guardianName')}
        label={t('consent.fields.guardianName')}
        value={form.guardianName}
        onChange={(event) => props.onChange({ guardianName: event.currentTarget.value })}
        error={props.error}
      />
      <Textarea
        label={t('consent.fields.bestInterestNote')}
        description={t('consent.bestInterestHint')}
        autosize
        minRows={2}
        value={form.bestInterestNote}
        onChange={(event) => props.onChange({ bestInterestNote: event.currentTarget.value })}
      />
    </>
  );
}

/** The answer, how it was given and until when. */
function AnswerFields(props: {
  form: ConsentForm;
  errors: FieldErrors;
  onChange: (update: Partial<ConsentForm>) => void;
}) {
  const { t } = useTranslation();
  const { form, errors } = props;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <NativeSelect
        id={fieldId(FORM, 'decision')}
        label={t('consent.fields.decision')}
        value={form.decision}
        onChange={(event) =>
          props.onChange({ decision: event.currentTarget.value as ConsentDecision | '' })
        }
        data={[
          { value: '', label: t('consent.chooseDecision') },
          { value: 'given', label: t('consent.decisions.given') },
          { value: 'refused', label: t('consent.decisions.refused') },
        ]}
        error={errors.decision}
      />
      <NativeSelect
        label={t('consent.fields.method')}
        value={form.method}
        onChange={(event) => props.onChange({ method: event.currentTarget.value as ConsentMethod })}
        data={CONSENT_METHODS.map((method) => ({
          value: method,
          label: t(`consent.methods.${method}`),
        }))}
      />
      <TextInput
        id={fieldId(FORM, 'validUntil')}
        label={t('consent.fields.validUntil')}
        type="date"
        value={form.validUntil}
        onChange={(event) => props.onChange({ validUntil: event.currentTarget.value })}
        error={errors.validUntil}
      />
    </SimpleGrid>
  );
}

/** Drops the errors of the fields a change touched, so a corrected field is no longer red. */
function withoutErrorsFor(errors: FieldErrors, update: Partial<ConsentForm>): FieldErrors {
  const next = { ...errors };
  for (const key of Object.keys(update)) {
    delete next[key];
    if (key === 'purpose') {
      delete next.recipientOrganisationId;
      delete next.recipientName;
      delete next.recipientAuthorityKind;
    }
    if (key === 'decision' || key === 'bestInterestNote') {
      delete next.guardianName;
    }
  }
  return next;
}

/**
 * Records a consent or refusal. Nothing is preselected: the purpose, the recipient (for referral
 * and cross-border sharing, an organisation from the list, so that `canShare` can match it; for
 * legal proceedings, the authority's name and kind), the
 * categories and the answer are each chosen, and a plain-language summary is shown before saving.
 * Checked with the server's schema before sending.
 */
export function RecordConsentForm(props: {
  caseId: string;
  personName: string;
  possibleMinor: boolean;
  onRecorded: (consent: ConsentView) => void;
}) {
  const { t } = useTranslation();
  const recipients = useConsentRecipients();
  const draft = useDraft(`case:${props.caseId}:consent`, EMPTY_FORM);
  const form = draft.values;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitCount, setSubmitCount] = useState(0);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (update: Partial<ConsentForm>) => {
    draft.setValues(update);
    setErrors((previous) => withoutErrorsFor(previous, update));
  };
  const toggleCategory = (category: DataCategory, checked: boolean) =>
    change({
      dataCategories: checked
        ? [...form.dataCategories, category]
        : form.dataCategories.filter((item) => item !== category),
    });

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitCount((count) => count + 1);
    const checked = checkConsentForm(form, props.possibleMinor, t);
    if (checked.body === null) {
      setErrors(checked.errors);
      setStatus(null);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const consent = await recordConsent(props.caseId, checked.body);
      props.onRecorded(consent);
      void draft.clear(EMPTY_FORM);
      setStatus({ tone: 'success', message: t('consent.recorded') });
    } catch (error: unknown) {
      if (isApiError(error, 'validation_failed')) {
        setErrors(serverFieldErrors(error.errors, t));
      }
      setStatus({ tone: 'error', message: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };

  const list = recipients.data?.items ?? (recipients.loading ? null : []);
  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      noValidate
      data-testid="record-consent-form"
    >
      <Stack gap="sm">
        <ErrorSummary
          errors={summaryErrors(errors, CONSENT_FIELDS)}
          idPrefix={FORM}
          submitCount={submitCount}
        />
        <NativeSelect
          id={fieldId(FORM, 'purpose')}
          label={t('consent.fields.purpose')}
          value={form.purpose}
          onChange={(event) =>
            change({ purpose: event.currentTarget.value as ConsentPurpose | '' })
          }
          data={[
            { value: '', label: t('consent.choosePurpose') },
            ...CONSENT_PURPOSES.map((purpose) => ({
              value: purpose,
              label: t(`consent.purposes.${purpose}`),
            })),
          ]}
          error={errors.purpose}
        />
        {form.purpose && (
          <Text size="sm" className="hw-pre">
            {t(`consent.explain.${form.purpose}`)}
          </Text>
        )}
        {NEEDS_RECIPIENT.has(form.purpose) && (
          <RecipientField
            idPrefix={FORM}
            value={form.recipientOrganisationId}
            recipients={list}
            error={errors.recipientOrganisationId}
            onChange={(recipientOrganisationId) => change({ recipientOrganisationId })}
          />
        )}
        {NEEDS_AUTHORITY.has(form.purpose) && (
          <AuthorityFields form={form} errors={errors} onChange={change} idPrefix={FORM} />
        )}
        <CategoryFields
          selected={form.dataCategories}
          error={errors.dataCategories}
          onToggle={toggleCategory}
        />
        <AnswerFields form={form} errors={errors} onChange={change} />
        {props.possibleMinor && (
          <GuardianFields form={form} error={errors.guardianName} onChange={change} />
        )}
        <ConsentSummary form={form} personName={props.personName} recipients={list ?? []} />
        <DraftNotice draft={draft} />
        <StatusMessage status={status} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('consent.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
