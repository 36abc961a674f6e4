import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LocalizedInput, PathInput, PathSelect, useInstrumentForm } from './form-context';
import { INSTRUMENT_KINDS, PROVENANCES, type Provenance } from './instruments.schema';

/** The instrument's id, version, kind, texts, licence and how far it was checked. */
export function AboutFields({ idFixed }: { idFixed: boolean }) {
  const { t } = useTranslation();
  const { form, change } = useInstrumentForm();
  const provenances = PROVENANCES.map((p) => ({
    value: p,
    label: t(`instruments.provenance.${p}`),
  }));
  return (
    <Stack gap="sm">
      <PathInput
        path="id"
        label={t('instruments.form.id')}
        description={t('instruments.form.idHint')}
        required
        disabled={idFixed}
        value={form.id}
        onChange={(id) => change((f) => ({ ...f, id }))}
      />
      <PathInput
        path="version"
        label={t('instruments.form.version')}
        description={t('instruments.form.versionHint')}
        required
        inputMode="numeric"
        value={form.version}
        onChange={(version) => change((f) => ({ ...f, version }))}
      />
      <PathSelect
        path="kind"
        label={t('instruments.form.kind')}
        required
        value={form.kind}
        options={INSTRUMENT_KINDS.map((k) => ({ value: k, label: t(`instruments.kinds.${k}`) }))}
        onChange={(kind) => change((f) => ({ ...f, kind }))}
      />
      <LocalizedInput
        path="title"
        label={t('instruments.form.title')}
        value={form.title}
        onChange={(title) => change((f) => ({ ...f, title }))}
      />
      <LocalizedInput
        path="description"
        label={t('instruments.form.description')}
        multiline
        value={form.description}
        onChange={(description) => change((f) => ({ ...f, description }))}
      />
      <PathInput
        path="licence"
        label={t('instruments.form.licence')}
        description={t('instruments.form.licenceHint')}
        required
        value={form.licence}
        onChange={(licence) => change((f) => ({ ...f, licence }))}
      />
      <PathSelect
        path="ruleProvenance"
        label={t('instruments.view.ruleProvenance')}
        required
        value={form.ruleProvenance}
        options={provenances}
        onChange={(ruleProvenance) => change((f) => ({ ...f, ruleProvenance }))}
      />
      <PathSelect<Provenance | ''>
        path="elementsProvenance"
        label={t('instruments.view.elementsProvenance')}
        value={form.elementsProvenance}
        options={[{ value: '', label: t('instruments.form.notSaid') }, ...provenances]}
        onChange={(elementsProvenance) => change((f) => ({ ...f, elementsProvenance }))}
      />
      <Checkbox
        id="instr-verified"
        label={t('instruments.form.verified')}
        description={t('instruments.form.verifiedHint')}
        checked={form.verified}
        onChange={(event) => {
          const verified = event.currentTarget.checked;
          change((f) => ({ ...f, verified }));
        }}
      />
    </Stack>
  );
}
