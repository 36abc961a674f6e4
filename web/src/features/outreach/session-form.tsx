import { Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@web/components/status-message';
import type { FieldErrors } from '@web/lib/errors';
import { useMe } from '@web/features/auth/session';
import { useLoad } from '@web/features/cases/use-load';
import { createSession, listFacilitators, listMaterials, updateSession } from './outreach.api';
import {
  ageBandLabel,
  kindLabel,
  languageName,
  languageOptions,
  settingLabel,
  topicLabel,
} from './outreach-labels';
import {
  AGE_BANDS,
  OUTREACH_SETTINGS,
  OUTREACH_TOPICS,
  SessionCreateSchema,
  SessionUpdateSchema,
  type AgeBand,
  type OutreachSetting,
  type OutreachTopic,
  type Session,
} from './outreach.schema';
import { useOutreachSubmit } from './use-outreach-submit';

interface Values {
  setting: OutreachSetting | '';
  heldOn: string;
  place: string;
  audienceSize: string;
  ageBand: AgeBand | '';
  topics: OutreachTopic[];
  materialIds: string[];
  facilitatorId: string;
  language: string;
  notes: string;
}

function initialValues(
  session: Session | undefined,
  me: { userId: string; language: string },
): Values {
  return {
    setting: session?.setting ?? '',
    heldOn: session?.heldOn ?? new Date().toISOString().slice(0, 10),
    place: session?.place ?? '',
    audienceSize: session ? String(session.audienceSize) : '',
    ageBand: session?.ageBand ?? '',
    topics: session?.topics ?? [],
    materialIds: session?.materials.map((m) => m.id) ?? [],
    facilitatorId: session?.facilitator?.id ?? me.userId,
    language: session?.language ?? me.language,
    notes: session?.notes ?? '',
  };
}

/** The values as the API takes them (empty choices stay empty, for the schema to name them). */
function toInput(v: Values) {
  return {
    ...v,
    place: v.place.trim(),
    audienceSize: v.audienceSize.trim() === '' ? undefined : Number(v.audienceSize),
    notes: v.notes.trim(),
    setting: v.setting || undefined,
    ageBand: v.ageBand || undefined,
  };
}

function useChoices() {
  const facilitators = useLoad(useCallback((signal: AbortSignal) => listFacilitators(signal), []));
  const materials = useLoad(
    useCallback((signal: AbortSignal) => listMaterials({ limit: 100 }, signal), []),
  );
  return { facilitators: facilitators.data?.items ?? [], materials: materials.data?.items ?? [] };
}

type SetValue = <K extends keyof Values>(key: K, value: Values[K]) => void;

/** Topics, materials, facilitator and language: the choices from lists. */
function ChoiceFields({ v, set, errors }: { v: Values; set: SetValue; errors: FieldErrors }) {
  const { t, i18n } = useTranslation();
  const choices = useChoices();
  const form = { errors };
  return (
    <>
      <Checkbox.Group
        label={t('outreach.form.topics')}
        required
        value={v.topics}
        onChange={(value) => set('topics', value)}
        error={form.errors.topics}
      >
        <Stack gap={4} mt={4}>
          {OUTREACH_TOPICS.map((topic) => (
            <Checkbox key={topic} value={topic} label={topicLabel(topic, t)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Checkbox.Group
        label={t('outreach.form.materials')}
        description={choices.materials.length === 0 ? t('outreach.form.noMaterials') : undefined}
        value={v.materialIds}
        onChange={(value) => set('materialIds', value)}
      >
        <Stack gap={4} mt={4}>
          {choices.materials.map((m) => (
            <Checkbox
              key={m.id}
              value={m.id}
              label={`${m.title} (${kindLabel(m.kind, t)}, ${languageName(m.language, i18n.language)})`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <NativeSelect
        label={t('outreach.form.facilitator')}
        value={v.facilitatorId}
        onChange={(e) => set('facilitatorId', e.currentTarget.value)}
        data={choices.facilitators.map((f) => ({ value: f.id, label: f.name }))}
        error={form.errors.facilitatorId}
      />
      <NativeSelect
        label={t('outreach.form.language')}
        value={v.language}
        onChange={(e) => set('language', e.currentTarget.value)}
        data={languageOptions(i18n.language, v.language)}
        error={form.errors.language}
      />
    </>
  );
}

/**
 * Records a session or changes one: where and when, how many people of which age band, the
 * topics, the materials of the library used, who facilitated it and in which language.
 */
export function SessionForm(props: {
  session?: Session;
  onSaved: (session: Session) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [v, setV] = useState(() =>
    initialValues(props.session, {
      userId: me.user.id,
      language: i18n.language.split('-')[0] ?? 'en',
    }),
  );
  const editing = props.session;
  // One form for both: the schema of the API call it makes (a change sends only what it has).
  const form = useOutreachSubmit(editing ? SessionUpdateSchema : SessionCreateSchema, (input) =>
    editing
      ? updateSession(editing.id, SessionUpdateSchema.parse(input))
      : createSession(SessionCreateSchema.parse(input)),
  );
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setV((old) => ({ ...old, [key]: value }));
    form.clearError(key);
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit(toInput(v));
    if (saved) {
      props.onSaved(saved);
    }
  };

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      noValidate
      data-testid="outreach-session-form"
    >
      <Stack gap="sm">
        <NativeSelect
          label={t('outreach.form.setting')}
          required
          value={v.setting}
          onChange={(e) => set('setting', e.currentTarget.value as OutreachSetting)}
          data={[
            { value: '', label: t('outreach.form.choose') },
            ...OUTREACH_SETTINGS.map((s) => ({ value: s, label: settingLabel(s, t) })),
          ]}
          error={form.errors.setting}
        />
        <TextInput
          label={t('outreach.form.heldOn')}
          type="date"
          required
          value={v.heldOn}
          onChange={(e) => set('heldOn', e.currentTarget.value)}
          error={form.errors.heldOn}
        />
        <TextInput
          label={t('outreach.form.place')}
          description={t('outreach.form.placeHint')}
          required
          value={v.place}
          onChange={(e) => set('place', e.currentTarget.value)}
          error={form.errors.place}
        />
        <TextInput
          label={t('outreach.form.audienceSize')}
          type="number"
          inputMode="numeric"
          min={1}
          required
          value={v.audienceSize}
          onChange={(e) => set('audienceSize', e.currentTarget.value)}
          error={form.errors.audienceSize}
        />
        <NativeSelect
          label={t('outreach.form.ageBand')}
          required
          value={v.ageBand}
          onChange={(e) => set('ageBand', e.currentTarget.value as AgeBand)}
          data={[
            { value: '', label: t('outreach.form.choose') },
            ...AGE_BANDS.map((a) => ({ value: a, label: ageBandLabel(a, t) })),
          ]}
          error={form.errors.ageBand}
        />
        <ChoiceFields v={v} set={set} errors={form.errors} />
        <Textarea
          label={t('outreach.form.notes')}
          description={t('outreach.form.notesHint')}
          autosize
          minRows={2}
          value={v.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={form.errors.notes}
        />
        <StatusMessage status={form.status} testId="outreach-session-status" />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('outreach.form.save')}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            {t('outreach.form.back')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
