import { isApiError, NETWORK_ERROR } from '@web/lib/api';
import type { ScreeningUpdate } from './screening.schema';

/**
 * - `saved`: the server has every answer; `pending`: a change waits for its save;
 * - `saving`; `offline`: the connection is down (kept here, sent again on the next change or
 *   flush); `conflict`: someone else changed the screening; `error`: the server refused it.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'offline' | 'conflict' | 'error';

export interface SaverOptions {
  /** Sends one edit based on `version`; resolves with the screening's new version. */
  send: (body: ScreeningUpdate, version: number) => Promise<number>;
  delayMs: number;
  onState: (state: SaveState, error?: unknown) => void;
}

/**
 * Saves an interview on the server as it goes: each change replaces the edit waiting to be sent
 * (the answers are sent whole), sent after `delayMs` without a newer change, or at once by
 * `flush()` (Next, Save and leave). Edits never overlap: the next waits for the version the
 * previous one returned. Nothing is kept on the device beyond this page's memory.
 */
export class ScreeningSaver {
  private pending: ScreeningUpdate | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private currentVersion: number,
    private readonly options: SaverOptions,
  ) {}

  get version(): number {
    return this.currentVersion;
  }

  /** True while a change is not on the server yet. */
  get unsaved(): boolean {
    return this.pending !== null;
  }

  /** Replaces the edit waiting to be sent with `body`, sent after the delay. */
  schedule(body: ScreeningUpdate): void {
    if (this.stopped) {
      return;
    }
    this.pending = body;
    this.options.onState('pending');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs);
  }

  /** Sends the waiting edit now (after any on its way); resolves when the server has it. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.queue = this.queue.then(() => this.sendPending());
    return this.queue;
  }

  /** Stops sending (the screening was completed, or the page is closing). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async sendPending(): Promise<void> {
    const body = this.pending;
    if (body === null || this.stopped) {
      return;
    }
    this.options.onState('saving');
    try {
      this.currentVersion = await this.options.send(body, this.currentVersion);
      if (this.pending === body) {
        this.pending = null;
        this.options.onState('saved');
      }
    } catch (error: unknown) {
      this.options.onState(failure(error), error);
    }
  }
}

function failure(error: unknown): SaveState {
  if (isApiError(error, NETWORK_ERROR)) {
    return 'offline';
  }
  return isApiError(error, 'version_conflict') ? 'conflict' : 'error';
}
