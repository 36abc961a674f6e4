import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import { auditCount, buildOrganisation, buildSession, buildUser } from '@test/support/factories.ts';
import type { Role } from '@/policy/roles.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

interface World {
  orgId: string;
  caseId: string;
  s: Record<Role | 'unassigned' | 'foreignAdmin', Session>;
}

async function world(caseExtra: Record<string, unknown> = {}): Promise<World> {
  const org = await buildOrganisation(t.runtime);
  const s = {} as World['s'];
  for (const role of ['admin', 'supervisor', 'caseworker', 'outreach', 'viewer'] as const) {
    s[role] = await buildSession(t.runtime, await buildUser(t.runtime, org, role));
  }
  s.unassigned = await buildSession(t.runtime, await buildUser(t.runtime, org, 'caseworker'));
  const other = await buildOrganisation(t.runtime);
  s.foreignAdmin = await buildSession(t.runtime, await buildUser(t.runtime, other, 'admin'));
  const created = await request(t.app, s.caseworker, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Ana', family: 'Test' }], ...caseExtra },
  });
  expect(created.statusCode, created.body).toBe(201);
  return { orgId: org.id, caseId: created.json().id, s };
}

const GIVEN = {
  purpose: 'case_management',
  dataCategories: ['all'],
  method: 'verbal',
  decision: 'given',
};
const post = (s: Session | null, caseId: string, payload: unknown) =>
  request(t.app, s, { method: 'POST', url: `/api/cases/${caseId}/consents`, payload });
const list = (s: Session | null, caseId: string) =>
  request(t.app, s, { method: 'GET', url: `/api/cases/${caseId}/consents` });
const withdraw = (s: Session | null, caseId: string, consentId: string) =>
  request(t.app, s, {
    method: 'POST',
    url: `/api/cases/${caseId}/consents/${consentId}/withdraw`,
  });
const check = (s: Session | null, caseId: string, query: string) =>
  request(t.app, s, { method: 'GET', url: `/api/cases/${caseId}/consents/check?${query}` });

async function consentRows(caseId: string) {
  return t.runtime.database.query<{ id: string; version: number; withdrawn_at: Date | null }>(
    'select id, version, withdrawn_at from case_consents where case_id = $1 order by version',
    [caseId],
  );
}

describe('consent: access', () => {
  it('lets staff on the case record, read, check and withdraw', async () => {
    const w = await world();
    for (const role of ['admin', 'supervisor', 'caseworker'] as const) {
      const created = await post(w.s[role], w.caseId, GIVEN);
      expect(created.statusCode, created.body).toBe(201);
      expect((await list(w.s[role], w.caseId)).statusCode).toBe(200);
      const q = 'purpose=case_management&categories=identity';
      expect((await check(w.s[role], w.caseId, q)).json().allowed).toBe(true);
      expect((await withdraw(w.s[role], w.caseId, created.json().id)).statusCode).toBe(201);
    }
    const viewed = await list(w.s.viewer, w.caseId);
    expect(viewed.statusCode).toBe(200);
    expect(viewed.json().items).toHaveLength(3);
  });

  it('refuses everyone else, writing nothing', async () => {
    const w = await world();
    const v1 = (await post(w.s.caseworker, w.caseId, GIVEN)).json();
    const before = await auditCount(t.runtime, w.orgId);
    const q = 'purpose=case_management&categories=identity';
    for (const [s, status, code] of [
      [null, 401, 'unauthenticated'],
      [w.s.outreach, 403, 'forbidden'],
      [w.s.unassigned, 404, 'case_not_found'],
      [w.s.foreignAdmin, 404, 'case_not_found'],
    ] as const) {
      expectProblem(await list(s, w.caseId), status, code);
      expectProblem(await post(s, w.caseId, GIVEN), status, code);
      expectProblem(await withdraw(s, w.caseId, v1.id), status, code);
      expectProblem(await check(s, w.caseId, q), status, code);
    }
    expectProblem(await post(w.s.viewer, w.caseId, GIVEN), 403, 'forbidden');
    expectProblem(await withdraw(w.s.viewer, w.caseId, v1.id), 403, 'forbidden');
    expect(await consentRows(w.caseId)).toHaveLength(1);
    expect(await auditCount(t.runtime, w.orgId)).toBe(before);
  });
});

