import type { Draft } from '@/domain/drafts/drafts.schema.ts';
import { api, isApiError, NETWORK_ERROR } from './api';

/**
 * Drafts of the forms on this page, kept in memory only (never localStorage, sessionStorage or
 * IndexedDB) and saved to the server's drafts API (`/api/drafts/:formKey`, encrypted there) as
 * the person types. What was typed while the connection was down stays here and is saved when
 * it returns. `forgetDrafts()` empties everything at logout.
 */

/**
 * - `loading`: asking the server for a draft; `clean`: nothing changed;
 * - `unsaved`: changed, not saved yet; `saving`; `saved`: the draft is on the server;
 * - `offline`: not saved, the connection is down; `error`: the server refused it;
 * - `conflict`: another tab or window saved a newer draft of the same form.
 */
export type DraftStatus =
  'loading' | 'clean' | 'unsaved' | 'saving' | 'saved' | 'offline' | 'error' | 'conflict';

export interface DraftEntry {
  values: unknown;
  /** What the form started from: values equal to it are no draft at all. */
  initial: unknown;
  version: number;
  status: DraftStatus;
  /** A draft from the server replaced the initial values (shown as "Draft restored"). */
  restored: boolean;
  /** False for forms the user can only read: nothing is sent to the server. */
  remote: boolean;
}

/** Statuses whose typing is not on the server yet: leaving the page would lose it. */
const UNSYNCED: ReadonlySet<DraftStatus> = new Set(['unsaved', 'saving', 'offline', 'error']);

/** A form of the server's drafts API whose typing is not on the server yet. */
const needsSaving = (entry: DraftEntry | undefined): entry is DraftEntry =>
  entry !== undefined && entry.remote && UNSYNCED.has(entry.status);

const entries = new Map<string, DraftEntry>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const queues = new Map<string, Promise<void>>();
/** Drafts to delete on the server once the connection is back (the form was saved offline). */
const pendingDeletes = new Set<string>();
const listeners = new Set<() => void>();

const draftUrl = (key: string) => `/api/drafts/${encodeURIComponent(key)}`;

function emit(): void {
  listeners.forEach((listener) => listener());
}

/** Subscribes to every change of every draft (for `useSyncExternalStore`). */
export function subscribeDrafts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function draftEntry(key: string): DraftEntry | undefined {
  return entries.get(key);
}

function patch(key: string, change: Partial<DraftEntry>): void {
  const entry = entries.get(key);
  if (entry) {
    entries.set(key, { ...entry, ...change });
    emit();
  }
}

