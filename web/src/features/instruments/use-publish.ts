import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '@web/components/status-message';
import { isApiError, type FieldIssue } from '@web/lib/api';
import { errorMessage } from '@web/lib/errors';
import { navigate } from '@web/lib/router';
import { publishInstrument } from './instruments.api';
import type { Instrument } from './instruments.schema';

/** Said on the instrument's page after it was published (one message, then gone). */
let publishedNotice: string | null = null;

export function takePublishedNotice(): string | null {
  const notice = publishedNotice;
  publishedNotice = null;
  return notice;
}

/**
 * Publishing a checked document: a confirm step first (old screenings keep their version), then
 * `POST /api/screening/instruments`, then the new version's page. The server's problem+json is
 * kept: its message as `status`, its field issues as `serverIssues`.
 */
export function usePublish() {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Instrument | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);

  const confirm = async () => {
    if (!pending) {
      return;
    }
    setBusy(true);
    try {
      const view = await publishInstrument(pending);
      publishedNotice = t('instruments.publish.published', {
        title: view.title,
        version: view.version,
      });
      navigate(`/instruments/${encodeURIComponent(view.id)}/${view.version}`);
    } catch (caught: unknown) {
      setServerIssues(isApiError(caught, 'validation_failed') ? caught.errors : []);
      const conflict = isApiError(caught, 'conflict');
      setStatus({
        tone: 'error',
        message: conflict ? t('instruments.publish.conflict') : errorMessage(caught, t),
      });
      setPending(null);
    } finally {
      setBusy(false);
    }
  };

  return {
    pending,
    busy,
    status,
    serverIssues,
    ask: (doc: Instrument) => {
      setStatus(null);
      setPending(doc);
    },
    cancel: () => setPending(null),
    confirm: () => void confirm(),
  };
}
