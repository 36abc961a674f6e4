import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@web/components/status-message';
import { todayIso } from '@web/features/cases/case-ui';
import { recordDecision } from './nrm.api';
import {
  DECISION_OUTCOMES,
  ReferralUpdateSchema,
  type DecisionKind,
  type Referral,
} from './nrm.schema';
import { decisionKindLabel } from './step-labels';
import { useNrmSubmit } from './use-nrm-submit';

/** "Record the decision": which decision, its outcome, who made it and when. */
export function DecisionForm(props: {
  referral: Referral;
  /** The jurisdiction's decisions not recorded yet on this referral. */
  kinds: DecisionKind[];
  onSaved: (referral: Referral) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string>(props.kinds[0] ?? '');
  const [outcome, setOutcome] = useState('');
  const [decisionMaker, setDecisionMaker] = useState(props.referral.authority);
  const [decidedOn, setDecidedOn] = useState(todayIso);
  const form = useNrmSubmit(ReferralUpdateSchema, (input) =>
    recordDecision(props.referral.caseId, props.referral.id, input),
  );
  const id = (field: string) => `nrm-${props.referral.id}-${field}`;

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const decision = { kind, outcome, decisionMaker: decisionMaker.trim(), decidedOn };
    const saved = await form.submit({ decision });
    if (saved) {
      props.onSaved(saved);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="nrm-decision-form">
      <Stack gap="sm">
        <NativeSelect
          id={id('kind')}
          label={t('nrm.decisionKind')}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value)}
          data={props.kinds.map((k) => ({ value: k, label: decisionKindLabel(k, t) }))}
          error={form.errors.kind}
        />
        <NativeSelect
          id={id('outcome')}
          label={t('nrm.outcome')}
          required
          value={outcome}
          onChange={(event) => setOutcome(event.currentTarget.value)}
          data={[
            { value: '', label: t('nrm.chooseOutcome') },
            ...DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`nrm.outcomes.${o}`) })),
          ]}
          error={form.errors.outcome}
        />
        <TextInput
          id={id('maker')}
          label={t('nrm.decisionMaker')}
          required
          value={decisionMaker}
          onChange={(event) => setDecisionMaker(event.currentTarget.value)}
          error={form.errors.decisionMaker}
        />
        <TextInput
          id={id('date')}
          label={t('nrm.decidedOn')}
          type="date"
          required
          max={todayIso()}
          value={decidedOn}
          onChange={(event) => setDecidedOn(event.currentTarget.value)}
          error={form.errors.decidedOn}
        />
        <StatusMessage status={form.status} testId="nrm-decision-status" />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('nrm.saveDecision')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