/** Stable JSON for comparing form values. */
export function sameValues(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True while some form holds typing that is not on the server yet. */
export function hasUnsyncedDrafts(): boolean {
  return [...entries.values()].some((e) => UNSYNCED.has(e.status));
}

/** Runs `task` after the ones already queued for `key` (saves of one form never overlap). */
function enqueue(key: string, task: () => Promise<void>): Promise<void> {
  const next = (queues.get(key) ?? Promise.resolve()).then(task, task);
  queues.set(key, next);
  void next.finally(() => {
    if (queues.get(key) === next) {
      queues.delete(key);
    }
  });
  return next;
}

function failureStatus(error: unknown): DraftStatus {
  if (isApiError(error, NETWORK_ERROR) || !navigator.onLine) {
    return 'offline';
  }
  return isApiError(error, 'version_conflict') ? 'conflict' : 'error';
}

/**
 * The fields of `values` that differ from `initial`. A draft holds only what the person changed,
 * so restoring it over a record a colleague has changed since keeps the colleague's other fields
 * instead of putting back the values the form started from.
 */
function changedFields(values: unknown, initial: unknown): Record<string, unknown> {
  const start = (initial ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(values as Record<string, unknown>).filter(
      ([field, value]) => !sameValues(value, start[field]),
    ),
  );
}

async function pushDraft(key: string): Promise<void> {
  const entry = entries.get(key);
  if (!needsSaving(entry)) {
    return;
  }
  if (!navigator.onLine) {
    patch(key, { status: 'offline' });
    return;
  }
  const values = entry.values;
  patch(key, { status: 'saving' });
  try {
    if (sameValues(values, entry.initial)) {
      await api.delete(draftUrl(key));
      patch(key, { version: 0, status: 'clean' });
      return;
    }
    const draft = await api.put<Draft>(draftUrl(key), {
      data: changedFields(values, entry.initial),
      version: entry.version,
    });
    const now = entries.get(key);
    // More typing while this was on its way keeps the form "unsaved" (its own save is queued).
    patch(key, {
      version: draft.version,
      status: now && sameValues(now.values, values) ? 'saved' : 'unsaved',
    });
  } catch (error: unknown) {
    patch(key, { status: failureStatus(error) });
  }
}

/** Saves the draft of `key` now (queued behind any save on its way). */
export function saveDraftNow(key: string): Promise<void> {
  clearTimeout(timers.get(key));
  timers.delete(key);
  return enqueue(key, () => pushDraft(key));
}

/**
 * Saves now every draft whose typing is not on the server yet (before logging out), waiting at
 * most `timeoutMs`; afterwards `hasUnsyncedDrafts()` says whether something is still unsaved.
 */
export async function flushDrafts(timeoutMs = 5_000): Promise<void> {
  const keys = [...entries.entries()].filter(([, entry]) => needsSaving(entry)).map(([key]) => key);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([Promise.all(keys.map((key) => saveDraftNow(key))), deadline]);
  clearTimeout(timer);
}

/** Creates the entry of a form the first time it is shown on this page; false when it existed. */
export function ensureDraft(key: string, initial: unknown, remote: boolean): boolean {
  const entry = entries.get(key);
  if (entry) {
    // Nothing typed: the form follows what it was given this time (the record may have changed).
    if (entry.status === 'clean' && !sameValues(entry.initial, initial)) {
      entries.set(key, { ...entry, initial, values: initial, version: 0 });
    }
    return false;
  }
  entries.set(key, {
    values: initial,
    initial,
    version: 0,
    status: remote ? 'loading' : 'clean',
    restored: false,
    remote,
  });
  return true;
}

/** Asks the server for the draft of `key` and shows it unless the person already typed. */
export async function loadDraft(key: string): Promise<void> {
  try {
    const draft = await api.get<Draft>(draftUrl(key));
    const entry = entries.get(key);
    if (entry?.status === 'loading') {
      const values = { ...(entry.initial as object), ...draft.data };
      patch(key, { values, version: draft.version, status: 'saved', restored: true });
    }
  } catch (error: unknown) {
    const entry = entries.get(key);
    if (entry?.status === 'loading') {
      const missing = isApiError(error, 'draft_not_found');
      patch(key, { status: missing ? 'clean' : failureStatus(error) });
    }
  }
}

/** Records new values and saves them after `delayMs` without further typing. */
export function changeDraft(key: string, values: unknown, delayMs: number): void {
  const entry = entries.get(key);
  if (!entry) {
    return;
  }
  const clean = sameValues(values, entry.initial) && entry.version === 0;
  patch(key, { values, status: clean ? 'clean' : 'unsaved' });
  clearTimeout(timers.get(key));
  if (entry.remote && !clean) {
    timers.set(
      key,
      setTimeout(() => void saveDraftNow(key), delayMs),
    );
  }
}

/**
 * Ends the draft of `key` (the form was saved or discarded): the server's copy is deleted
 * (later, if the connection is down) and the form starts again from `initial`.
 */
export function clearDraft(key: string, initial: unknown): Promise<void> {
  clearTimeout(timers.get(key));
  timers.delete(key);
  const entry = entries.get(key);
  entries.set(key, {
    values: initial,
    initial,
    version: 0,
    status: 'clean',
    restored: false,
    remote: entry?.remote ?? true,
  });
  emit();
  if (!entry?.remote) {
    return Promise.resolve();
  }
  return enqueue(key, async () => {
    try {
      await api.delete(draftUrl(key));
      pendingDeletes.delete(key);
    } catch {
      pendingDeletes.add(key);
    }
  });
}

/** Takes the newer draft saved elsewhere (`conflict`), or the server's version to save over it. */
export async function resolveConflict(key: string, keep: 'mine' | 'theirs'): Promise<void> {
  try {
    const draft = await api.get<Draft>(draftUrl(key));
    const entry = entries.get(key);
    if (keep === 'theirs') {
      const values = { ...(entry?.initial as object), ...draft.data };
      patch(key, { values, version: draft.version, status: 'saved', restored: true });
      return;
    }
    patch(key, { version: draft.version, status: 'unsaved' });
  } catch (error: unknown) {
    // The other draft was deleted meanwhile (its form was saved): mine becomes the draft.
    patch(key, {
      version: 0,
      status: isApiError(error, 'draft_not_found') ? 'unsaved' : 'conflict',
    });
  }
  await saveDraftNow(key);
}

/** Saves every unsaved draft (the connection came back) and finishes pending deletions. */
function resumeAll(): void {
  for (const key of pendingDeletes) {
    void enqueue(key, async () => {
      try {
        await api.delete(draftUrl(key));
        pendingDeletes.delete(key);
      } catch {
        // Still down: tried again at the next `online`.
      }
    });
  }
  for (const [key, entry] of entries) {
    if (entry.status === 'offline' || entry.status === 'unsaved') {
      void saveDraftNow(key);
    }
  }
}

/** Forgets every draft of this page (logout): nothing typed stays in the tab's memory. */
export function forgetDrafts(): void {
  timers.forEach((timer) => clearTimeout(timer));
  timers.clear();
  entries.clear();
  pendingDeletes.clear();
  emit();
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', resumeAll);
  window.addEventListener('offline', () => {
    for (const [key, entry] of entries) {
      if (entry.status === 'unsaved' || entry.status === 'saving') {
        patch(key, { status: 'offline' });
      }
    }
  });
}
