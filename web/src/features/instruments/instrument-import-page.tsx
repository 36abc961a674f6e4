import { Anchor, Button, FileInput, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@web/components/page-title';
import { ForbiddenPage } from '@web/components/simple-pages';
import { StatusMessage, type Status } from '@web/components/status-message';
import { useMe } from '@web/features/auth/session';
import { useLoad } from '@web/features/cases/use-load';
import { href, navigate } from '@web/lib/router';
import { InstrumentDetails } from './instrument-details';
import { displayDocument } from './instrument-display';
import { handOverToForm } from './instrument-form-page';
import { checkInstrument, issueMessage, type InstrumentIssue } from './instrument-issues';
import { instrumentRights } from './instrument-rights';
import type { Instrument } from './instruments.schema';
import { PublishConfirm } from './publish-confirm';
import { listInstruments } from './instruments.api';
import { usePublish } from './use-publish';
import { useInstrumentLang } from './use-instrument-lang';

/** Larger files are not read (the longest shipped instrument is under 60 kB). */
const MAX_FILE_BYTES = 1_000_000;

type Checked =
  | { state: 'none' }
  | { state: 'notJson' }
  | { state: 'invalid'; issues: InstrumentIssue[] }
  | { state: 'valid'; doc: Instrument };

function checkText(text: string): Checked {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { state: 'notJson' };
  }
  const result = checkInstrument(value);
  return result.ok
    ? { state: 'valid', doc: result.instrument }
    : { state: 'invalid', issues: result.issues };
}

function Issues({ issues }: { issues: InstrumentIssue[] }) {
  const { t } = useTranslation();
  return (
    <div className="hw-error-summary" role="alert" data-testid="import-issues">
      <h2 className="hw-error-summary-title">{t('instruments.import.issuesTitle')}</h2>
      <ul className="hw-error-summary-list">
        {issues.map((issue) => (
          <li key={`${issue.path}-${issue.kind}`}>
            <span className="hw-code">{issue.path || '/'}</span>: {issueMessage(issue, t)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Reads a chosen file into the text area (UTF-8), refusing very large files. */
async function readFile(file: File | null): Promise<string | null> {
  if (!file || file.size > MAX_FILE_BYTES) {
    return null;
  }
  return file.text();
}

function Preview({ doc, publish }: { doc: Instrument; publish: ReturnType<typeof usePublish> }) {
  const { t } = useTranslation();
  const lang = useInstrumentLang();
  // Whose the id is today: a built-in's id publishes a new built-in version (platform admins).
  const known = useLoad(useCallback((signal: AbortSignal) => listInstruments('en', signal), []));
  const owner = known.data?.items.find((item) => item.id === doc.id)?.owner ?? 'organisation';
  return (
    <section aria-labelledby="import-preview">
      <Title order={2} id="import-preview" mb="sm">
        {t('instruments.import.preview', {
          title: doc.title[lang] ?? doc.title.en,
          version: doc.version,
        })}
      </Title>
      <Group mb="md">
        <Button onClick={() => publish.ask(doc)}>{t('instruments.form.publish')}</Button>
        <Button
          variant="default"
          onClick={() => {
            handOverToForm(doc);
            navigate('/instruments/new');
          }}
        >
          {t('instruments.import.editInForm')}
        </Button>
      </Group>
      <InstrumentDetails instrument={displayDocument(doc, lang, owner)} />
    </section>
  );
}

/** A whole instrument as JSON (pasted or from a file), checked and previewed before publishing. */
export function InstrumentImportPage() {
  const { t } = useTranslation();
  const rights = instrumentRights(useMe());
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<Checked>({ state: 'none' });
  const [fileStatus, setFileStatus] = useState<Status | null>(null);
  const publish = usePublish();
  if (!rights.manage && !rights.platform) {
    return <ForbiddenPage />;
  }
  const handleFile = async (file: File | null) => {
    const content = await readFile(file);
    setFileStatus(
      file && content === null ? { tone: 'error', message: t('instruments.import.tooBig') } : null,
    );
    if (content !== null) {
      setText(content);
      setChecked(checkText(content));
    }
  };
  return (
    <Stack gap="md">
      <Anchor href={href('/instruments')}>{t('instruments.actions.back')}</Anchor>
      <PageTitle>{t('instruments.import.title')}</PageTitle>
      <Text maw={720}>{t('instruments.import.intro')}</Text>
      <StatusMessage status={fileStatus ?? publish.status} testId="import-status" />
      <FileInput
        label={t('instruments.import.file')}
        accept="application/json,.json"
        clearable
        onChange={(file) => void handleFile(file)}
      />
      <Textarea
        label={t('instruments.import.paste')}
        autosize
        minRows={6}
        maxRows={16}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={checked.state === 'notJson' ? t('instruments.import.notJson') : undefined}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Group>
        <Button variant="default" onClick={() => setChecked(checkText(text))}>
          {t('instruments.import.check')}
        </Button>
      </Group>
      {checked.state === 'invalid' && <Issues issues={checked.issues} />}
      {checked.state === 'valid' && <Preview doc={checked.doc} publish={publish} />}
      {publish.serverIssues.length > 0 && (
        <Issues
          issues={publish.serverIssues.map((i) => ({
            path: i.path.replace(/^body\.?/, ''),
            kind: 'format',
            params: {},
          }))}
        />
      )}
      <PublishConfirm publish={publish} />
    </Stack>
  );
}
