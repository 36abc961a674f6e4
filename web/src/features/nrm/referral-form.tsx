import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@web/components/status-message';
import { createReferral } from './nrm.api';
import { ReferralCreateSchema, type Jurisdiction, type Referral } from './nrm.schema';
import { useNrmSubmit } from './use-nrm-submit';

/** `YYYY-MM-DDTHH:mm` in the device's time, as a `datetime-local` input takes it. */
export function localDateTimeInput(at: Date): string {
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A `datetime-local` value as an ISO instant ("" when it is not a date, for the schema to say). */
export function instantFromInput(value: string): string {
  const at = new Date(value);
  return value && !Number.isNaN(at.getTime()) ? at.toISOString() : '';
}

/** "Record a referral to the national mechanism": jurisdiction, when, and the authority. */
export function ReferralForm(props: {
  caseId: string;
  jurisdictions: Jurisdiction[];
  onCreated: (referral: Referral) => void;
}) {
  const { t } = useTranslation();
  const [jurisdiction, setJurisdiction] = useState('');
  const [referredAt, setReferredAt] = useState(() => localDateTimeInput(new Date()));
  const [authority, setAuthority] = useState('');
  const form = useNrmSubmit(ReferralCreateSchema, (input) => createReferral(props.caseId, input));

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const created = await form.submit({
      jurisdiction,
      referredAt: instantFromInput(referredAt),
      authority: authority.trim(),
    });
    if (created) {
      props.onCreated(created);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="nrm-referral-form">
      <Stack gap="sm">
        <NativeSelect
          label={t('nrm.jurisdiction')}
          required
          value={jurisdiction}
          onChange={(event) => setJurisdiction(event.currentTarget.value)}
          data={[
            { value: '', label: t('nrm.chooseJurisdiction') },
            ...props.jurisdictions.map((j) => ({ value: j.code, label: j.name })),
          ]}
          error={form.errors.jurisdiction}
        />
        <TextInput
          label={t('nrm.referredAt')}
          description={t('nrm.referredAtHint')}
          type="datetime-local"
          required
          value={referredAt}
          max={localDateTimeInput(new Date())}
          onChange={(event) => setReferredAt(event.currentTarget.value)}
          error={form.errors.referredAt}
        />
        <TextInput
          label={t('nrm.authority')}
          description={t('nrm.authorityHint')}
          required
          value={authority}
          onChange={(event) => setAuthority(event.currentTarget.value)}
          error={form.errors.authority}
        />
        <StatusMessage status={form.status} testId="nrm-referral-status" />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('nrm.saveReferral')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
