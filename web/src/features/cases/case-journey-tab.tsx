import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '@web/components/load-more';
import { LoadingText } from '@web/components/loading-text';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { CaseNrmSection } from '@web/features/nrm/case-nrm-section';
import { isApiError } from '@web/lib/api';
import { errorMessage, serverFieldErrors, zodFieldErrors, type FieldErrors } from '@web/lib/errors';
import { formatDate } from '@web/lib/format';
import { usePagedList } from '@web/lib/use-paged-list';
import { createEvent, listEvents } from './cases.api';
import { EVENT_TYPES, EventCreateSchema, STAGES, type CaseEvent, type Stage } from './cases.schema';
import { CountrySelect, todayIso } from './case-ui';
import { countryName } from './countries';

function EventTimeline({ events }: { events: CaseEvent[] }) {
  const { t, i18n } = useTranslation();
  const byStage = STAGES.map((stage) => ({
    stage,
    events: events
      .filter((event) => event.stage === stage)
      .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn)),
  })).filter((group) => group.events.length > 0);
  if (byStage.length === 0) {
    return <Text>{t('journey.empty')}</Text>;
  }
  return (
    <Stack gap="lg" data-testid="journey-timeline">
      {byStage.map((group) => (
        <section key={group.stage} aria-labelledby={`stage-${group.stage}`}>
          <Title order={3} size="h4" mb="sm" id={`stage-${group.stage}`}>
            {t(`cases.stages.${group.stage}`)}
          </Title>
          <Timeline bulletSize={16} lineWidth={2}>
            {group.events.map((event) => (
              <Timeline.Item
                key={event.id}
                title={t(`journey.types.${event.type}`, { defaultValue: event.type })}
              >
                <Text size="sm">
                  {[
                    formatDate(event.occurredOn, i18n.language),
                    countryName(event.country, i18n.language),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {event.outcome && <Text size="sm">{event.outcome}</Text>}
                {event.note && (
                  <Text size="sm" c="dimmed" className="hw-pre">
                    {event.note}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </section>
      ))}
    </Stack>
  );
}

interface EventForm {
  stage: Stage;
  type: string;
  occurredOn: string;
  country: string;
  outcome: string;
  note: string;
}

const emptyEvent = (): EventForm => ({
  stage: 'first_contact',
  type: EVENT_TYPES.first_contact[0] ?? 'other',
  occurredOn: todayIso(),
  country: '',
  outcome: '',
  note: '',
});

function AddEventForm(props: { caseId: string; onAdded: (event: CaseEvent) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<EventForm>(emptyEvent);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (update: Partial<EventForm>) =>
    setForm((previous) => ({ ...previous, ...update }));

  const handleStage = (value: string) => {
    const stage = (STAGES as readonly string[]).includes(value)
      ? (value as Stage)
      : 'first_contact';
    change({ stage, type: EVENT_TYPES[stage][0] ?? 'other' });
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = EventCreateSchema.safeParse({
      stage: form.stage,
      type: form.type,
      occurredOn: form.occurredOn,
      country: form.country || undefined,
      outcome: form.outcome.trim() || undefined,
      note: form.note.trim() || undefined,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await createEvent(props.caseId, parsed.data);
      props.onAdded(created);
      setForm(emptyEvent());
      setStatus({ tone: 'success', message: t('journey.added') });
    } catch (error: unknown) {
      if (isApiError(error, 'validation_failed')) {
        setErrors(serverFieldErrors(error.errors, t));
      }
      setStatus({ tone: 'error', message: errorMessage(error, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="add-event-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('journey.stage')}
            value={form.stage}
            onChange={(event) => handleStage(event.currentTarget.value)}
            data={STAGES.map((stage) => ({ value: stage, label: t(`cases.stages.${stage}`) }))}
          />
          <NativeSelect
            label={t('journey.type')}
            value={form.type}
            onChange={(event) => change({ type: event.currentTarget.value })}
            data={EVENT_TYPES[form.stage].map((type) => ({
              value: type,
              label: t(`journey.types.${type}`, { defaultValue: type }),
            }))}
            error={errors.type}
          />
          <TextInput
            label={t('journey.occurredOn')}
            type="date"
            max={todayIso()}
            value={form.occurredOn}
            onChange={(event) => change({ occurredOn: event.currentTarget.value })}
            error={errors.occurredOn}
          />
          <CountrySelect
            label={t('journey.country')}
            value={form.country}
            onChange={(country) => change({ country })}
            error={errors.country}
          />
        </SimpleGrid>
        <TextInput
          label={t('journey.outcome')}
          value={form.outcome}
          onChange={(event) => change({ outcome: event.currentTarget.value })}
          error={errors.outcome}
        />
        <Textarea
          label={t('journey.note')}
          autosize
          minRows={2}
          value={form.note}
          onChange={(event) => change({ note: event.currentTarget.value })}
          error={errors.note}
        />
        <StatusMessage status={status} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('journey.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Events in the order the timeline shows them: by stage, then by date. */
function timelineOrder(events: CaseEvent[]): CaseEvent[] {
  const rank = (stage: Stage) => STAGES.indexOf(stage);
  return [...events].sort(
    (a, b) => rank(a.stage) - rank(b.stage) || a.occurredOn.localeCompare(b.occurredOn),
  );
}

/** The person's journey: events by stage, oldest first, a page at a time, and a form to add one. */
export function CaseJourneyTab({ caseId, onChanged }: { caseId: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => listEvents(caseId, cursor, signal),
    [caseId],
  );
  const list = usePagedList(fetchPage, { order: timelineOrder });
  const firstLoad = list.loading && list.items.length === 0;
  const handleAdded = (event: CaseEvent) => {
    list.add([event], 'end');
    onChanged?.();
  };
  // Recording a referral or a decision adds journey events on the server.
  const handleNrmChanged = () => {
    list.reload();
    onChanged?.();
  };
  return (
    <Stack gap="md">
      {hasPermission(me, 'nrm.read') && (
        <CaseNrmSection caseId={caseId} onChanged={handleNrmChanged} />
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="journey-heading">
        <Title order={2} className="hw-h2" id="journey-heading">
          {t('journey.title')}
        </Title>
        <Stack gap="md">
          {firstLoad && <LoadingText />}
          <StatusMessage
            status={list.error ? { tone: 'error', message: errorMessage(list.error, t) } : null}
          />
          {!firstLoad && !list.error && <EventTimeline events={list.items} />}
          <LoadMore list={list} testId="events-more" />
        </Stack>
      </Paper>
      {hasPermission(me, 'case.update') && (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby="add-event-heading"
        >
          <Title order={2} className="hw-h2" id="add-event-heading">
            {t('journey.addTitle')}
          </Title>
          <AddEventForm caseId={caseId} onAdded={handleAdded} />
        </Paper>
      )}
    </Stack>
  );
}
