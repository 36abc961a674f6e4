import type { TFunction } from 'i18next';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, fieldId, summaryErrors } from '@web/components/error-summary';
import { StatusMessage, type Status } from '@web/components/status-message';
import { isApiError } from '@web/lib/api';
import { fieldMessage, issueKind, type FieldErrors } from '@web/lib/errors';
import { directoryErrorMessage as errorMessage } from './directory-errors';
import { useFormErrors } from '@web/lib/use-form-errors';
import { availabilityLabel, genderLabel, kindLabel, methodLabel } from './directory-labels';
import {
  AVAILABILITIES,
  ELIGIBLE_GENDERS,
  REFERRAL_METHODS,
  SERVICE_KINDS,
  ServiceInputSchema,
  type Availability,
  type ServiceInput,
  type ServiceKind,
  type StaffServiceDetail,
} from './directory.schema';
import { formField, toServiceInput, type ServiceFormValues } from './service-form-model';

const FORM = 'directory-service';
const FIELD_ORDER = [
  'kind',
  'name',
  'description',
  'countries',
  'regions',
  'languages',
  'genders',
  'minAge',
  'maxAge',
  'nationalities',
  'capacity',
  'availability',
  'phone',
  'email',
  'web',
  'hours',
  'referralMethods',
  'public',
  'address',
];

function check(values: ServiceFormValues, t: TFunction): FieldErrors {
  const parsed = ServiceInputSchema.safeParse(toServiceInput(values));
  const errors: FieldErrors = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = formField(issue.path);
    const { kind, params } = issueKind(issue, field);
    errors[field] ??= fieldMessage(field, kind, t, params);
  }
  return errors;
}

type FormProps = {
  initial: ServiceFormValues;
  send: (input: ServiceInput) => Promise<StaffServiceDetail>;
  onSaved: (saved: StaffServiceDetail) => void;
};

/** The form's state, its field props and its submit. */
function useServiceForm(props: FormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(props.initial);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors((v: ServiceFormValues) => check(v, t));
  const change = (patch: Partial<ServiceFormValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    form.recheck(next, Object.keys(patch));
  };
  const text = (field: keyof ServiceFormValues, label: string, hint?: string) => ({
    id: fieldId(FORM, field),
    label,
    description: hint,
    value: values[field] as string,
    error: form.errors[field],
    onChange: (e: { currentTarget: { value: string } }) =>
      change({ [field]: e.currentTarget.value }),
  });
  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = check(values, t);
    if (Object.keys(errors).length > 0) {
      form.show(errors);
      return;
    }
    setBusy(true);
    try {
      props.onSaved(await props.send(ServiceInputSchema.parse(toServiceInput(values))));
    } catch (caught: unknown) {
      if (isApiError(caught, 'validation_failed')) {
        const fromServer: FieldErrors = {};
        for (const issue of caught.errors) {
          fromServer[formField(issue.path)] ??= fieldMessage(formField(issue.path), 'format', t);
        }
        form.show(fromServer);
      }
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };
  return { t, values, change, text, form, status, busy, handleSubmit };
}

type Form = ReturnType<typeof useServiceForm>;

