import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteCreateSchema } from '@/domain/cases/case-notes.schema.ts';
import { DraftNotice } from '@web/components/draft-notice';
import { LoadMore } from '@web/components/load-more';
import { LoadingText } from '@web/components/loading-text';
import { StatusMessage, type Status } from '@web/components/status-message';
import { hasPermission, useMe } from '@web/features/auth/session';
import { errorMessage } from '@web/lib/errors';
import { formatDateTime } from '@web/lib/format';
import { useAddItemForm } from '@web/lib/use-add-item-form';
import { usePagedList } from '@web/lib/use-paged-list';
import {
  attachmentUrl,
  createNote,
  listAttachments,
  listNotes,
  uploadAttachment,
} from './cases.api';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  type Attachment,
  type Note,
  type NoteVisibility,
} from './cases.schema';

/** Newest note first. */
function newestFirst(notes: Note[]): Note[] {
  return [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function formatSize(bytes: number, locale: string): string {
  const format = (value: number, unit: 'kilobyte' | 'megabyte') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
  return bytes >= 1024 * 1024
    ? format(bytes / 1024 / 1024, 'megabyte')
    : format(Math.max(1, bytes / 1024), 'kilobyte');
}

const EMPTY_NOTE: { body: string; visibility: NoteVisibility } = { body: '', visibility: 'team' };

function AddNoteForm(props: { caseId: string; onAdded: (note: Note) => void }) {
  const { t } = useTranslation();
  const form = useAddItemForm({
    formKey: `case:${props.caseId}:note`,
    initial: EMPTY_NOTE,
    schema: NoteCreateSchema,
    toBody: (values) => values,
    send: (body) => createNote(props.caseId, body),
    onAdded: props.onAdded,
    addedMessage: t('notes.added'),
  });

  return (
    <form onSubmit={form.handleSubmit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('notes.body')}
          autosize
          minRows={3}
          value={form.values.body}
          onChange={(event) => form.change('body', event.currentTarget.value)}
          error={form.errors.body}
        />
        <NativeSelect
          label={t('notes.visibility')}
          value={form.values.visibility}
          onChange={(event) =>
            form.change('visibility', event.currentTarget.value as NoteVisibility)
          }
          data={[
            { value: 'team', label: t('notes.visibilities.team') },
            { value: 'organisation', label: t('notes.visibilities.organisation') },
          ]}
          maw={360}
        />
        <DraftNotice draft={form.draft} />
        <StatusMessage status={form.status} />
        <Group>
          <Button type="submit" loading={form.busy}>
            {t('notes.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Notes({ caseId, canAdd }: { caseId: string; canAdd: boolean }) {
  const { t, i18n } = useTranslation();
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => listNotes(caseId, cursor, signal),
    [caseId],
  );
  const list = usePagedList(fetchPage, { order: newestFirst });
  const notes = list.items;
  const firstLoad = list.loading && notes.length === 0;
  const handleAdded = (note: Note) => list.add([note], 'start');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="notes-heading">
      <Title order={2} className="hw-h2" id="notes-heading">
        {t('notes.title')}
      </Title>
      <Stack gap="md">
        {canAdd && <AddNoteForm caseId={caseId} onAdded={handleAdded} />}
        {firstLoad && <LoadingText />}
        <StatusMessage
          status={list.error ? { tone: 'error', message: errorMessage(list.error, t) } : null}
        />
        {!firstLoad && !list.error && notes.length === 0 && <Text>{t('notes.empty')}</Text>}
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {notes.map((note) => (
            <Paper
              key={note.id}
              component="li"
              withBorder
              p="sm"
              radius="md"
              data-testid="note-item"
            >
              <Group gap="xs" mb={4}>
                <Text size="sm" fw={700}>
                  {note.authorName ?? t('notes.unknownAuthor')}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatDateTime(note.createdAt, i18n.language)}
                </Text>
                <Badge variant="outline" color="gray">
                  {t(`notes.visibilities.${note.visibility}`)}
                </Badge>
              </Group>
              <Text className="hw-pre">{note.body}</Text>
            </Paper>
          ))}
        </Stack>
        <LoadMore list={list} testId="notes-more" />
      </Stack>
    </Paper>
  );
}

function Files({ caseId, canUpload }: { caseId: string; canUpload: boolean }) {
  const { t, i18n } = useTranslation();
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => listAttachments(caseId, cursor, signal),
    [caseId],
  );
  const list = usePagedList(fetchPage);
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const handleFile = async (file: File | null) => {
    if (!file) {
      return;
    }
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
      setStatus({ tone: 'error', message: t('files.wrongType') });
      return;
    }
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setStatus({ tone: 'error', message: t('files.tooLarge') });
      return;
    }
    setStatus(null);
    setProgress({ name: file.name, fraction: 0 });
    try {
      const attachment = await uploadAttachment(caseId, file, (fraction) =>
        setProgress({ name: file.name, fraction }),
      );
      list.add([attachment], 'start');
      setStatus({ tone: 'success', message: t('files.uploaded', { name: file.name }) });
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
    } finally {
      setProgress(null);
    }
  };

  const items: Attachment[] = list.items;
  const firstLoad = list.loading && items.length === 0;
  const percent = progress ? Math.round(progress.fraction * 100) : 0;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="files-heading">
      <Title order={2} className="hw-h2" id="files-heading">
        {t('files.title')}
      </Title>
      <Stack gap="md">
        {canUpload && (
          <Stack gap="xs">
            <Text size="sm">{t('files.hint')}</Text>
            <Group>
              <FileButton
                onChange={(file) => void handleFile(file)}
                accept={ATTACHMENT_TYPES.join(',')}
              >
                {(buttonProps) => (
                  <Button {...buttonProps} disabled={progress !== null}>
                    {t('files.upload')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {progress && (
              <Stack gap={4}>
                <Text size="sm" id="upload-progress-label">
                  {t('files.uploading', { name: progress.name, percent })}
                </Text>
                {/* The name goes on the section, which carries role="progressbar" in Mantine. */}
                <Progress.Root size="lg">
                  <Progress.Section value={percent} aria-labelledby="upload-progress-label" />
                </Progress.Root>
              </Stack>
            )}
          </Stack>
        )}
        <StatusMessage
          status={list.error ? { tone: 'error', message: errorMessage(list.error, t) } : status}
        />
        {firstLoad && <LoadingText />}
        {!firstLoad && !list.error && items.length === 0 && <Text>{t('files.empty')}</Text>}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <li key={item.id} data-testid="attachment-item">
              <Anchor
                href={attachmentUrl(caseId, item.id)}
                download={item.fileName}
                className="hw-touch-link hw-break"
              >
                {t('files.download', { name: item.fileName })}
              </Anchor>
              <Text size="sm" c="dimmed">
                {formatSize(item.sizeBytes, i18n.language)} ·{' '}
                {formatDateTime(item.createdAt, i18n.language)}
              </Text>
            </li>
          ))}
        </Stack>
        <LoadMore list={list} testId="files-more" />
      </Stack>
    </Paper>
  );
}

/** Notes and attached files of the case. */
export function CaseNotesTab({ caseId }: { caseId: string }) {
  const me = useMe();
  const canWrite = hasPermission(me, 'case.update');
  return (
    <Stack gap="md">
      <Notes caseId={caseId} canAdd={canWrite} />
      <Files caseId={caseId} canUpload={canWrite} />
    </Stack>
  );
}
