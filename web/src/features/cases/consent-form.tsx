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
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { StatusMessage, type Status } from '@web/components/status-message';
import { errorMessage } from '@web/lib/errors';
import { recordConsent } from './cases.api';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  DATA_CATEGORIES,
  type ConsentCreate,
  type ConsentDecision,
  type ConsentMethod,
  type ConsentPurpose,
  type ConsentView,
  type DataCategory,
} from './cases.schema';

export interface ConsentForm {
  purpose: ConsentPurpose;
  recipientName: string;
  dataCategories: DataCategory[];
  method: ConsentMethod;
  decision: ConsentDecision;
  validUntil: string;
  guardianName: string;
  bestInterestNote: string;
}

export const EMPTY_FORM: ConsentForm = {
  purpose: 'case_management',
  recipientName: '',
  dataCategories: ['all'],
  method: 'verbal',
  decision: 'given',
  validUntil: '',
  guardianName: '',
  bestInterestNote: '',
};

export const NEEDS_RECIPIENT: ReadonlySet<ConsentPurpose> = new Set([
  'referral',
  'cross_border_sharing',
]);

function CategoryFields(props: {
  selected: DataCategory[];
  error: string | undefined;
  onToggle: (category: DataCategory, checked: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="hw-fieldset">
      <legend>{t('consent.fields.dataCategories')}</legend>
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

function toConsentBody(form: ConsentForm, possibleMinor: boolean): ConsentCreate {
  return {
    purpose: form.purpose,
    dataCategories: form.dataCategories,
    method: form.method,
    decision: form.decision,
    recipientName: form.recipientName.trim() || undefined,
    validUntil: form.validUntil || undefined,
    guardianName: (possibleMinor && form.guardianName.trim()) || undefined,
    bestInterestNote: (possibleMinor && form.bestInterestNote.trim()) || undefined,
  };
}

type ConsentProblems = Partial<Record<'recipientName' | 'dataCategories' | 'guardianName', string>>;

/** The checks the server also makes, so the person recording sees them before sending. */
function consentProblems(form: ConsentForm, possibleMinor: boolean, t: TFunction): ConsentProblems {
  const problems: ConsentProblems = {};
  if (NEEDS_RECIPIENT.has(form.purpose) && !form.recipientName.trim()) {
    problems.recipientName = t('validation.required');
  }
  if (
    possibleMinor &&
    form.decision === 'given' &&
    !form.guardianName.trim() &&
    !form.bestInterestNote.trim()
  ) {
    problems.guardianName = t('consent.guardianRequired');
  }
  if (form.dataCategories.length === 0) {
    problems.dataCategories = t('validation.chooseOne');
  }
  return problems;
}

export function RecordConsentForm(props: {
  caseId: string;
  possibleMinor: boolean;
  onRecorded: (consent: ConsentView) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ConsentForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<
    Partial<Record<'recipientName' | 'dataCategories' | 'guardianName', string>>
  >({});
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (update: Partial<ConsentForm>) =>
    setForm((previous) => ({ ...previous, ...update }));
  const toggleCategory = (category: DataCategory, checked: boolean) =>
    change({
      dataCategories: checked
        ? [...form.dataCategories, category]
        : form.dataCategories.filter((item) => item !== category),
    });

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = consentProblems(form, props.possibleMinor, t);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      return;
    }
    const body = toConsentBody(form, props.possibleMinor);
    setBusy(true);
    try {
      const consent = await recordConsent(props.caseId, body);
      props.onRecorded(consent);
      setForm(EMPTY_FORM);
      setStatus({ tone: 'success', message: t('consent.recorded') });
    } catch (error: unknown) {
      setStatus({ tone: 'error', message: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      noValidate
      data-testid="record-consent-form"
    >
      <Stack gap="sm">
        <NativeSelect
          label={t('consent.fields.purpose')}
          value={form.purpose}
          onChange={(event) => change({ purpose: event.currentTarget.value as ConsentPurpose })}
          data={CONSENT_PURPOSES.map((purpose) => ({
            value: purpose,
            label: t(`consent.purposes.${purpose}`),
          }))}
        />
        <Text size="sm" className="hw-pre">
          {t(`consent.explain.${form.purpose}`)}
        </Text>
        {NEEDS_RECIPIENT.has(form.purpose) && (
          <TextInput
            label={t('consent.fields.recipientName')}
            value={form.recipientName}
            onChange={(event) => change({ recipientName: event.currentTarget.value })}
            error={errors.recipientName}
          />
        )}
        <CategoryFields
          selected={form.dataCategories}
          error={errors.dataCategories}
          onToggle={toggleCategory}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('consent.fields.decision')}
            value={form.decision}
            onChange={(event) => change({ decision: event.currentTarget.value as ConsentDecision })}
            data={[
              { value: 'given', label: t('consent.decisions.given') },
              { value: 'refused', label: t('consent.decisions.refused') },
            ]}
          />
          <NativeSelect
            label={t('consent.fields.method')}
            value={form.method}
            onChange={(event) => change({ method: event.currentTarget.value as ConsentMethod })}
            data={CONSENT_METHODS.map((method) => ({
              value: method,
              label: t(`consent.methods.${method}`),
            }))}
          />
          <TextInput
            label={t('consent.fields.validUntil')}
            type="date"
            value={form.validUntil}
            onChange={(event) => change({ validUntil: event.currentTarget.value })}
          />
        </SimpleGrid>
        {props.possibleMinor && (
          <GuardianFields form={form} error={errors.guardianName} onChange={change} />
        )}
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

/** Consents: what the person agreed to now, the history, new records, withdrawal and printing. */
