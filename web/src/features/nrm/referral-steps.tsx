import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '@web/lib/format';
import { DueBadge, UnverifiedBadge } from './due-badge';
import { dueState } from './nrm-due';
import type { ReferralStep } from './nrm.schema';
import { figureLabel, stepLabel } from './step-labels';

/** The due day: the jurisdiction's calendar day for day counts, the instant for hour counts. */
function dueText(step: ReferralStep, locale: string): string {
  if (step.unit === 'hours') {
    return formatDateTime(step.dueAt, locale);
  }
  return formatDate(step.dueOn ?? step.dueAt, locale);
}

/** A source as written in the data; a link when it starts with a web address. */
export function SourceText({ source }: { source: string }) {
  const { t } = useTranslation();
  const url = /^https?:\/\/\S+/.exec(source)?.[0];
  return (
    <Text size="sm" className="hw-break">
      {t('nrm.source')}{' '}
      {url ? (
        <Anchor href={url} target="_blank" rel="noreferrer noopener">
          {source}
        </Anchor>
      ) : (
        source
      )}
    </Text>
  );
}

function StepItem({ step, now }: { step: ReferralStep; now: Date }) {
  const { t, i18n } = useTranslation();
  const due = dueText(step, i18n.language);
  return (
    <li className="hw-compact-row" data-testid="nrm-step" data-step={step.step}>
      <Stack gap={4}>
        <Text fw={700} className="hw-break">
          {stepLabel(step.step, t)}
        </Text>
        <Group gap="xs" wrap="wrap">
          <DueBadge state={dueState(step, now)} />
          {step.status === 'unverified' && <UnverifiedBadge />}
        </Group>
        <Text size="sm">
          {t('nrm.figure', { figure: figureLabel(step, t) })}
          {due && ` · ${t(step.kind === 'period' ? 'nrm.endsOn' : 'nrm.dueOn', { date: due })}`}
        </Text>
        {step.statusNote && (
          <Text size="sm" c="dimmed">
            {t('nrm.statusNote', { note: step.statusNote })}
          </Text>
        )}
        <SourceText source={step.source} />
        <Text size="xs" c="dimmed">
          {t('nrm.asOf', { date: formatDate(step.asOf, i18n.language) })}
        </Text>
      </Stack>
    </li>
  );
}

/** A referral's steps, each with its due date, state, figure and source. */
export function ReferralSteps({ steps, now }: { steps: ReferralStep[]; now: Date }) {
  return (
    <ul className="hw-compact-list" data-testid="nrm-steps">
      {steps.map((step) => (
        <StepItem key={step.step} step={step} now={now} />
      ))}
    </ul>
  );
}
