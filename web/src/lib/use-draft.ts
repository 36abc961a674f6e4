import { useCallback, useEffect, useId, useSyncExternalStore } from 'react';
import {
  changeDraft,
  clearDraft,
  draftEntry,
  ensureDraft,
  hasUnsyncedDrafts,
  loadDraft,
  resolveConflict,
  sameValues,
  saveDraftNow,
  subscribeDrafts,
  type DraftStatus,
} from './draft-store';

/** How long typing pauses before the draft is saved. */
export const DRAFT_DELAY_MS = 800;

export interface DraftForm<T> {
  values: T;
  /** Replaces some fields (or all, with a function) and saves the draft after a pause. */
  setValues: (change: Partial<T> | ((values: T) => T)) => void;
  /** Sets one field. */
  set: <K extends keyof T>(field: K, value: T[K]) => void;
  status: DraftStatus;
  /** The values differ from what the form started from. */
  dirty: boolean;
  /** A draft saved earlier was put back into the form. */
  restored: boolean;
  /** After the form was saved or discarded: deletes the draft, starts again from `initial`. */
  clear: (initial?: T) => Promise<void>;
  /** Saves now instead of after the pause (the connection came back, the person asks). */
  saveNow: () => Promise<void>;
  resolveConflict: (keep: 'mine' | 'theirs') => Promise<void>;
}

/**
 * A form whose input is kept as the person types: in this page's memory at once, and on the
 * server (`/api/drafts/:formKey`, encrypted) after a pause of DRAFT_DELAY_MS. Switching tabs
 * keeps it in memory, a reload restores it from the server, and text typed offline is saved
 * when the connection returns. Nothing goes to the browser's storage.
 *
 * `formKey` null keeps the values in memory only (a form the user cannot save). `initial` is
 * read when the form is first shown on the page: mount the form once its data has loaded.
 *
 * @example const note = useDraft(`case:${caseId}:note`, { body: '', visibility: 'team' });
 */
export function useDraft<T extends object>(formKey: string | null, initial: T): DraftForm<T> {
  const localId = useId();
  const key = formKey ?? `local:${localId}`;
  const remote = formKey !== null;
  // Idempotent: creates the entry the first time this form is shown on the page (or after logout).
  const created = ensureDraft(key, initial, remote);
  const entry = useSyncExternalStore(subscribeDrafts, () => draftEntry(key));

  useEffect(() => {
    if (remote && (created || draftEntry(key)?.status === 'loading')) {
      void loadDraft(key);
    }
    // Only when the form appears: `created` is true on its first render only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, remote]);

  const setValues = useCallback(
    (change: Partial<T> | ((values: T) => T)) => {
      const current = (draftEntry(key)?.values ?? initial) as T;
      const next = typeof change === 'function' ? change(current) : { ...current, ...change };
      changeDraft(key, next, DRAFT_DELAY_MS);
    },
    // `initial` is only a fallback for a form whose entry was forgotten at logout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const set = useCallback(
    <K extends keyof T>(field: K, value: T[K]) =>
      setValues((values) => ({ ...values, [field]: value })),
    [setValues],
  );
  const clear = useCallback(
    (next?: T) => clearDraft(key, next ?? (draftEntry(key)?.initial as T | undefined) ?? initial),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  const values = (entry?.values ?? initial) as T;
  return {
    values,
    setValues,
    set,
    status: entry?.status ?? 'clean',
    dirty: !sameValues(values, entry?.initial ?? initial),
    restored: entry?.restored ?? false,
    clear,
    saveNow: useCallback(() => saveDraftNow(key), [key]),
    resolveConflict: useCallback((keep: 'mine' | 'theirs') => resolveConflict(key, keep), [key]),
  };
}

function handleBeforeUnload(event: BeforeUnloadEvent): void {
  if (hasUnsyncedDrafts()) {
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = '';
  }
}

let guards = 0;
let leaveMessage = '';

function handleLinkClick(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest?.('a[href^="#/"]');
  if (!link || !hasUnsyncedDrafts() || link.getAttribute('href') === window.location.hash) {
    return;
  }
  if (!window.confirm(leaveMessage)) {
    event.preventDefault();
    event.stopPropagation();
  }
}

/**
 * Asks before leaving while typing is not on the server yet: the browser's own prompt for a
 * reload, closing the tab or going to another site, and `message` for a link inside the app
 * (the hash router's links). Every form with a draft may mount it; the listeners are installed
 * once.
 */
export function useLeaveGuard(message: string): void {
  useEffect(() => {
    leaveMessage = message;
    if (guards++ === 0) {
      window.addEventListener('beforeunload', handleBeforeUnload);
      document.addEventListener('click', handleLinkClick, true);
    }
    return () => {
      if (--guards === 0) {
        window.removeEventListener('beforeunload', handleBeforeUnload);
        document.removeEventListener('click', handleLinkClick, true);
      }
    };
  }, [message]);
}
