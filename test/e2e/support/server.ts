import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running `homeward start` on a fresh data directory, with the seeded demo. */
export interface TestServer {
  baseUrl: string;
  /** Everything the server printed so far (stdout and stderr interleaved). */
  output: () => string;
  stop: () => Promise<void>;
}

const ROOT = new URL('../../..', import.meta.url).pathname;
const STARTUP_TIMEOUT_MS = 90_000;
const KILL_GRACE_MS = 10_000;

/** Settings that would point the server at something other than its own fresh data dir. */
const STRIPPED_ENV = [
  'DATABASE_URL',
  'TEST_DATABASE_URL',
  'HOMEWARD_MASTER_KEY',
  'HOMEWARD_KEY_FILE',
  'HOMEWARD_PUBLIC_ORIGIN',
  'HOMEWARD_TRUST_PROXY',
];

/** A port nobody listens on right now: listen on port 0, read the port, close. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) {
    return true;
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) {
      return false;
    }
    const body = (await response.json()) as { status?: unknown };
    return body.status === 'ok';
  } catch {
    return false;
  }
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited(child)) {
      throw new Error(`the server exited early (code ${child.exitCode}, ${child.signalCode})`);
    }
    if (await healthy(baseUrl)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`/healthz did not answer ok within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (exited(child)) {
    return;
  }
  child.kill('SIGTERM');
  if (!(await waitForExit(child, KILL_GRACE_MS))) {
    child.kill('SIGKILL');
    await waitForExit(child, KILL_GRACE_MS);
  }
}

/**
 * Starts `node bin/homeward.mjs start` on a free port with a fresh temporary data directory and
 * waits for /healthz. On failure the server's output is printed and the start-up cleaned away.
 */
export async function startServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'homeward-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of STRIPPED_ENV) {
    delete env[name];
  }
  const child = spawn(process.execPath, ['bin/homeward.mjs', 'start'], {
    cwd: ROOT,
    env: { ...env, HOMEWARD_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilHealthy(baseUrl, child);
  } catch (error: unknown) {
    await stop();
    console.error(`homeward start failed; its output:\n${output}`);
    throw error;
  }
  return { baseUrl, output: () => output, stop };
}
