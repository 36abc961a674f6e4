import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@web/lib/api';
import { ScreeningSaver, type SaveState } from './screening-saver';
import type { ScreeningUpdate } from './screening.schema';

const body = (n: number): ScreeningUpdate => ({
  answers: [{ indicatorId: `I-A-${n}`, answer: 'yes' }],
});

describe('ScreeningSaver', () => {
  let sent: { body: ScreeningUpdate; version: number }[];
  let states: SaveState[];
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    states = [];
  });
  afterEach(() => vi.useRealTimers());

  const saver = (send?: (b: ScreeningUpdate, v: number) => Promise<number>) =>
    new ScreeningSaver(1, {
      delayMs: 500,
      onState: (state) => states.push(state),
      send:
        send ??
        ((b, version) => {
          sent.push({ body: b, version });
          return Promise.resolve(version + 1);
        }),
    });

  it('sends only the last of quick changes, once the delay has passed', async () => {
    const s = saver();
    s.schedule(body(1));
    s.schedule(body(2));
    await vi.advanceTimersByTimeAsync(499);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([{ body: body(2), version: 1 }]);
    expect(s.version).toBe(2);
    expect(s.unsaved).toBe(false);
    expect(states.at(-1)).toBe('saved');
  });

  it('flush sends at once, and each edit names the version the previous one returned', async () => {
    const s = saver();
    s.schedule(body(1));
    await s.flush();
    s.schedule(body(2));
    await s.flush();
    expect(sent.map((x) => x.version)).toEqual([1, 2]);
    await s.flush();
    expect(sent).toHaveLength(2);
  });

  it('keeps a change made while a save is on its way, and sends it next', async () => {
    let release: (v: number) => void = () => undefined;
    const versions: number[] = [];
    const s = saver((_b, version) => {
      versions.push(version);
      return versions.length === 1
        ? new Promise<number>((resolve) => (release = resolve))
        : Promise.resolve(version + 1);
    });
    s.schedule(body(1));
    const first = s.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(versions).toEqual([1]);
    s.schedule(body(2));
    expect(s.unsaved).toBe(true);
    release(2);
    await first;
    await s.flush();
    expect(versions).toEqual([1, 2]);
    expect(s.unsaved).toBe(false);
  });

  it('keeps the change when the server cannot be reached, and says so', async () => {
    const s = saver(() =>
      Promise.reject(new ApiError({ status: 0, code: 'network_error', title: 'Network error' })),
    );
    s.schedule(body(1));
    await s.flush();
    expect(states.at(-1)).toBe('offline');
    expect(s.unsaved).toBe(true);
  });

  it('reports a conflict when someone else changed the screening', async () => {
    const s = saver(() =>
      Promise.reject(new ApiError({ status: 409, code: 'version_conflict', title: 'Conflict' })),
    );
    s.schedule(body(1));
    await s.flush();
    expect(states.at(-1)).toBe('conflict');
  });
});
