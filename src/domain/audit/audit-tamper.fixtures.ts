import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, expect } from 'vitest';
import { request, type Session } from '@test/support/build-app.ts';
import { createRuntime, type TestRuntime } from '@test/support/database.ts';
import {
  buildOrganisation,
  buildSession,
  buildUser,
  unique,
  type TestUser,
} from '@test/support/factories.ts';
import type { Ctx } from '@/lib/context.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { buildApp } from '@/server/app.ts';
import { hashAuditRow, type AuditRowContent } from './audit.repository.ts';
import type { AuditVerifyReport } from './audit-verify.schema.ts';
import { setAuditCheckpointFile, writeAuditCheckpoint } from './index.ts';
import { verifyAuditChain } from './audit-verify.service.ts';

/**
 * Fixtures for audit-tamper.test.ts. An attacker with access to the database (its owner role, able to disable triggers) cannot
 * hide what they did to the audit log: each attack runs on an installation of its own, and is
 * found both by `verifyAuditChain` (the CLI's `homeward audit verify`) and `GET /api/audit/verify`.
 */

/** The folder of the installations' checkpoint files, removed after the file's tests. */
export const dir = mkdtempSync(join(tmpdir(), 'hw-audit-tamper-'));
const open: Install[] = [];

afterAll(async () => {
  for (const i of open) {
    await i.app.close();
    await i.rt.database.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

export interface Install {
  rt: TestRuntime;
  adminUser: TestUser;
  app: FastifyInstance;
  admin: Session;
  file: string;
  q: TestRuntime['database']['query'];
}

/** The installation operator (the CLI) of `i`, who may verify its whole audit chain. */
export function operator(i: Install): Ctx {
  return systemCtx({ db: i.rt.database.db, cipher: i.rt.cipher });
}

/** A sealed installation with a few rows, its checkpoint written outside the database. */
export async function install(): Promise<Install> {
  const rt = await createRuntime();
  const org = await buildOrganisation(rt);
  const adminUser = await buildUser(rt, org, 'admin');
  for (const role of ['supervisor', 'caseworker', 'viewer'] as const) {
    await buildUser(rt, org, role);
  }
  const file = join(dir, `${unique()}-audit-checkpoint.json`);
  setAuditCheckpointFile(rt.database.db, file);
  const app = await buildApp({ database: rt.database, cipher: rt.cipher, logger: false });
  await app.ready();
  const i = {
    rt,
    adminUser,
    app,
    admin: await buildSession(rt, adminUser),
    file,
    q: rt.database.query,
  };
  open.push(i);
  await checkpoint(i);
  return i;
}

/** Writes the checkpoint file now (the server does this every few seconds). */
export async function checkpoint(i: Install): Promise<void> {
  expect(['written', 'unchanged']).toContain(
    (await writeAuditCheckpoint(i.rt.database.db, i.file)).outcome,
  );
}

/** Some audited API requests (organisation renames). */
export async function activity(i: Install, n: number): Promise<void> {
  for (let k = 0; k < n; k += 1) {
    const res = await request(i.app, i.admin, {
      method: 'PATCH',
      url: '/api/organisation',
      payload: { name: `Renamed ${unique()}` },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** As the tables' owner: the audit triggers off for `fn`, as an attacker would do. */
export async function asOwnerWithoutTriggers(
  i: Install,
  fn: () => Promise<unknown>,
): Promise<void> {
  const tables = ['audit_events', 'audit_seals'];
  for (const t of tables) {
    await i.q(`alter table ${t} disable trigger user`);
  }
  try {
    await fn();
  } finally {
    for (const t of tables) {
      await i.q(`alter table ${t} enable trigger user`);
    }
  }
}

export async function head(i: Install): Promise<bigint> {
  const [r] = await i.q<{ seq: string }>('select max(seq)::text as seq from audit_events');
  return BigInt(r!.seq);
}

/** The report of the verify function, which the API must give too (to an admin). */
export async function verifyBoth(i: Install): Promise<AuditVerifyReport> {
  const report = await verifyAuditChain(operator(i));
  const res = await request(i.app, i.admin, { method: 'GET', url: '/api/audit/verify' });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toEqual(report);
  return report;
}

export async function headOf(rt: TestRuntime): Promise<bigint> {
  const [r] = await rt.database.query<{ seq: string }>(
    'select max(seq)::text as seq from audit_events',
  );
  return BigInt(r!.seq);
}

export type Row = Record<string, unknown> & { seq: string; hash: string; prev_hash: string };

/** The hashed content of a stored audit row `r`, moved to `seq`. */
function rowContent(r: Row, seq: bigint): AuditRowContent {
  return {
    seq,
    id: r.id as string,
    at: new Date(r.at as string),
    organisationId: r.organisation_id as string | null,
    actorUserId: r.actor_user_id as string | null,
    actorLabel: r.actor_label as string | null,
    action: r.action as string,
    entityType: r.entity_type as string | null,
    entityId: r.entity_id as string | null,
    outcome: r.outcome as 'success',
    ip: r.ip as string | null,
    requestId: r.request_id as string | null,
    details: r.details as Record<string, unknown>,
  };
}

/** Inserts `content` as an audit row linked to `prev` with `hash`, as an attacker would. */
async function insertForgedRow(
  i: Install,
  content: AuditRowContent,
  link: { prev: string; hash: string },
): Promise<void> {
  await i.q(
    `insert into audit_events (seq, id, at, organisation_id, actor_user_id, actor_label, action,
       entity_type, entity_id, outcome, ip, request_id, details, prev_hash, hash)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
    [
      content.seq.toString(),
      content.id,
      content.at.toISOString(),
      content.organisationId,
      content.actorUserId,
      content.actorLabel,
      content.action,
      content.entityType,
      content.entityId,
      content.outcome,
      content.ip,
      content.requestId,
      JSON.stringify(content.details),
      link.prev,
      link.hash,
    ],
  );
}

/** Deletes row `gone` and renumbers and re-hashes every later row, copying their old seals. */
export async function rehashWithout(i: Install, gone: bigint): Promise<void> {
  const rows = await i.q<Row>(
    'select *, seq::text as seq from audit_events a where a.seq > $1 order by a.seq',
    [gone],
  );
  const seals = await i.q<{ seq: string; key_id: string; mac: string }>(
    'select seq::text as seq, key_id, mac from audit_seals where seq > $1 order by seq',
    [gone],
  );
  const [before] = await i.q<{ hash: string }>('select hash from audit_events where seq = $1', [
    gone - 1n,
  ]);
  await i.q('delete from audit_events where seq >= $1', [gone]);
  await i.q('delete from audit_seals where seq >= $1', [gone]);
  let prev = before!.hash;
  for (const [n, r] of rows.entries()) {
    const content = rowContent(r, BigInt(r.seq) - 1n);
    const hash = hashAuditRow(prev, content);
    await insertForgedRow(i, content, { prev, hash });
    const seal = seals[n]!;
    await i.q('insert into audit_seals (seq, hash, key_id, mac) values ($1, $2, $3, $4)', [
      content.seq.toString(),
      hash,
      seal.key_id,
      seal.mac,
    ]);
    prev = hash;
  }
}
