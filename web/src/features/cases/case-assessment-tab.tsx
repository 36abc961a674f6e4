import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { errorMessage } from '@web/lib/errors';
import { getAssessment, saveNeed } from './cases.api';
import {
  DOMAINS,
  NEED_LEVELS,
  type Assessment,
  type Domain,
  type NeedLevel,
  type PlanItem,
} from './cases.schema';
import { LevelBadge } from './case-ui';
import { useLoad } from './use-load';
import { AddPlanItem, PlanTable } from './plan-items';

function NeedRow(props: {
  caseId: string;
  domain: Domain;
  level: NeedLevel;
  goals: string;
  canUpdate: boolean;
}) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<NeedLevel>(props.level);
  const [goals, setGoals] = useState(props.goals);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const domainLabel = t(`assessment.domains.${props.domain}`);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      await saveNeed(props.caseId, props.domain, { level, goals: goals.trim() || undefined });
      setStatus({ tone: 'success', message: t('assessment.needSaved', { domain: domainLabel }) });
    } catch (error: unknown) {
      setStatus({ tone: 'error', message: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };

  if (!props.canUpdate) {
    return (
      <Stack gap={4}>
        <Group gap="xs">
          <Text fw={700}>{domainLabel}</Text>
          <LevelBadge level={level} label={t(`assessment.levels.${level}`)} />
        </Group>
        {goals && (
          <Text size="sm" className="hw-pre">
            {goals}
          </Text>
        )}
      </Stack>
    );
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-domain={props.domain}>
      <fieldset className="hw-fieldset">
        <legend>{domainLabel}</legend>
        <Stack gap="xs">
          <Group gap="xs">
            <LevelBadge level={level} label={t(`assessment.levels.${level}`)} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('assessment.level')}
              value={level}
              onChange={(event) => setLevel(event.currentTarget.value as NeedLevel)}
              data={NEED_LEVELS.map((value) => ({ value, label: t(`assessment.levels.${value}`) }))}
            />
            <Textarea
              label={t('assessment.goals')}
              autosize
              minRows={1}
              value={goals}
              onChange={(event) => setGoals(event.currentTarget.value)}
            />
          </SimpleGrid>
          <StatusMessage status={status} />
          <Group>
            <Button type="submit" variant="default" loading={busy}>
              {t('assessment.saveNeed', { domain: domainLabel })}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}

/** Needs per domain (level and goals) and the plan that answers them. */

export function CaseAssessmentTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const canUpdate = hasPermission(me, 'case.update');
  const fetcher = useCallback((signal: AbortSignal) => getAssessment(caseId, signal), [caseId]);
  const loaded = useLoad<Assessment>(fetcher);
  const needs = loaded.data?.needs ?? [];

  const handlePlanChanged = (item: PlanItem) =>
    loaded.setData((data) =>
      data ? { ...data, plan: data.plan.map((old) => (old.id === item.id ? item : old)) } : data,
    );
  const handlePlanAdded = (item: PlanItem) =>
    loaded.setData((data) => (data ? { ...data, plan: [...data.plan, item] } : data));

  if (!loaded.data) {
    return (
      <Stack>
        {loaded.loading && <LoadingText />}
        <StatusMessage
          status={loaded.error ? { tone: 'error', message: errorMessage(loaded.error, t) } : null}
        />
        {loaded.error !== null && (
          <Group>
            <Button variant="default" onClick={() => void loaded.reload()}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="needs-heading">
        <Title order={2} className="hw-h2" id="needs-heading">
          {t('assessment.needsTitle')}
        </Title>
        <Text size="sm" mb="md">
          {t('assessment.needsIntro')}
        </Text>
        <Stack gap="lg">
          {DOMAINS.map((domain) => {
            const need = needs.find((item) => item.domain === domain);
            return (
              <NeedRow
                key={domain}
                caseId={caseId}
                domain={domain}
                level={need?.level ?? 'unknown'}
                goals={need?.goals ?? ''}
                canUpdate={canUpdate}
              />
            );
          })}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-heading">
        <Title order={2} className="hw-h2" id="plan-heading">
          {t('assessment.planTitle')}
        </Title>
        <Stack gap="md">
          <PlanTable
            caseId={caseId}
            items={loaded.data.plan}
            canUpdate={canUpdate}
            onChanged={handlePlanChanged}
          />
          {canUpdate && <AddPlanItem caseId={caseId} onAdded={handlePlanAdded} />}
        </Stack>
      </Paper>
    </Stack>
  );
}
