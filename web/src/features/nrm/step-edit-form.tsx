import { Button, Checkbox, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@web/components/status-message';
import { updateStep } from './nrm.api';
import { StepUpdateSchema, type Jurisdiction, type NrmStep } from './nrm.schema';
import { useNrmSubmit } from './use-nrm-submit';

const UNITS = ['working_days', 'calendar_days', 'hours'] as const;

/** The body of a step edit: an empty figure is "no figure" (null), never a guess. */
export function stepEditInput(fields: {
  duration: string;
  unit: string;
  source: string;
  notes: string;
  verified: boolean;
}) {
  const text = fields.duration.trim();
  return {
    duration: text === '' ? null : Number(text),
    unit: fields.unit === '' ? null : fields.unit,
    source: fields.source.trim(),
    notes: fields.notes.trim(),
    ...(fields.verified ? { status: 'verified' } : {}),
  };
}

/** Edits an unverified figure of a jurisdiction's step (platform admins). */
export function StepEditForm(props: {
  code: string;
  step: NrmStep;
  onSaved: (jurisdiction: Jurisdiction) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [duration, setDuration] = useState(props.step.duration?.toString() ?? '');
  const [unit, setUnit] = useState<string>(props.step.unit ?? '');
  const [source, setSource] = useState('');
  const [notes, setNotes] = useState(props.step.notes);
  const [verified, setVerified] = useState(false);
  const form = useNrmSubmit(StepUpdateSchema, (input) =>
    updateStep(props.code, props.step.step, input),
  );
  const id = (field: string) => `step-${props.code}-${props.step.step}-${field}`;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit(stepEditInput({ duration, unit, source, notes, verified }));
    if (saved) {
      props.onSaved(saved);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="nrm-step-form">
      <Stack gap="sm">
        <TextInput
          id={id('duration')}
          label={t('nrm.jurisdictions.duration')}
          description={t('nrm.jurisdictions.durationHint')}
          inputMode="numeric"
          value={duration}
          onChange={(event) => setDuration(event.currentTarget.value)}
          error={form.errors.duration}
        />
        <NativeSelect
          id={id('unit')}
          label={t('nrm.jurisdictions.unit')}
          value={unit}
          onChange={(event) => setUnit(event.currentTarget.value)}
          data={[
            { value: '', label: t('nrm.jurisdictions.noUnit') },
            ...UNITS.map((u) => ({ value: u, label: t(`nrm.jurisdictions.unitNames.${u}`) })),
          ]}
          error={form.errors.unit}
        />
        <TextInput
          id={id('source')}
          label={t('nrm.jurisdictions.newSource')}
          description={t('nrm.jurisdictions.newSourceHint')}
          required
          value={source}
          onChange={(event) => setSource(event.currentTarget.value)}
          error={form.errors.source}
        />
        <Textarea
          id={id('notes')}
          label={t('nrm.jurisdictions.notes')}
          autosize
          minRows={2}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          error={form.errors.notes}
        />
        <Checkbox
          id={id('verified')}
          label={t('nrm.jurisdictions.markVerified')}
          checked={verified}
          onChange={(event) => setVerified(event.currentTarget.checked)}
        />
        <StatusMessage status={form.status} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('nrm.jurisdictions.saveStep')}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {t('nrm.jurisdictions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
