import { Button, Checkbox, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  LocalizedInput,
  PathChecks,
  PathError,
  PathInput,
  PathSelect,
  patchAt,
  useInstrumentForm,
} from './form-context';
import { moveRow } from './instrument-form-blank';
import { newIndicator, type IndicatorForm } from './instrument-form-model';
import { RemoveButton } from './list-fields';
import { APPLIES_TO, ELEMENTS, PROVENANCES, STRENGTHS, type Element } from './instruments.schema';

function IndicatorMoves({ index, count }: { index: number; count: number }) {
  const { t } = useTranslation();
  const { change } = useInstrumentForm();
  const move = (by: -1 | 1) =>
    change((f) => ({ ...f, indicators: moveRow(f.indicators, index, by) }));
  return (
    <Group gap="xs" justify="flex-end">
      <Button
        variant="default"
        size="compact-sm"
        disabled={index === 0}
        aria-label={t('instruments.form.moveUpLabel', { n: index + 1 })}
        onClick={() => move(-1)}
      >
        {t('instruments.form.moveUp')}
      </Button>
      <Button
        variant="default"
        size="compact-sm"
        disabled={index === count - 1}
        aria-label={t('instruments.form.moveDownLabel', { n: index + 1 })}
        onClick={() => move(1)}
      >
        {t('instruments.form.moveDown')}
      </Button>
      <RemoveButton
        label={t('instruments.form.removeIndicator', { n: index + 1 })}
        disabled={count <= 1}
        onClick={() =>
          change((f) => ({ ...f, indicators: f.indicators.filter((_, i) => i !== index) }))
        }
      />
    </Group>
  );
}

function WeightFields({ ind, index }: { ind: IndicatorForm; index: number }) {
  const { t } = useTranslation();
  const { change } = useInstrumentForm();
  const path = `indicators.${index}`;
  const set = (patch: Partial<IndicatorForm>) =>
    change((f) => ({
      ...f,
      indicators: patchAt(f.indicators, index, (x) => ({ ...x, ...patch })),
    }));
  return (
    <>
      <PathSelect
        path={`${path}.strength`}
        label={t('instruments.form.strength')}
        required
        value={ind.strength}
        options={STRENGTHS.map((s) => ({ value: s, label: t(`instruments.strength.${s}`) }))}
        onChange={(strength) => set({ strength })}
      />
      <PathSelect
        path={`${path}.strengthBasis.provenance`}
        label={t('instruments.form.strengthProvenance')}
        value={ind.provenance}
        options={PROVENANCES.map((p) => ({ value: p, label: t(`instruments.provenance.${p}`) }))}
        onChange={(provenance) => set({ provenance })}
      />
      <Checkbox
        label={t('instruments.form.strengthVerified')}
        checked={ind.strengthVerified}
        onChange={(event) => set({ strengthVerified: event.currentTarget.checked })}
      />
      <PathSelect
        path={`${path}.appliesTo`}
        label={t('instruments.form.appliesTo')}
        required
        value={ind.appliesTo}
        options={APPLIES_TO.map((a) => ({ value: a, label: t(`instruments.appliesTo.${a}`) }))}
        onChange={(appliesTo) => set({ appliesTo })}
      />
    </>
  );
}

function IndicatorRow({ ind, index, count }: { ind: IndicatorForm; index: number; count: number }) {
  const { t } = useTranslation();
  const { form, change } = useInstrumentForm();
  const path = `indicators.${index}`;
  const set = (patch: Partial<IndicatorForm>) =>
    change((f) => ({
      ...f,
      indicators: patchAt(f.indicators, index, (x) => ({ ...x, ...patch })),
    }));
  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="indicator-row">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('instruments.form.indicatorHeading', { n: index + 1, id: ind.id || '—' })}
        </Title>
        <PathInput
          path={`${path}.id`}
          label={t('instruments.form.indicatorId')}
          description={t('instruments.form.indicatorIdHint')}
          required
          value={ind.id}
          onChange={(id) => set({ id })}
        />
        <PathSelect
          path={`${path}.dimension`}
          label={t('instruments.form.dimension')}
          required
          value={ind.dimension}
          options={[
            { value: '', label: t('instruments.form.chooseDimension') },
            ...form.dimensions.map((d) => ({ value: d.key, label: d.title.en || d.key })),
          ]}
          onChange={(dimension) => set({ dimension })}
        />
        <PathSelect<Element | ''>
          path={`${path}.element`}
          label={t('instruments.form.element')}
          value={ind.element}
          options={[
            { value: '', label: t('instruments.form.noElement') },
            ...ELEMENTS.map((e) => ({ value: e, label: t(`instruments.elements.${e}`) })),
          ]}
          onChange={(element) => set({ element })}
        />
        <WeightFields ind={ind} index={index} />
        <LocalizedInput
          path={`${path}.question`}
          label={t('instruments.form.question')}
          multiline
          value={ind.question}
          onChange={(question) => set({ question })}
        />
        <LocalizedInput
          path={`${path}.help`}
          label={t('instruments.form.help')}
          multiline
          value={ind.help}
          onChange={(help) => set({ help })}
        />
        <PathChecks
          path={`${path}.source`}
          legend={t('instruments.form.indicatorSources')}
          values={ind.source}
          options={form.sources.map((s) => ({ value: s.key, label: s.key || '—' }))}
          onChange={(source) => set({ source })}
        />
        <IndicatorMoves index={index} count={count} />
      </Stack>
    </Paper>
  );
}

/** The indicators, in interview order: add, remove, move up or down. */
export function IndicatorsFields() {
  const { t } = useTranslation();
  const { form, change } = useInstrumentForm();
  const add = () =>
    change((f) => ({
      ...f,
      indicators: [
        ...f.indicators,
        newIndicator(f.dimensions[0]?.key ?? '', f.sources[0] ? [f.sources[0].key] : []),
      ],
    }));
  return (
    <Stack gap="sm">
      <PathError path="indicators" />
      <ol className="hw-instr-rows">
        {form.indicators.map((ind, index) => (
          <IndicatorRow key={ind.uid} ind={ind} index={index} count={form.indicators.length} />
        ))}
      </ol>
      <Group>
        <Button variant="default" onClick={add}>
          {t('instruments.form.addIndicator')}
        </Button>
      </Group>
    </Stack>
  );
}
