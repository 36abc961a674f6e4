import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '@test/support/database.ts';
import { buildOrganisation, buildUser } from '@test/support/factories.ts';
import { loadConfig, type Config } from '@/lib/config.ts';
import { generateKey } from '@/lib/crypto.ts';
import { openRuntime, type Runtime } from '@/server/bootstrap.ts';
import { writeAuditCheckpoint } from './audit-checkpoint.ts';
import { auditCheckpointFile } from './audit-keys.ts';

/**
 * `homeward audit verify`, run as the operator would, on an installation of its own (a data
 * folder, and on PostgreSQL a database of its own): intact, then with its newest rows deleted.
 */
const BIN = fileURLToPath(new URL('../../../bin/homeward.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hw-audit-cli-'));
const masterKey = generateKey();

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function postgresDatabase(adminUrl: string): Promise<string> {
  const name = `hw_test_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const env = (config: Config): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOMEWARD_DATA_DIR: config.dataDir,
  HOMEWARD_MASTER_KEY: masterKey.toString('base64'),
  ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
});

function verifyCli(config: Config): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'audit', 'verify'],
      { env: env(config), timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
      },
    );
  });
}

async function withInstallation(config: Config, fn: (rt: Runtime) => Promise<void>) {
  const rt = await openRuntime(config);
  try {
    await fn(rt);
  } finally {
    await rt.database.close();
  }
}

describe('homeward audit verify', () => {
  // Two CLI processes start (TypeScript loader, migrations check): allow them time on a busy host.
  it(
    'passes an intact log and fails, naming the row, once the newest rows are deleted',
    { timeout: 240_000 },
    async () => {
      const config: Config = {
        ...loadConfig({}),
        dataDir: dir,
        masterKey: masterKey.toString('base64'),
        databaseUrl: TEST_DATABASE_URL ? await postgresDatabase(TEST_DATABASE_URL) : undefined,
      };
      let head = 0;
      await withInstallation(config, async (rt) => {
        const t = { database: rt.database, cipher: rt.cipher, masterKey };
        const org = await buildOrganisation(t);
        await buildUser(t, org, 'admin');
        await buildUser(t, org, 'viewer');
        const file = auditCheckpointFile(rt.database.db);
        expect(file).toBe(join(dir, 'audit-checkpoint.json'));
        const result = await writeAuditCheckpoint(rt.database.db, file!);
        expect(result.outcome).toBe('written');
        head = Number(result.outcome === 'written' ? result.checkpoint.seq : 0);
      });

      const intact = await verifyCli(config);
      expect(intact.stdout, intact.stderr).toContain(`Audit chain intact: ${head} rows verified.`);
      expect(intact.stderr).toContain('the runtime role can disable the audit triggers');
      expect(intact.code).toBe(0);

      await withInstallation(config, async (rt) => {
        const q = rt.database.query;
        await q('alter table audit_events disable trigger user');
        await q('alter table audit_seals disable trigger user');
        await q('delete from audit_events where seq > $1', [head - 2]);
        await q('delete from audit_seals where seq > $1', [head - 2]);
        await q('alter table audit_events enable trigger user');
        await q('alter table audit_seals enable trigger user');
      });
      const broken = await verifyCli(config);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain(`Audit chain BROKEN at row seq=${head - 1}`);
      expect(broken.stderr).toContain('rolled back to an older copy');
    },
  );
});
