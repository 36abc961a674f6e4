import { beforeAll, describe, expect, it } from 'vitest';
import { login, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { buildOrganisation, buildUser } from '@test/support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('cases smoke', () => {
  it('registers, opens, edits and finds a case by a misspelled name', async () => {
    const org = await buildOrganisation(t.runtime);
    const cw = await buildUser(t.runtime, org, 'caseworker');
    const s = await login(t.app, cw.email, cw.password);
    const created = await request(t.app, s, {
      method: 'POST',
      url: '/api/cases',
      payload: {
        identities: [
          { given: 'สมชาย', family: 'ใจดี', script: 'Thai' },
          { given: 'Somchai', family: 'Jaidee', script: 'Latn', kind: 'transliteration' },
        ],
        nationality: 'THA',
        birthYear: 1998,
        contacts: [{ kind: 'phone', value: '+66 81 234 5678' }],
        consent: { decision: 'given', method: 'verbal' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.sensitive.contacts[0].value).toBe('+66 81 234 5678');
    const found = await request(t.app, s, { method: 'GET', url: '/api/cases?q=Somchay%20Jaide' });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(c.id);
    const thai = await request(t.app, s, {
      method: 'GET',
      url: `/api/cases?q=${encodeURIComponent('สมชาย')}`,
    });
    expect(thai.json().items[0].id).toBe(c.id);
    const patched = await request(t.app, s, {
      method: 'PATCH',
      url: `/api/cases/${c.id}`,
      payload: { version: 1, riskFactors: ['debt', 'recruiter_contact'] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().retraffickingRisk.level).toBe('high');
    const stale = await request(t.app, s, {
      method: 'PATCH',
      url: `/api/cases/${c.id}`,
      payload: { version: 1, gender: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const dup = await request(t.app, s, {
      method: 'GET',
      url: `/api/cases/duplicates?given=Somchai&family=Jaidee&birthYear=1998`,
    });
    expect(dup.json().items[0].id).toBe(c.id);
  });
});