describe('consent: input', () => {
  it('rejects bad input with problem+json and writes nothing', async () => {
    const w = await world();
    const s = w.s.caseworker;
    const before = await auditCount(t.runtime, w.orgId);
    const malformed = await request(t.app, s, {
      method: 'POST',
      url: `/api/cases/${w.caseId}/consents`,
      headers: { 'content-type': 'application/json' },
      payload: '{"purpose": ',
    });
    expectProblem(malformed, 400, 'malformed_json');
    const bad = async (payload: unknown, path?: string) => {
      const body = expectProblem(await post(s, w.caseId, payload), 400, 'validation_failed');
      if (path) {
        expect(body.errors?.map((e) => e.path).join(' ')).toContain(path);
      }
    };
    await bad({ ...GIVEN, extra: true });
    await bad({ ...GIVEN, dataCategories: 'all' });
    await bad({ ...GIVEN, dataCategories: [] });
    await bad({ ...GIVEN, dataCategories: ['secrets'] });
    await bad({ ...GIVEN, decision: 'maybe' });
    await bad({ ...GIVEN, purpose: 'referral' }, 'recipient');
    await bad({ ...GIVEN, purpose: 'cross_border_sharing' }, 'recipient');
    await bad({ ...GIVEN, validUntil: '2020-01-01' }, 'validUntil');
    await bad({ ...GIVEN, recipientOrganisationId: 'not-a-uuid' });
    const nowhere = '0190a8c4-0000-7000-8000-000000000001';
    await bad(
      { ...GIVEN, purpose: 'referral', recipientOrganisationId: nowhere },
      'recipientOrganisationId',
    );
    const unknownCase = '0190a8c4-0000-7000-8000-000000000000';
    expectProblem(await post(s, unknownCase, GIVEN), 404, 'case_not_found');
    expectProblem(await post(s, 'not-a-uuid', GIVEN), 404, 'case_not_found');
    expectProblem(await list(s, 'not-a-uuid'), 404, 'case_not_found');
    expectProblem(await withdraw(s, w.caseId, 'not-a-uuid'), 404, 'consent_not_found');
    expectProblem(await withdraw(s, w.caseId, unknownCase), 404, 'consent_not_found');
    expectProblem(await check(s, w.caseId, 'purpose=referral'), 400, 'validation_failed');
    expectProblem(
      await check(s, w.caseId, 'purpose=photos&categories=identity,nonsense'),
      400,
      'validation_failed',
    );
    expect(await consentRows(w.caseId)).toHaveLength(0);
    expect(await auditCount(t.runtime, w.orgId)).toBe(before);
  });

  it('does not withdraw a consent of another case', async () => {
    const a = await world();
    const b = await world();
    const v1 = (await post(a.s.caseworker, a.caseId, GIVEN)).json();
    expectProblem(await withdraw(b.s.admin, b.caseId, v1.id), 404, 'consent_not_found');
    expect(await consentRows(a.caseId)).toHaveLength(1);
  });

  it('needs a guardian or best-interest record for a possible minor', async () => {
    const w = await world({ possibleMinor: true });
    const s = w.s.caseworker;
    expectProblem(await post(s, w.caseId, GIVEN), 400, 'validation_failed');
    expect(await consentRows(w.caseId)).toHaveLength(0);
    const refused = await post(s, w.caseId, { ...GIVEN, decision: 'refused' });
    expect(refused.statusCode).toBe(201);
    expect((await post(s, w.caseId, { ...GIVEN, guardianName: 'Aunt' })).statusCode).toBe(201);
    const best = await post(s, w.caseId, { ...GIVEN, bestInterestNote: 'Panel decision 12' });
    expect(best.statusCode).toBe(201);
    const viewed = (await list(w.s.viewer, w.caseId)).json();
    expect(viewed.history.every((c: { guardianName: unknown }) => c.guardianName === null)).toBe(
      true,
    );
    expect(JSON.stringify(viewed)).not.toContain('Panel decision');
  });
});

