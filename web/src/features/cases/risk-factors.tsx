import { Button, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@web/components/status-message';
import { formatDate } from '@web/lib/format';
import { RISK_FACTORS, type Case, type RiskFactor } from './cases.schema';
import { RetraffickingBadge } from './case-ui';
import { useCaseSave } from './use-case-save';
import { ConflictAlert } from './case-edit-form';

export function RiskFactors(props: {
  record: Case;
  canUpdate: boolean;
  onSaved: (saved: Case) => void;
  onReload: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const risk = props.record.retraffickingRisk;
  const [factors, setFactors] = useState<RiskFactor[]>(risk.factors);
  const saver = useCaseSave(props.record, props.onSaved);
  const toggle = (factor: RiskFactor, checked: boolean) =>
    setFactors((previous) =>
      checked ? [...previous, factor] : previous.filter((item) => item !== factor),
    );

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void saver.save({ riskFactors: factors });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="risk-heading">
      <Title order={2} className="hw-h2" id="risk-heading">
        {t('cases.risk.title')}
      </Title>
      <Stack gap="sm">
        <Group gap="xs">
          <RetraffickingBadge level={risk.level} />
        </Group>
        <Text size="sm" data-testid="risk-explanation">
          {t(`cases.risk.explain.${risk.level}`)}
        </Text>
        {risk.reviewedAt && (
          <Text size="sm" c="dimmed">
            {t('riskReview.reviewedOn', { date: formatDate(risk.reviewedAt, i18n.language) })}
          </Text>
        )}
        {risk.factors.length > 0 && (
          <List size="sm" spacing={2} data-testid="risk-reasons">
            {risk.factors.map((factor) => (
              <List.Item key={factor}>{t(`cases.riskFactors.${factor}`)}</List.Item>
            ))}
          </List>
        )}
        <Text size="sm" c="dimmed">
          {t('cases.risk.rule')}
        </Text>
        {props.canUpdate && (
          <form onSubmit={handleSubmit} noValidate>
            <Stack gap={0}>
              <fieldset className="hw-fieldset">
                <legend>{t('cases.risk.factorsLegend')}</legend>
                {RISK_FACTORS.map((factor) => (
                  <Checkbox
                    key={factor}
                    label={t(`cases.riskFactors.${factor}`)}
                    checked={factors.includes(factor)}
                    onChange={(event) => toggle(factor, event.currentTarget.checked)}
                  />
                ))}
              </fieldset>
              {saver.conflict && (
                <ConflictAlert
                  onReload={() => void props.onReload().then(() => saver.clearConflict())}
                />
              )}
              <StatusMessage status={saver.status} />
              <Group mt="sm">
                <Button type="submit" loading={saver.busy}>
                  {risk.reviewedAt ? t('cases.risk.save') : t('riskReview.saveFirst')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

/** Overview: the person's details, sensitive details on request, edits and re-trafficking risk. */
