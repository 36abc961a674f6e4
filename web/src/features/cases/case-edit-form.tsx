import {
  Alert,
  Button,
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
import { WarningIcon } from '@web/components/icons';
import { StatusMessage } from '@web/components/status-message';
import { CASE_STATUSES, RISK_LEVELS, SEXES, type Case, type CaseUpdate } from './cases.schema';
import { CountrySelect } from './case-ui';
import { isIso3 } from './countries';
import { useCaseSave } from './use-case-save';

export function ConflictAlert(props: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" icon={<WarningIcon />} role="alert" data-testid="version-conflict">
      <Text mb="sm">{t('cases.conflict')}</Text>
      <Button variant="default" onClick={props.onReload}>
        {t('cases.reload')}
      </Button>
    </Alert>
  );
}

export interface EditForm {
  given: string;
  family: string;
  nationality: string;
  birthYear: string;
  estimatedAge: string;
  sex: string;
  riskLevel: string;
  status: string;
  currentLocation: string;
  narrative: string;
}

export function toEditForm(record: Case): EditForm {
  const primary = record.identities.find((item) => item.kind === 'primary') ?? record.identities[0];
  return {
    given: primary?.given ?? '',
    family: primary?.family ?? '',
    nationality: record.nationality ?? '',
    birthYear: record.birthYear?.toString() ?? '',
    estimatedAge: record.estimatedAge?.toString() ?? '',
    sex: record.sex ?? '',
    riskLevel: record.riskLevel,
    status: record.status,
    currentLocation: record.sensitive?.currentLocation ?? '',
    narrative: record.sensitive?.narrative ?? '',
  };
}

export function toUpdate(form: EditForm, record: Case): CaseUpdate {
  const number = (value: string) => (value.trim() ? Number(value) : undefined);
  const primaryIndex = Math.max(
    0,
    record.identities.findIndex((item) => item.kind === 'primary'),
  );
  const identities = record.identities.map((identity, index) => ({
    given: (index === primaryIndex ? form.given : (identity.given ?? '')).trim() || undefined,
    family: (index === primaryIndex ? form.family : (identity.family ?? '')).trim() || undefined,
    script: (identity.script ?? 'Zyyy') as 'Latn',
    kind: identity.kind as 'primary',
  }));
  const update: CaseUpdate = {
    identities,
    nationality: form.nationality || undefined,
    birthYear: number(form.birthYear),
    estimatedAge: number(form.estimatedAge),
    sex: (form.sex || undefined) as CaseUpdate['sex'],
    riskLevel: form.riskLevel as CaseUpdate['riskLevel'],
    status: form.status as CaseUpdate['status'],
  };
  if (record.sensitive) {
    update.currentLocation = form.currentLocation;
    update.narrative = form.narrative;
  }
  return update;
}

export function EditDetails(props: {
  record: Case;
  onSaved: (saved: Case) => void;
  onReload: () => Promise<void>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => toEditForm(props.record));
  const saver = useCaseSave(props.record, props.onSaved);
  const [localError, setLocalError] = useState<string | null>(null);
  const change = (update: Partial<EditForm>) => setForm((previous) => ({ ...previous, ...update }));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form.nationality && !isIso3(form.nationality)) {
      setLocalError(t('cases.country.codeHint'));
      return;
    }
    setLocalError(null);
    if (await saver.save(toUpdate(form, props.record))) {
      props.onDone();
    }
  };

  const handleReload = async () => {
    await props.onReload();
    saver.clearConflict();
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="case-edit-form">
      <Stack gap="sm">
        {saver.conflict && <ConflictAlert onReload={() => void handleReload()} />}
        <StatusMessage status={saver.status} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('cases.fields.given')}
            value={form.given}
            onChange={(event) => change({ given: event.currentTarget.value })}
            error={saver.errors.given ?? saver.errors.identities}
          />
          <TextInput
            label={t('cases.fields.family')}
            value={form.family}
            onChange={(event) => change({ family: event.currentTarget.value })}
          />
          <CountrySelect
            label={t('cases.fields.nationality')}
            value={form.nationality}
            onChange={(nationality) => change({ nationality })}
            error={localError ?? saver.errors.nationality}
          />
          <NativeSelect
            label={t('cases.fields.sex')}
            value={form.sex}
            onChange={(event) => change({ sex: event.currentTarget.value })}
            data={[
              { value: '', label: t('cases.notRecorded') },
              ...SEXES.map((sex) => ({ value: sex, label: t(`cases.sexes.${sex}`) })),
            ]}
          />
          <TextInput
            label={t('cases.fields.birthYear')}
            inputMode="numeric"
            value={form.birthYear}
            onChange={(event) => change({ birthYear: event.currentTarget.value })}
            error={saver.errors.birthYear}
          />
          <TextInput
            label={t('cases.fields.estimatedAge')}
            inputMode="numeric"
            value={form.estimatedAge}
            onChange={(event) => change({ estimatedAge: event.currentTarget.value })}
            error={saver.errors.estimatedAge}
          />
          <NativeSelect
            label={t('cases.fields.risk')}
            value={form.riskLevel}
            onChange={(event) => change({ riskLevel: event.currentTarget.value })}
            data={RISK_LEVELS.map((level) => ({
              value: level,
              label: t(`cases.riskLevels.${level}`),
            }))}
          />
          <NativeSelect
            label={t('cases.fields.status')}
            value={form.status}
            onChange={(event) => change({ status: event.currentTarget.value })}
            data={CASE_STATUSES.map((status) => ({
              value: status,
              label: t(`cases.statuses.${status}`),
            }))}
          />
        </SimpleGrid>
        {props.record.sensitive && (
          <>
            <TextInput
              label={t('cases.fields.currentLocation')}
              value={form.currentLocation}
              onChange={(event) => change({ currentLocation: event.currentTarget.value })}
            />
            <Textarea
              label={t('cases.fields.narrative')}
              autosize
              minRows={3}
              value={form.narrative}
              onChange={(event) => change({ narrative: event.currentTarget.value })}
            />
          </>
        )}
        <Group gap="sm">
          <Button type="submit" loading={saver.busy}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={props.onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