describe('consent: versions', () => {
  it('withdraws by adding a version; earlier versions stay unchanged', async () => {
    const w = await world();
    const s = w.s.caseworker;
    const v1 = (
      await post(s, w.caseId, { ...GIVEN, dataCategories: ['identity', 'health'] })
    ).json();
    expect(v1).toMatchObject({ version: 1, status: 'given', withdrawnAt: null });
    const [rowBefore] = await consentRows(w.caseId);
    const v2res = await withdraw(s, w.caseId, v1.id);
    expect(v2res.statusCode, v2res.body).toBe(201);
    const v2 = v2res.json();
    expect(v2).toMatchObject({ chainId: v1.chainId, version: 2, status: 'withdrawn' });
    expect(v2.dataCategories).toEqual(['identity', 'health']);
    expect(v2.withdrawnAt).not.toBeNull();
    const rows = await consentRows(w.caseId);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(rowBefore);
    const listed = (await list(s, w.caseId)).json();
    expect(listed.items.map((c: { id: string }) => c.id)).toEqual([v2.id]);
    expect(listed.history.map((c: { version: number }) => c.version)).toEqual([2, 1]);
    expectProblem(await withdraw(s, w.caseId, v1.id), 409, 'conflict');
    expectProblem(await withdraw(s, w.caseId, v2.id), 409, 'conflict');
    expect(await consentRows(w.caseId)).toHaveLength(2);
    const audit = await t.runtime.database.query<{ action: string }>(
      'select action from audit_events where organisation_id = $1 and entity_id = $2',
      [w.orgId, w.caseId],
    );
    const actions = audit.map((a) => a.action);
    for (const action of ['consent.record', 'consent.withdraw', 'consent.read']) {
      expect(actions).toContain(action);
    }
  });

  it('lets two simultaneous withdrawals add only one version', async () => {
    const w = await world();
    const v1 = (await post(w.s.caseworker, w.caseId, GIVEN)).json();
    const results = await Promise.all([
      withdraw(w.s.caseworker, w.caseId, v1.id),
      withdraw(w.s.admin, w.caseId, v1.id),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await consentRows(w.caseId)).toHaveLength(2);
  });

  it('is append-only in the database too: UPDATE and DELETE are refused', async () => {
    const w = await world();
    const v1 = (await post(w.s.caseworker, w.caseId, GIVEN)).json();
    await expect(
      t.runtime.database.query("update case_consents set decision = 'refused' where id = $1", [
        v1.id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.runtime.database.query('delete from case_consents where id = $1', [v1.id]),
    ).rejects.toThrow(/append-only/);
    const [row] = await t.runtime.database.query<{ decision: string }>(
      'select decision from case_consents where id = $1',
      [v1.id],
    );
    expect(row?.decision).toBe('given');
  });

  it('lets a re-encryption transaction replace ciphertexts (key rotation), and nothing else', async () => {
    const w = await world();
    const v1 = (await post(w.s.caseworker, w.caseId, { ...GIVEN, guardianName: 'Aunt' })).json();
    const snapshot = () =>
      t.runtime.database.query('select * from case_consents where case_id = $1', [w.caseId]);
    const before = await snapshot();
    const reencrypting = (sql: string) =>
      t.runtime.database.session(async (query) => {
        await query('begin');
        try {
          await query("select set_config('homeward.reencrypt', 'on', true)");
          await query(sql, [v1.id]);
        } finally {
          await query('rollback');
        }
      });
    await expect(
      reencrypting(
        "update case_consents set guardian_name_enc = 'x', guardian_name = null where id = $1",
      ),
    ).resolves.toBeUndefined();
    for (const refused of [
      "update case_consents set decision = 'refused' where id = $1",
      "update case_consents set guardian_name_enc = 'x', withdrawn_at = now() where id = $1",
      "update case_consents set guardian_name = 'Aunt' where id = $1",
      'delete from case_consents where id = $1',
    ]) {
      await expect(reencrypting(refused), refused).rejects.toThrow(/append-only/);
    }
    await expect(
      t.runtime.database.query("update case_consents set guardian_name_enc = 'x' where id = $1", [
        v1.id,
      ]),
    ).rejects.toThrow(/append-only/);
    expect(await snapshot()).toEqual(before);
  });
});
