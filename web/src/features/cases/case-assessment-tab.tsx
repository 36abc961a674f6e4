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
import type { TFunction } from 'i18next';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  NeedsUpdateSchema,
  type Need,
  type NeedEntry,
} from '@/domain/cases/case-assessment.schema.ts';
import { DraftNotice } from '@web/components/draft-notice';
import { ClockIcon } from '@web/components/icons';
import { LoadingText } from '@web/components/loading-text';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { errorMessage, type FieldErrors } from '@web/lib/errors';
import { useDraft } from '@web/lib/use-draft';
import { getAssessment, saveNeeds } from './cases.api';
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

/** The needs form's values: each domain's level and goals. */
type NeedValues = Record<Domain, { level: NeedLevel; goals: string }>;

function toValues(needs: Need[]): NeedValues {
  const values = {} as NeedValues;
  for (const domain of DOMAINS) {
    const need = needs.find((item) => item.domain === domain);
    values[domain] = { level: need?.level ?? 'unknown', goals: need?.goals ?? '' };
  }
  return values;
}

/** The domains whose level or goals differ from what is saved, as the request sends them. */
function changedNeeds(values: NeedValues, saved: NeedValues): NeedEntry[] {
  return DOMAINS.filter(
    (domain) =>
      values[domain].level !== saved[domain].level ||
      values[domain].goals.trim() !== saved[domain].goals.trim(),
  ).map((domain) => ({
    domain,
    level: values[domain].level,
    goals: values[domain].goals.trim() || null,
  }));
}

function NeedFields(props: {
  domain: Domain;
  value: NeedValues[Domain];
  saved: NeedValues[Domain];
  error: string | undefined;
  onChange: (value: NeedValues[Domain]) => void;
}) {
  const { t } = useTranslation();
  const { value, saved } = props;
  const changed = value.level !== saved.level || value.goals.trim() !== saved.goals.trim();
  return (
    <fieldset className="hw-fieldset" data-domain={props.domain} data-changed={changed}>
      <legend>{t(`assessment.domains.${props.domain}`)}</legend>
      <Stack gap="xs">
        <Group gap="xs">
          <LevelBadge
            level={saved.level}
            label={t('drafts.savedLevel', { level: t(`assessment.levels.${saved.level}`) })}
            testId="need-saved-level"
          />
          {changed && (
            <Text size="sm" fw={700} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
              <ClockIcon /> {t('drafts.changed')}
            </Text>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('assessment.level')}
            value={value.level}
            onChange={(event) =>
              props.onChange({ ...value, level: event.currentTarget.value as NeedLevel })
            }
            data={NEED_LEVELS.map((level) => ({
              value: level,
              label: t(`assessment.levels.${level}`),
            }))}
          />
          <Textarea
            label={t('assessment.goals')}
            autosize
            minRows={1}
            value={value.goals}
            error={props.error}
            onChange={(event) => props.onChange({ ...value, goals: event.currentTarget.value })}
          />
        </SimpleGrid>
      </Stack>
    </fieldset>
  );
}

/** Field errors of the needs request, by domain (`needs.<index>.goals`). */
function needErrors(error: z.ZodError, sent: NeedEntry[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const index = issue.path[1];
    const domain = typeof index === 'number' ? sent[index]?.domain : undefined;
    if (domain) {
      errors[domain] ??=
        issue.code === 'too_big'
          ? t('validation.tooLong', { count: Number(issue.maximum) })
          : t('validation.invalid');
    }
  }
  return errors;
}

/**
 * The needs assessment as one form with one save: kept as a draft as the person types, each
 * domain showing its saved level and whether it was changed.
 */
function NeedsForm(props: { caseId: string; needs: Need[]; onSaved: (needs: Need[]) => void }) {
  const { t } = useTranslation();
  const saved = useMemo(() => toValues(props.needs), [props.needs]);
  const draft = useDraft(`case:${props.caseId}:needs`, saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const needs = changedNeeds(draft.values, saved);
    if (needs.length === 0) {
      setStatus({ tone: 'info', message: t('drafts.nothingChanged') });
      return;
    }
    const parsed = NeedsUpdateSchema.safeParse({ needs });
    if (!parsed.success) {
      setErrors(needErrors(parsed.error, needs, t));
      setStatus({ tone: 'error', message: t('cases.edit.fixErrors') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await saveNeeds(props.caseId, parsed.data);
      props.onSaved(result.needs);
      await draft.clear(toValues(result.needs));
      setStatus({ tone: 'success', message: t('drafts.needsSaved') });
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      noValidate
      data-testid="needs-form"
    >
      <Stack gap="lg">
        {DOMAINS.map((domain) => (
          <NeedFields
            key={domain}
            domain={domain}
            value={draft.values[domain] ?? saved[domain]}
            saved={saved[domain]}
            error={errors[domain]}
            onChange={(value) => {
              draft.set(domain, value);
              setErrors((previous) => ({ ...previous, [domain]: undefined }));
            }}
          />
        ))}
        <DraftNotice draft={draft} />
        <StatusMessage status={status} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('drafts.saveNeeds')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function NeedsReadOnly({ needs }: { needs: Need[] }) {
  const { t } = useTranslation();
  const values = toValues(needs);
  return (
    <Stack gap="lg">
      {DOMAINS.map((domain) => (
        <Stack gap={4} key={domain} data-domain={domain}>
          <Group gap="xs">
            <Text fw={700}>{t(`assessment.domains.${domain}`)}</Text>
            <LevelBadge
              level={values[domain].level}
              label={t(`assessment.levels.${values[domain].level}`)}
              testId="need-saved-level"
            />
          </Group>
          {values[domain].goals && (
            <Text size="sm" className="hw-pre">
              {values[domain].goals}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
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
  const handleNeedsSaved = (saved: Need[]) =>
    loaded.setData((data) => (data ? { ...data, needs: saved } : data));
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
        {canUpdate ? (
          <NeedsForm caseId={caseId} needs={needs} onSaved={handleNeedsSaved} />
        ) : (
          <NeedsReadOnly needs={needs} />
        )}
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
