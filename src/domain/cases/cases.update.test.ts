import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import { buildOrganisation, buildSession, buildUser } from '@test/support/factories.ts';
import type { Case } from './case-views.schema.ts';
import { expectInvalid, registerCase } from './cases.fixtures.ts';

/**
 * Editing a case with PATCH /api/cases/:id beyond the basics of cases-update.routes.test.ts: clearing a
 * value, rules that need the stored case (date order), and the possible-minor flag.
 */
let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await testApp();
  const org = await buildOrganisation(t.runtime);
  admin = await buildSession(t.runtime, await buildUser(t.runtime, org, 'admin'));
});

async function patch(c: { id: string }, version: number, body: Record<string, unknown>) {
  return request(t.app, admin, {
    method: 'PATCH',
    url: `/api/cases/${c.id}`,
    payload: { version, ...body },
  });
}

describe('PATCH /api/cases/:id', () => {
  it('clears a value sent as null and keeps the ones left out', async () => {
    const c = await registerCase(t.app, admin, {
      identities: [{ given: 'Mekdes', family: 'Alemu', script: 'Latn' }],
      nationality: 'ETH',
      birthYear: 1995,
      exitMethod: 'escaped',
      narrative: 'Left the compound at night.',
    });
    const res = await patch(c, c.version, { nationality: null, narrative: null });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<Case>();
    expect(after.nationality).toBeNull();
    expect(after.sensitive?.narrative).toBeNull();
    expect(after.birthYear).toBe(1995);
    expect(after.exitMethod).toBe('escaped');
  });

  it('checks the exit date against the stored recruitment date', async () => {
    const c = await registerCase(t.app, admin, {
      identities: [{ given: 'Rina', family: 'Santos', script: 'Latn' }],
      recruitmentDate: '2025-03-01',
    });
    expectInvalid(await patch(c, c.version, { exitDate: '2025-01-15' }), 'exitDate', 'before');
    const ok = await patch(c, c.version, { exitDate: '2025-06-15' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Case>().exitDate).toBe('2025-06-15');
  });

  it('flags a possible minor when the birth year changes, and keeps a flag set by hand', async () => {
    const year = new Date().getUTCFullYear();
    const c = await registerCase(t.app, admin, {
      identities: [{ given: 'Arif', family: 'Hossain', script: 'Latn' }],
      birthYear: year - 30,
    });
    expect(c.possibleMinor).toBe(false);
    const younger = await patch(c, c.version, { birthYear: year - 16 });
    expect(younger.json<Case>().possibleMinor).toBe(true);
    const older = await patch(c, c.version + 1, { birthYear: year - 40 });
    expect(older.json<Case>().possibleMinor).toBe(false);

    const flagged = await registerCase(t.app, admin, {
      identities: [{ given: 'Nimal', family: 'Perera', script: 'Latn' }],
      possibleMinor: true,
    });
    const edited = await patch(flagged, flagged.version, { birthYear: year - 25 });
    expect(edited.json<Case>().possibleMinor).toBe(true);
    const unticked = await patch(flagged, flagged.version + 1, { possibleMinor: false });
    expect(unticked.json<Case>().possibleMinor).toBe(false);
  });

  it('finds a person under their new nationality after an edit, not the old one', async () => {
    const c = await registerCase(t.app, admin, {
      identities: [{ given: 'Thiri', family: 'Kyawswa', script: 'Latn' }],
      nationality: 'MMR',
    });
    const found = async (nationality: string) => {
      const res = await request(t.app, admin, {
        method: 'GET',
        url: `/api/cases?q=Thiri%20Kyawsw&nationality=${nationality}`,
      });
      return res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    };
    expect(await found('MMR')).toContain(c.id);
    expect((await patch(c, c.version, { nationality: 'THA' })).statusCode).toBe(200);
    expect(await found('THA')).toContain(c.id);
    expect(await found('MMR')).not.toContain(c.id);
  });

  it('finds a person under their new risk level after an edit, not the old one', async () => {
    const c = await registerCase(t.app, admin, {
      identities: [{ given: 'Sokunthea', family: 'Chhorn', script: 'Latn' }],
      nationality: 'KHM',
      riskLevel: 'low',
    });
    const found = async (risk: string) => {
      const res = await request(t.app, admin, {
        method: 'GET',
        url: `/api/cases?q=Sokunthea%20Chorn&nationality=KHM&risk=${risk}`,
      });
      return res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    };
    expect(await found('low')).toContain(c.id);
    expect((await patch(c, c.version, { riskLevel: 'high' })).statusCode).toBe(200);
    expect(await found('high')).toContain(c.id);
    expect(await found('low')).not.toContain(c.id);
  });
});
