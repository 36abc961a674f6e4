import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { ResponsiveTable, type Column } from '@web/components/responsive-table';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { useCursorList } from '@web/lib/use-cursor-list';
import { createMaterial, deleteMaterial, listMaterials } from './outreach.api';
import {
  kindLabel,
  languageName,
  languageOptions,
  outreachErrorMessage,
  topicLabel,
} from './outreach-labels';
import {
  MATERIAL_KINDS,
  MaterialCreateSchema,
  OUTREACH_TOPICS,
  type Material,
  type MaterialKind,
  type OutreachTopic,
} from './outreach.schema';
import { useOutreachSubmit } from './use-outreach-submit';

const EMPTY = {
  title: '',
  language: 'th',
  topics: [] as OutreachTopic[],
  kind: '' as MaterialKind | '',
  url: '',
  description: '',
};

/** Adds a material (a link) to the library. */
function MaterialForm({ onCreated }: { onCreated: (m: Material) => void }) {
  const { t, i18n } = useTranslation();
  const [v, setV] = useState(EMPTY);
  const form = useOutreachSubmit(MaterialCreateSchema, createMaterial);
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) => {
    setV((old) => ({ ...old, [key]: value }));
    form.clearError(key);
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const created = await form.submit({
      ...v,
      title: v.title.trim(),
      url: v.url.trim(),
      description: v.description.trim(),
      kind: v.kind || undefined,
    });
    if (created) {
      onCreated(created);
      setV(EMPTY);
      form.setStatus({ tone: 'success', message: t('outreach.materials.saved') });
    }
  };

  return (
    <form
      onSubmit={(event) => void handleSubmit(event)}
      noValidate
      data-testid="outreach-material-form"
    >
      <Stack gap="sm">
        <TextInput
          label={t('outreach.materials.titleField')}
          required
          value={v.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={form.errors.title}
        />
        <NativeSelect
          label={t('outreach.materials.kind')}
          required
          value={v.kind}
          onChange={(e) => set('kind', e.currentTarget.value as MaterialKind)}
          data={[
            { value: '', label: t('outreach.form.choose') },
            ...MATERIAL_KINDS.map((k) => ({ value: k, label: kindLabel(k, t) })),
          ]}
          error={form.errors.kind}
        />
        <NativeSelect
          label={t('outreach.materials.language')}
          value={v.language}
          onChange={(e) => set('language', e.currentTarget.value)}
          data={languageOptions(i18n.language)}
        />
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
        <TextInput
          label={t('outreach.materials.url')}
          description={t('outreach.materials.urlHint')}
          type="url"
          required
          value={v.url}
          onChange={(e) => set('url', e.currentTarget.value)}
          error={form.errors.url}
        />
        <Textarea
          label={t('outreach.materials.description')}
          autosize
          minRows={2}
          value={v.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={form.errors.description}
        />
        <StatusMessage status={form.status} testId="outreach-material-status" />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('outreach.materials.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The organisation's library of teaching materials, and a form to add one. */
export function MaterialsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canWrite = hasPermission(me, 'outreach.write');
  const [status, setStatus] = useState<Status | null>(null);
  const list = useCursorList(
    useCallback(
      (cursor: string | null, signal: AbortSignal) => listMaterials({ cursor, limit: 50 }, signal),
      [],
    ),
  );
  const handleDelete = async (m: Material) => {
    if (!window.confirm(t('outreach.materials.confirmDelete', { title: m.title }))) {
      return;
    }
    try {
      await deleteMaterial(m.id);
      list.setItems((items) => items.filter((x) => x.id !== m.id));
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: outreachErrorMessage(caught, t) });
    }
  };
  const columns: Column<Material>[] = [
    {
      key: 'title',
      label: t('outreach.materials.titleField'),
      render: (m) => (
        <Anchor href={m.url} target="_blank" rel="noopener noreferrer" className="hw-touch-link">
          {m.title}
        </Anchor>
      ),
    },
    { key: 'kind', label: t('outreach.materials.kind'), render: (m) => kindLabel(m.kind, t) },
    {
      key: 'language',
      label: t('outreach.materials.language'),
      render: (m) => languageName(m.language, i18n.language),
    },
    {
      key: 'topics',
      label: t('outreach.form.topics'),
      render: (m) => m.topics.map((x) => topicLabel(x, t)).join(', '),
    },
    {
      key: 'description',
      label: t('outreach.materials.description'),
      render: (m) => m.description || '–',
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      label: t('outreach.materials.actions'),
      labelHidden: true,
      render: (m) => (
        <Button variant="default" size="xs" onClick={() => void handleDelete(m)}>
          {t('outreach.materials.delete', { title: m.title })}
        </Button>
      ),
    });
  }
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t('outreach.materials.title')}</PageTitle>
      <Text>{t('outreach.materials.intro')}</Text>
      <StatusMessage status={status} />
      {list.loading && list.items.length === 0 && <LoadingText />}
      {!list.loading && list.items.length === 0 ? (
        <Text data-testid="outreach-materials">{t('outreach.materials.none')}</Text>
      ) : (
        <ResponsiveTable
          items={list.items}
          columns={columns}
          rowKey={(m) => m.id}
          testId="outreach-materials"
        />
      )}
      {list.hasMore && (
        <Group>
          <Button variant="default" onClick={list.loadMore}>
            {t('outreach.sessions.more')}
          </Button>
        </Group>
      )}
      {canWrite && (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby="outreach-add-material"
        >
          <Title order={2} size="h3" id="outreach-add-material" mb="sm">
            {t('outreach.materials.add')}
          </Title>
          <MaterialForm onCreated={(m) => list.setItems((items) => [m, ...items])} />
        </Paper>
      )}
    </Stack>
  );
}
