import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '@web/components/status-message';
import { isApiError, type FieldIssue } from '@web/lib/api';
import { errorMessage, serverFieldErrors, type FieldErrors } from '@web/lib/errors';
import { updateCase } from './cases.api';
import type { Case, CaseUpdate } from './cases.schema';

/**
 * Saves part of a case with the version it was based on. On `version_conflict` the caller keeps
 * what the user typed and offers Reload; after reloading, saving again uses the new version.
 */
export function useCaseSave(record: Case, onSaved: (saved: Case) => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [conflict, setConflict] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  /** The server's validation issues with their full paths (`documents.0.number`). */
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const save = async (body: CaseUpdate): Promise<boolean> => {
    setBusy(true);
    setStatus(null);
    setErrors({});
    setIssues([]);
    try {
      const saved = await updateCase(record.id, { ...body, version: record.version });
      setConflict(false);
      onSaved(saved);
      setStatus({ tone: 'success', message: t('cases.saved') });
      return true;
    } catch (error: unknown) {
      if (isApiError(error, 'version_conflict')) {
        setConflict(true);
      } else {
        if (isApiError(error, 'validation_failed')) {
          setErrors(serverFieldErrors(error.errors, t));
          setIssues(error.errors);
        }
        setStatus({ tone: 'error', message: errorMessage(error, t) });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, status, conflict, errors, issues, save, clearConflict: () => setConflict(false) };
}
