/**
 * Child processes of `npm run bench:memory`: started with the memory probe preloaded, sampled
 * from /proc (resident set size as the kernel counts it), stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const PROBE = new URL('./memory-probe.mjs', import.meta.url).pathname;

/** Resident memory of a process, MiB: total, anonymous (heaps, WebAssembly memory) and file-backed. */
export interface Rss {
  rss: number;
  anon: number;
  file: number;
}

/** `process.memoryUsage()` of the child, MiB. */
export interface Heap {
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export interface Measured {
  pid: number;
  child: ChildProcess;
  /** Where the probe writes memoryUsage() lines. */
  report: string;
  stderr: string[];
}

const MIB = 1024 * 1024;

/** Reads VmRSS, RssAnon and RssFile of `pid` (Linux). */
export function readRss(pid: number): Rss {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kib('VmRSS') / 1024, anon: kib('RssAnon') / 1024, file: kib('RssFile') / 1024 };
}

/** Asks the probe in `m` for memoryUsage() and returns it. */
export async function readHeap(m: Measured): Promise<Heap | null> {
  const before = safeRead(m.report).length;
  m.child.kill('SIGUSR2');
  for (let i = 0; i < 50; i += 1) {
    await sleep(20);
    const text = safeRead(m.report);
    if (text.length > before) {
      const last = JSON.parse(text.trim().split('\n').at(-1)!) as Record<string, number>;
      return {
        heapUsed: last.heapUsed! / MIB,
        heapTotal: last.heapTotal! / MIB,
        external: last.external! / MIB,
      };
    }
  }
  return null;
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A scratch directory under the OS temp folder; `rm` removes it. */
export function scratchDir(prefix: string): { path: string; rm: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, rm: () => rmSync(path, { recursive: true, force: true }) };
}

/** Starts `node --import memory-probe.mjs <args>` with `env` added to this process's. */
export function startMeasured(
  args: string[],
  env: Record<string, string>,
  reportDir: string,
): Measured {
  const report = join(
    reportDir,
    `memory-${Date.now()}-${Math.random().toString(16).slice(2)}.jsonl`,
  );
  const child = spawn(process.execPath, ['--import', PROBE, ...args], {
    env: { ...process.env, ...env, HW_MEMORY_REPORT: report },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.on('data', (c: Buffer) => stderr.push(c.toString()));
  child.stdout.resume();
  return { pid: child.pid!, child, report, stderr };
}

/** Resolves when the child prints `line` on stdout (the floor prints `ready`). */
export function waitForLine(m: Measured, line: string, timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "${line}" after ${timeoutMs} ms: ${m.stderr.join('')}`)),
      timeoutMs,
    );
    m.child.stdout!.on('data', (c: Buffer) => {
      if (c.toString().includes(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
    m.child.once('exit', (code) => reject(new Error(`exited with ${code}: ${m.stderr.join('')}`)));
  });
}

/** Polls `url` until it answers 200. */
export async function waitForHttp(m: Measured, url: string, timeoutMs = 180_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (m.child.exitCode !== null) {
      throw new Error(`server exited with ${m.child.exitCode}: ${m.stderr.join('')}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** SIGTERM, then SIGKILL after 15 s; resolves when the child is gone. */
export async function stop(m: Measured): Promise<void> {
  if (m.child.exitCode !== null || m.child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => m.child.once('exit', () => resolve()));
  m.child.kill('SIGTERM');
  const timer = setTimeout(() => m.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Waits `settleS` seconds, then takes `count` samples one second apart and returns the median
 * RSS sample (with its parts) and the heap at the end.
 */
export async function sampleIdle(
  m: Measured,
  settleS: number,
  count = 5,
): Promise<{ rss: Rss; heap: Heap | null }> {
  await sleep(settleS * 1000);
  const samples: Rss[] = [];
  for (let i = 0; i < count; i += 1) {
    samples.push(readRss(m.pid));
    await sleep(1000);
  }
  samples.sort((a, b) => a.rss - b.rss);
  return { rss: samples[Math.floor(samples.length / 2)]!, heap: await readHeap(m) };
}
