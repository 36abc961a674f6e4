import {
  Alert,
  Checkbox,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InfoIcon } from '@web/components/icons';
import { fieldId } from '@web/components/error-summary';
import { type FieldErrors } from '@web/lib/errors';
import { CONSENT_METHODS, CONTACT_KINDS } from './cases.schema';
import './cases.css';
import {
  NameKindSelect,
  NameRowFields,
  NamesFieldset,
  PersonFields,
  type NameValues,
} from './person-fields';
import { looksUnder18, type RegisterForm } from './register-form';

/** A change to the second name's row as the form's `alt…` fields (only the fields changed). */
function secondNameChange(change: Partial<NameValues>): Partial<RegisterForm> {
  return {
    ...(change.given !== undefined && { altGiven: change.given }),
    ...(change.family !== undefined && { altFamily: change.family }),
    ...(change.script !== undefined && { altScript: change.script }),
  };
}

export function NameFields(props: {
  form: RegisterForm;
  errors: FieldErrors;
  onChange: (change: Partial<RegisterForm>) => void;
}) {
  const { t } = useTranslation();
  const { form, errors, onChange } = props;
  return (
    <NamesFieldset
      legend={t('cases.register.nameLegend')}
      texts={[form.given, form.family, form.altGiven, form.altFamily]}
    >
      <NameRowFields
        values={form}
        onChange={onChange}
        errors={{ given: errors.given, family: errors.family }}
        idPrefix="register"
      />
      <Checkbox
        label={t('cases.register.addSecondName')}
        checked={form.secondName}
        onChange={(event) => onChange({ secondName: event.currentTarget.checked })}
      />
      {form.secondName && (
        <Stack gap="sm" pl={{ base: 0, sm: 'md' }}>
          <NameKindSelect
            label={t('cases.fields.nameKind')}
            value={form.altKind}
            kinds={['transliteration', 'alias']}
            onChange={(altKind) => onChange({ altKind })}
          />
          <NameRowFields
            values={{ given: form.altGiven, family: form.altFamily, script: form.altScript }}
            onChange={(change) => onChange(secondNameChange(change))}
            labels={{
              given: t('cases.fields.altGiven'),
              family: t('cases.fields.altFamily'),
              script: t('cases.fields.altScript'),
            }}
          />
        </Stack>
      )}
    </NamesFieldset>
  );
}

export function AboutFields(props: {
  form: RegisterForm;
  errors: FieldErrors;
  onChange: (change: Partial<RegisterForm>) => void;
}) {
  const { t } = useTranslation();
  const { form, errors, onChange } = props;
  return (
    <PersonFields
      values={form}
      errors={errors}
      onChange={onChange}
      layout="stacked"
      idPrefix="register"
      estimatedAgeHint={t('cases.register.estimatedAgeHint')}
      afterAge={
        <Checkbox
          label={t('cases.register.mayBeMinor')}
          checked={form.mayBeMinor}
          onChange={(event) => onChange({ mayBeMinor: event.currentTarget.checked })}
        />
      }
    />
  );
}

export function ContactFields(props: {
  form: RegisterForm;
  errors: FieldErrors;
  onChange: (change: Partial<RegisterForm>) => void;
}) {
  const { t } = useTranslation();
  const { form, errors, onChange } = props;
  return (
    <fieldset className="hw-fieldset">
      <legend>{t('cases.register.contactLegend')}</legend>
      <Text size="sm" c="dimmed" mb="sm">
        {t('cases.register.contactHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('cases.fields.contactKind')}
          value={form.contactKind}
          onChange={(event) => onChange({ contactKind: event.currentTarget.value })}
          data={CONTACT_KINDS.map((kind) => ({
            value: kind,
            label: t(`cases.contactKinds.${kind}`),
          }))}
        />
        <TextInput
          id={fieldId('register', 'contactValue')}
          label={t('cases.fields.contactValue')}
          value={form.contactValue}
          onChange={(event) => onChange({ contactValue: event.currentTarget.value })}
          error={errors.contactValue}
          autoComplete="off"
        />
      </SimpleGrid>
    </fieldset>
  );
}

export function ConsentFields(props: {
  form: RegisterForm;
  errors: FieldErrors;
  onChange: (change: Partial<RegisterForm>) => void;
}) {
  const { t, i18n } = useTranslation();
  const { form, errors, onChange } = props;
  const minor = looksUnder18(form, i18n.language);
  return (
    <fieldset className="hw-fieldset">
      <legend>{t('cases.register.consentLegend')}</legend>
      <Alert color="indigo" icon={<InfoIcon />} mb="sm">
        <Text size="sm">{t('consent.explain.case_management')}</Text>
      </Alert>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            id={fieldId('register', 'consentDecision')}
            label={t('consent.fields.decision')}
            value={form.consentDecision}
            onChange={(event) => onChange({ consentDecision: event.currentTarget.value })}
            data={[
              { value: '', label: t('consent.chooseDecision') },
              { value: 'given', label: t('consent.decisions.given') },
              { value: 'refused', label: t('consent.decisions.refused') },
            ]}
            error={errors.consentDecision ?? errors.consent}
          />
          <NativeSelect
            label={t('consent.fields.method')}
            value={form.consentMethod}
            onChange={(event) => onChange({ consentMethod: event.currentTarget.value })}
            data={CONSENT_METHODS.map((method) => ({
              value: method,
              label: t(`consent.methods.${method}`),
            }))}
          />
        </SimpleGrid>
        {minor && (
          <>
            <Text size="sm">{t('consent.minorHint')}</Text>
            <TextInput
              id={fieldId('register', 'guardianName')}
              label={t('consent.fields.guardianName')}
              value={form.guardianName}
              onChange={(event) => onChange({ guardianName: event.currentTarget.value })}
              error={errors.guardianName}
              autoComplete="off"
            />
            <Textarea
              label={t('consent.fields.bestInterestNote')}
              description={t('consent.bestInterestHint')}
              autosize
              minRows={2}
              value={form.bestInterestNote}
              onChange={(event) => onChange({ bestInterestNote: event.currentTarget.value })}
            />
          </>
        )}
      </Stack>
    </fieldset>
  );
}

/** First registration: the fewest fields that let work start (UX.md), with a draft kept as typed. */
