import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from '@web/components/error-summary';
import type { FieldErrors } from '@web/lib/errors';
import { useNameFonts } from '@web/lib/script-fonts';
import { SCRIPTS, SEXES } from './cases.schema';
import { birthYearLabel, CountrySelect, scriptName } from './case-ui';
import './cases.css';

/**
 * Field groups shown by both the registration form and the case edit form. Each group takes the
 * form's values and errors as they are (both forms keep these fields as the same strings, and
 * their drafts keep those shapes) and reports changes as a partial update.
 */

/** The person's details both forms keep as strings (the birth year in the user's calendar). */
export interface PersonValues {
  nationality: string;
  sex: string;
  birthYear: string;
  estimatedAge: string;
}

/**
 * Nationality, sex, birth year (labelled with the calendar it is typed in) and estimated age.
 * `layout="grid"` puts all four in two columns (edit form); `layout="stacked"` puts nationality
 * on its own row, the two years side by side, `afterAge` below them and sex last (registration).
 * With `idPrefix`, sex and the years get the ids `fieldId(idPrefix, field)` the error summary
 * links to.
 */
export function PersonFields(props: {
  values: PersonValues;
  errors: FieldErrors;
  onChange: (change: Partial<PersonValues>) => void;
  layout: 'grid' | 'stacked';
  idPrefix?: string;
  estimatedAgeHint?: string;
  afterAge?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { values, errors, onChange, idPrefix } = props;
  const id = (field: keyof PersonValues) => (idPrefix ? fieldId(idPrefix, field) : undefined);
  const nationality = (
    <CountrySelect
      id={id('nationality')}
      label={t('cases.fields.nationality')}
      value={values.nationality}
      onChange={(value) => onChange({ nationality: value })}
      error={errors.nationality}
    />
  );
  const sex = (
    <NativeSelect
      id={id('sex')}
      label={t('cases.fields.sex')}
      value={values.sex}
      onChange={(event) => onChange({ sex: event.currentTarget.value })}
      data={[
        { value: '', label: t('cases.notRecorded') },
        ...SEXES.map((code) => ({ value: code, label: t(`cases.sexes.${code}`) })),
      ]}
      error={errors.sex}
    />
  );
  const years = (
    <>
      <TextInput
        id={id('birthYear')}
        label={birthYearLabel(t, i18n.language)}
        inputMode="numeric"
        maxLength={4}
        value={values.birthYear}
        onChange={(event) => onChange({ birthYear: event.currentTarget.value })}
        error={errors.birthYear}
      />
      <TextInput
        id={id('estimatedAge')}
        label={t('cases.fields.estimatedAge')}
        description={props.estimatedAgeHint}
        inputMode="numeric"
        maxLength={3}
        value={values.estimatedAge}
        onChange={(event) => onChange({ estimatedAge: event.currentTarget.value })}
        error={errors.estimatedAge}
      />
    </>
  );
  if (props.layout === 'grid') {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {nationality}
        {sex}
        {years}
        {props.afterAge}
      </SimpleGrid>
    );
  }
  return (
    <Stack gap="sm">
      {nationality}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {years}
      </SimpleGrid>
      {props.afterAge}
      {sex}
    </Stack>
  );
}

/**
 * A fieldset of names: legend, the hint on how to write names, and `children` (the name rows).
 * Loads the fonts for the scripts of `texts` as they are typed.
 */
export function NamesFieldset(props: {
  legend: string;
  texts: readonly string[];
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  useNameFonts(props.texts);
  return (
    <fieldset className="hw-fieldset" data-testid={props.testId}>
      <legend>{props.legend}</legend>
      <Text size="sm" c="dimmed" mb="sm">
        {t('cases.register.nameHint')}
      </Text>
      <Stack gap="sm">{props.children}</Stack>
    </fieldset>
  );
}

/** One name as both forms keep it. */
export interface NameValues {
  given: string;
  family: string;
  script: string;
}

/**
 * One name: given and family name side by side, then its script. `labels` replaces the default
 * labels (registration's second name); with `idPrefix` the two name inputs get the ids
 * `fieldId(idPrefix, 'given' | 'family')` the error summary links to.
 */
export function NameRowFields(props: {
  values: NameValues;
  onChange: (change: Partial<NameValues>) => void;
  errors?: { [K in keyof NameValues]?: string | undefined };
  labels?: { [K in keyof NameValues]: string };
  idPrefix?: string;
}) {
  const { t, i18n } = useTranslation();
  const { values, onChange, errors = {}, idPrefix } = props;
  const labels = props.labels ?? {
    given: t('cases.fields.given'),
    family: t('cases.fields.family'),
    script: t('cases.fields.script'),
  };
  const nameInput = (field: 'given' | 'family') => (
    <TextInput
      id={idPrefix ? fieldId(idPrefix, field) : undefined}
      label={labels[field]}
      value={values[field]}
      onChange={(event) => onChange({ [field]: event.currentTarget.value })}
      error={errors[field]}
      autoComplete="off"
      classNames={{ input: 'hw-name' }}
    />
  );
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {nameInput('given')}
        {nameInput('family')}
      </SimpleGrid>
      <NativeSelect
        label={labels.script}
        value={values.script}
        onChange={(event) => onChange({ script: event.currentTarget.value })}
        data={SCRIPTS.map((code) => ({
          value: code,
          label: scriptName(code, i18n.language, t('cases.scriptOther')),
        }))}
        error={errors.script}
      />
    </>
  );
}

/** What a name other than the primary one is. */
export type OtherNameKind = 'alias' | 'transliteration';

/**
 * What a name other than the primary one is, offered in `kinds` order (each form lists its
 * default first).
 */
export function NameKindSelect(props: {
  label: string;
  value: string;
  kinds: readonly OtherNameKind[];
  onChange: (kind: OtherNameKind) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      id={props.id}
      label={props.label}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value as OtherNameKind)}
      data={props.kinds.map((kind) => ({ value: kind, label: t(`cases.nameKinds.${kind}`) }))}
    />
  );
}
