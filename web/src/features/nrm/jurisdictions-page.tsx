import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon } from '@web/components/icons';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage, type Status } from '@web/components/status-message';
import { useLoad } from '@web/features/cases/use-load';
import { formatDate } from '@web/lib/format';
import { UnverifiedBadge } from './due-badge';
import { listJurisdictions } from './nrm.api';
import { nrmErrorMessage } from './nrm-errors';
import type { Jurisdiction, NrmStep } from './nrm.schema';
import { SourceText } from './referral-steps';
import { StepEditForm } from './step-edit-form';
import { figureLabel, stepLabel } from './step-labels';

function StepFacts({ step }: { step: NrmStep }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Text size="sm">{t('nrm.figure', { figure: figureLabel(step, t) })}</Text>
      {step.clockStartsAt && (
        <Text size="sm" className="hw-break">
          {t('nrm.jurisdictions.clockStartsAt', { start: step.clockStartsAt })}
        </Text>
      )}
      <Text size="sm" className="hw-break">
        {t('nrm.jurisdictions.rule', { rule: step.rule })}
      </Text>
      <SourceText source={step.source} />
      <Text size="xs" c="dimmed">
        {t('nrm.asOf', { date: formatDate(step.asOf, i18n.language) })}
      </Text>
    </>
  );
}

function StepRow(props: { code: string; step: NrmStep; onSaved: (j: Jurisdiction) => void }) {
  const { t } = useTranslation();
  const { step } = props;
  const [editing, setEditing] = useState(false);
  const locked = step.status === 'verified';
  return (
    <li className="hw-compact-row" data-testid="nrm-admin-step" data-step={step.step}>
      <Stack gap={4}>
        <Text fw={700} className="hw-break">
          {stepLabel(step.step, t)}
        </Text>
        {locked ? (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <CheckIcon />
            <Text size="sm" data-testid="nrm-locked">
              {t('nrm.jurisdictions.lockedReason')}
              {step.statusNote ? ` ${t('nrm.statusNote', { note: step.statusNote })}` : ''}
            </Text>
          </Group>
        ) : (
          <div>
            <UnverifiedBadge />
          </div>
        )}
        <StepFacts step={step} />
        {!locked && !editing && (
          <div>
            <Button variant="light" onClick={() => setEditing(true)}>
              {t('nrm.jurisdictions.edit')}
            </Button>
          </div>
        )}
        {!locked && editing && (
          <StepEditForm
            code={props.code}
            step={step}
            onCancel={() => setEditing(false)}
            onSaved={(j) => {
              setEditing(false);
              props.onSaved(j);
            }}
          />
        )}
      </Stack>
    </li>
  );
}

function JurisdictionCard(props: { j: Jurisdiction; onSaved: (j: Jurisdiction) => void }) {
  const { t } = useTranslation();
  const { j } = props;
  const id = `nrm-j-${j.code}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {j.name}
      </Title>
      <Text size="sm">{t('nrm.jurisdictions.timeZone', { zone: j.timeZone })}</Text>
      <Text size="sm" mb="sm">
        {t('nrm.jurisdictions.holidays', { count: j.holidays.length })}
      </Text>
      <ul className="hw-compact-list">
        {j.steps.map((step) => (
          <StepRow key={step.step} code={j.code} step={step} onSaved={props.onSaved} />
        ))}
      </ul>
    </Paper>
  );
}

/** Platform admins: every jurisdiction's steps and figures; unverified figures can be edited. */
export function JurisdictionsPage() {
  const { t } = useTranslation();
  const list = useLoad(useCallback((signal: AbortSignal) => listJurisdictions(signal), []));
  const [status, setStatus] = useState<Status | null>(null);
  const handleSaved = (saved: Jurisdiction) => {
    list.setData((data) =>
      data ? { ...data, items: data.items.map((j) => (j.code === saved.code ? saved : j)) } : data,
    );
    setStatus({ tone: 'success', message: t('nrm.jurisdictions.saved') });
  };
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t('nrm.jurisdictions.title')}</PageTitle>
      <Text>{t('nrm.jurisdictions.intro')}</Text>
      {list.loading && !list.data && <LoadingText />}
      <StatusMessage
        status={list.error ? { tone: 'error', message: nrmErrorMessage(list.error, t) } : status}
      />
      {list.data?.items.map((j) => (
        <JurisdictionCard key={j.code} j={j} onSaved={handleSaved} />
      ))}
      {list.data && (
        <Text size="xs" c="dimmed" className="hw-break">
          {list.data.attribution}
        </Text>
      )}
    </Stack>
  );
}