/** Where the service works and for whom. */
function WhereFields({ f }: { f: Form }) {
  const { t, values, change, text } = f;
  return (
    <>
      <Title order={2} size="h4">
        {t('directory.form.where')}
      </Title>
      <TextInput
        {...text('countries', t('directory.form.countries'), t('directory.form.countriesHint'))}
        required
      />
      <TextInput
        {...text('regions', t('directory.form.regions'), t('directory.form.regionsHint'))}
      />
      <TextInput
        {...text('languages', t('directory.form.languages'), t('directory.form.languagesHint'))}
        required
      />
      <Checkbox.Group
        id={fieldId(FORM, 'genders')}
        label={t('directory.form.genders')}
        description={t('directory.form.gendersHint')}
        value={values.genders}
        onChange={(g) => change({ genders: g })}
      >
        <Group gap="md" mt={4}>
          {ELIGIBLE_GENDERS.map((g) => (
            <Checkbox key={g} value={g} label={genderLabel(g, t)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group grow align="flex-start">
        <TextInput {...text('minAge', t('directory.form.minAge'))} inputMode="numeric" />
        <TextInput {...text('maxAge', t('directory.form.maxAge'))} inputMode="numeric" />
      </Group>
      <TextInput
        {...text(
          'nationalities',
          t('directory.form.nationalities'),
          t('directory.form.nationalitiesHint'),
        )}
      />
    </>
  );
}

/** Capacity, availability, contact, how to refer, visibility and address. */
function ContactFields({ f }: { f: Form }) {
  const { t, values, change, text, form } = f;
  return (
    <>
      <Title order={2} size="h4">
        {t('directory.form.availabilityTitle')}
      </Title>
      <NativeSelect
        {...text('availability', t('directory.availabilityLabel'))}
        data={AVAILABILITIES.map((a) => ({ value: a, label: availabilityLabel(a, t) }))}
        onChange={(e) => change({ availability: e.currentTarget.value as Availability })}
      />
      <TextInput
        {...text('capacity', t('directory.capacity'), t('directory.form.capacityHint'))}
        inputMode="numeric"
      />
      <Title order={2} size="h4">
        {t('directory.contact')}
      </Title>
      <TextInput {...text('phone', t('directory.form.phone'))} type="tel" />
      <TextInput {...text('email', t('directory.form.email'))} type="email" />
      <TextInput {...text('web', t('directory.form.web'))} type="url" />
      <Textarea {...text('hours', t('directory.hours'))} autosize minRows={1} />
      <Checkbox.Group
        id={fieldId(FORM, 'referralMethods')}
        label={t('directory.howToRefer')}
        required
        value={values.referralMethods}
        error={form.errors.referralMethods}
        onChange={(m) => change({ referralMethods: m })}
      >
        <Group gap="md" mt={4}>
          {REFERRAL_METHODS.map((m) => (
            <Checkbox key={m} value={m} label={methodLabel(m, t)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Title order={2} size="h4">
        {t('directory.visibility')}
      </Title>
      <Switch
        id={fieldId(FORM, 'public')}
        label={t('directory.form.public')}
        description={t('directory.form.publicHint')}
        checked={values.public}
        onChange={(e) => change({ public: e.currentTarget.checked })}
      />
      <Textarea
        {...text(
          'address',
          t('directory.address'),
          values.kind === 'shelter'
            ? t('directory.form.shelterAddressHint')
            : t('directory.form.addressHint'),
        )}
        autosize
        minRows={2}
      />
    </>
  );
}

/** The service form: create or replace one service; `send` gets the checked input. */
export function ServiceForm(props: FormProps & { submitLabel: string }) {
  const f = useServiceForm(props);
  const { t, change, text, form, status, busy, handleSubmit } = f;
  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate data-testid="directory-service-form">
      <Stack gap="sm">
        <ErrorSummary
          errors={summaryErrors(form.errors, FIELD_ORDER)}
          idPrefix={FORM}
          submitCount={form.submitCount}
        />
        <NativeSelect
          {...text('kind', t('directory.service'))}
          required
          data={[
            { value: '', label: t('directory.chooseService') },
            ...SERVICE_KINDS.map((k) => ({ value: k, label: kindLabel(k, t) })),
          ]}
          onChange={(e) => change({ kind: e.currentTarget.value as ServiceKind | '' })}
        />
        <TextInput {...text('name', t('directory.form.name'))} required />
        <Textarea {...text('description', t('directory.form.description'))} autosize minRows={2} />
        <WhereFields f={f} />
        <ContactFields f={f} />
        <StatusMessage status={status} />
        <Group>
          <Button type="submit" loading={busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
