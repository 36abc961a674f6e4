import { Checkbox, NativeSelect, Text, Textarea, TextInput } from '@mantine/core';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from '@web/components/error-summary';
import { LANGUAGES } from '@web/i18n';
import type { FieldErrors } from '@web/lib/errors';
import type { InstrumentForm, Texts } from './instrument-form-model';
import type { InstrumentLang } from './instruments.schema';

/** The form's id prefix: a field at path `indicators.0.id` has the id `instr-indicators-0-id`. */
export const FORM_ID = 'instr';

export function pathId(path: string): string {
  return fieldId(FORM_ID, path);
}

interface FormState {
  form: InstrumentForm;
  change: (update: (form: InstrumentForm) => InstrumentForm) => void;
  errors: FieldErrors;
  /** The language whose texts are being edited. */
  lang: InstrumentLang;
}

const Context = createContext<FormState | null>(null);

export function FormProvider(props: FormState & { children: ReactNode }) {
  const { children, ...state } = props;
  return <Context.Provider value={state}>{children}</Context.Provider>;
}

export function useInstrumentForm(): FormState {
  const state = useContext(Context);
  if (!state) {
    throw new Error('useInstrumentForm outside FormProvider');
  }
  return state;
}

export function languageName(lang: InstrumentLang): string {
  return LANGUAGES.find((l) => l.code === lang)?.name ?? lang;
}

/** A text input bound to a path of the document (its id and error come from the path). */
export function PathInput(props: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  required?: boolean;
  disabled?: boolean;
  inputMode?: 'numeric';
}) {
  const { errors } = useInstrumentForm();
  return (
    <TextInput
      id={pathId(props.path)}
      label={props.label}
      description={props.description}
      required={props.required}
      disabled={props.disabled}
      inputMode={props.inputMode}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={errors[props.path]}
    />
  );
}

/** A select of `options` (value and label), bound to a path. */
export function PathSelect<T extends string>(props: {
  path: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  required?: boolean;
}) {
  const { errors } = useInstrumentForm();
  return (
    <NativeSelect
      id={pathId(props.path)}
      label={props.label}
      required={props.required}
      value={props.value}
      data={props.options.map((o) => ({ value: o.value, label: o.label }))}
      onChange={(event) => props.onChange(event.currentTarget.value as T)}
      error={errors[props.path]}
    />
  );
}

/** One text in the language being edited (English is required, others optional). */
export function LocalizedInput(props: {
  path: string;
  label: string;
  value: Texts;
  onChange: (value: Texts) => void;
  multiline?: boolean;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const { errors, lang } = useInstrumentForm();
  const path = `${props.path}.${lang}`;
  const label = t('instruments.form.inLanguage', {
    label: props.label,
    language: languageName(lang),
  });
  const common = {
    id: pathId(path),
    label,
    required: lang === 'en' && !props.optional,
    value: props.value[lang],
    error: errors[path] ?? errors[props.path],
    description: lang === 'en' ? undefined : `${languageName('en')}: ${props.value.en || '—'}`,
    onChange: (event: { currentTarget: { value: string } }) =>
      props.onChange({ ...props.value, [lang]: event.currentTarget.value }),
  };
  return props.multiline ? (
    <Textarea autosize minRows={2} {...common} />
  ) : (
    <TextInput {...common} />
  );
}

/** A group of checkboxes (choose any), in a fieldset bound to a path. */
export function PathChecks(props: {
  path: string;
  legend: string;
  values: readonly string[];
  options: readonly { value: string; label: string }[];
  onChange: (values: string[]) => void;
}) {
  const { errors } = useInstrumentForm();
  const error = errors[props.path] ?? errors[`${props.path}.anyOf`];
  const toggle = (value: string, on: boolean) =>
    props.onChange(
      on ? [...props.values, value] : props.values.filter((candidate) => candidate !== value),
    );
  return (
    <fieldset id={pathId(props.path)} className="hw-instr-checks">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <Checkbox
          key={option.value}
          label={option.label}
          checked={props.values.includes(option.value)}
          onChange={(event) => toggle(option.value, event.currentTarget.checked)}
        />
      ))}
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
    </fieldset>
  );
}

/** An error addressed to a whole list or row (a duplicate id, a part scoring nothing). */
export function PathError({ path }: { path: string }) {
  const { errors } = useInstrumentForm();
  const error = errors[path];
  return error ? (
    <Text c="red.8" size="sm" id={pathId(path)} tabIndex={-1}>
      {error}
    </Text>
  ) : null;
}

/** `items` with the row at `index` replaced by `patch` applied to it. */
export function patchAt<T>(items: readonly T[], index: number, patch: (item: T) => T): T[] {
  return items.map((item, i) => (i === index ? patch(item) : item));
}
