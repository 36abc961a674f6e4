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
import { useNameFonts } from '@web/lib/script-fonts';
import { CONSENT_METHODS, CONTACT_KINDS, SCRIPTS, SEXES } from './cases.schema';
import { birthYearLabel, CountrySelect, scriptName } from './case-ui';
import './cases.css';
import { looksUnder18, type RegisterForm } from './register-form';

export function NameFields(props: {
  form: RegisterForm;
  errors: FieldErrors;
  onChange: (change: Partial<RegisterForm>) => void;
}) {
  const { t, i18n } = useTranslation();
  const { form, errors, onChange } = props;
  useNameFonts([form.given, form.family, form.altGiven, form.altFamily]);
  const scripts = SCRIPTS.map((code) => ({
    value: code,
    label: scriptName(code, i18n.language, t('cases.scriptOther')),
  }));
  return (
    <fieldset className="hw-fieldset">
      <legend>{t('cases.register.nameLegend')}</legend>
      <Text size="sm" c="dimmed" mb="sm">
        {t('cases.register.nameHint')}
      </Text>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            id={fieldId('register', 'given')}
            label={t('cases.fields.given')}
            value={form.given}
            onChange={(event) => onChange({ given: event.currentTarget.value })}
            error={errors.given}
            autoComplete="off"
            classNames={{ input: 'hw-name' }}
          />
          <TextInput
            id={fieldId('register', 'family')}
            label={t('cases.fields.family')}
            value={form.family}
            onChange={(event) => onChange({ family: event.currentTarget.value })}
            error={errors.family}
            autoComplete="off"
            classNames={{ input: 'hw-name' }}
          />
        </SimpleGrid>
        <NativeSelect
          label={t('cases.fields.script')}
          value={form.script}
          onChange={(event) => onChange({ script: event.currentTarget.value })}
          data={scripts}
        />
        <Checkbox
          label={t('cases.register.addSecondName')}
          checked={form.secondName}
          onChange={(event) => onChange({ secondName: event.currentTarget.checked })}
        />
        {form.secondName && (
          <Stack gap="sm" pl={{ base: 0, sm: 'md' }}>
            <NativeSelect
              label={t('cases.fields.nameKind')}
              value={form.altKind}
              onChange={(event) =>
                onChange({ altKind: event.currentTarget.value as RegisterForm['altKind'] })
              }
              data={[
                { value: 'transliteration', label: t('cases.nameKinds.transliteration') },
                { value: 'alias', label: t('cases.nameKinds.alias') },
              ]}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('cases.fields.altGiven')}
                value={form.altGiven}
                onChange={(event) => onChange({ altGiven: event.currentTarget.value })}
                autoComplete="off"
                classNames={{ input: 'hw-name' }}
              />
              <TextInput
                label={t('cases.fields.altFamily')}
                value={form.altFamily}
                onChange={(event) => onChange({ altFamily: event.currentTarget.value })}
                autoComplete="off"
                classNames={{ input: 'hw-name' }}
              />
            </SimpleGrid>
            <NativeSelect
              label={t('cases.fields.altScript')}
              value={form.altScript}
              onChange={(event) => onChange({ altScript: event.currentTarget.value })}
              data={scripts}
            />
          </Stack>
        )}
      </Stack>
    </fieldset>
  );
}

export function AboutFields(props: {
  form: RegisterForm;
  errors: FieldErrors;
  onChange: (change: Partial<RegisterForm>) => void;
}) {
  const { t, i18n } = useTranslation();
  const { form, errors, onChange } = props;
  return (
    <Stack gap="sm">
      <CountrySelect
        label={t('cases.fields.nationality')}
        value={form.nationality}
        onChange={(nationality) => onChange({ nationality })}
        error={errors.nationality}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          id={fieldId('register', 'birthYear')}
          label={birthYearLabel(t, i18n.language)}
          inputMode="numeric"
          maxLength={4}
          value={form.birthYear}
          onChange={(event) => onChange({ birthYear: event.currentTarget.value })}
          error={errors.birthYear}
        />
        <TextInput
          id={fieldId('register', 'estimatedAge')}
          label={t('cases.fields.estimatedAge')}
          description={t('cases.register.estimatedAgeHint')}
          inputMode="numeric"
          maxLength={3}
          value={form.estimatedAge}
          onChange={(event) => onChange({ estimatedAge: event.currentTarget.value })}
          error={errors.estimatedAge}
        />
      </SimpleGrid>
      <Checkbox
        label={t('cases.register.mayBeMinor')}
        checked={form.mayBeMinor}
        onChange={(event) => onChange({ mayBeMinor: event.currentTarget.checked })}
      />
      <NativeSelect
        id={fieldId('register', 'sex')}
        label={t('cases.fields.sex')}
        value={form.sex}
        onChange={(event) => onChange({ sex: event.currentTarget.value })}
        data={[
          { value: '', label: t('cases.notRecorded') },
          ...SEXES.map((sex) => ({ value: sex, label: t(`cases.sexes.${sex}`) })),
        ]}
        error={errors.sex}
      />
    </Stack>
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
