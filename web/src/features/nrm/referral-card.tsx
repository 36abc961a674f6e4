import { Badge, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon, ShieldIcon } from '@web/components/icons';
import { formatDate, formatDateTime } from '@web/lib/format';
import { DecisionForm } from './decision-form';
import type { DecisionKind, Jurisdiction, Referral } from './nrm.schema';
import { ReferralSteps } from './referral-steps';
import { decisionKindLabel } from './step-labels';

/** The jurisdiction's decisions this referral is still waiting for. */
export function openDecisionKinds(referral: Referral, j: Jurisdiction | undefined): DecisionKind[] {
  if (!j || referral.status !== 'open') {
    return [];
  }
  const made = new Set(referral.decisions.map((d) => d.kind));
  return j.decisions.map((d) => d.kind).filter((kind) => !made.has(kind));
}

function Decisions({ referral }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  if (referral.decisions.length === 0) {
    return <Text size="sm">{t('nrm.noDecision')}</Text>;
  }
  return (
    <ul className="hw-compact-list" data-testid="nrm-decisions">
      {referral.decisions.map((d) => (
        <li key={d.kind} className="hw-compact-row">
          <Text size="sm" className="hw-break">
            {t('nrm.decisionLine', {
              kind: decisionKindLabel(d.kind, t),
              outcome: t(`nrm.outcomes.${d.outcome}`),
              maker: d.decisionMaker,
              date: formatDate(d.decidedOn, i18n.language),
            })}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** One referral: where and when, its steps with their deadlines, its decisions. */
export function ReferralCard(props: {
  referral: Referral;
  jurisdiction: Jurisdiction | undefined;
  now: Date;
  canWrite: boolean;
  onChanged: (referral: Referral) => void;
}) {
  const { t, i18n } = useTranslation();
  const { referral } = props;
  const [deciding, setDeciding] = useState(false);
  const kinds = openDecisionKinds(referral, props.jurisdiction);
  const headingId = `nrm-referral-${referral.id}`;
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm" data-testid="nrm-referral" data-jurisdiction={referral.jurisdiction}>
        <Title order={3} size="h4" id={headingId} className="hw-break">
          {props.jurisdiction?.name ?? referral.jurisdiction}
        </Title>
        <dl className="hw-facts">
          <dt>{t('nrm.authority')}</dt>
          <dd className="hw-break">{referral.authority}</dd>
          <dt>{t('nrm.referredAt')}</dt>
          <dd>{formatDateTime(referral.referredAt, i18n.language)}</dd>
        </dl>
        <div>
          <Badge
            variant="outline"
            color={referral.status === 'open' ? 'indigo' : 'gray'}
            leftSection={referral.status === 'open' ? <ShieldIcon /> : <CheckIcon />}
          >
            {t(`nrm.referralStatus.${referral.status}`)}
          </Badge>
        </div>
        <ReferralSteps steps={referral.steps} now={props.now} />
        <Title order={4} size="h5">
          {t('nrm.decisions')}
        </Title>
        <Decisions referral={referral} />
        {props.canWrite && kinds.length > 0 && !deciding && (
          <div>
            <Button variant="light" onClick={() => setDeciding(true)}>
              {t('nrm.recordDecision')}
            </Button>
          </div>
        )}
        {props.canWrite && kinds.length > 0 && deciding && (
          <DecisionForm
            referral={referral}
            kinds={kinds}
            onSaved={(saved) => {
              setDeciding(false);
              props.onChanged(saved);
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
