import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, request, testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import { buildOrganisation, buildSession, buildUser, unique } from '@test/support/factories.ts';
import {
  PERMISSION_CLASS,
  PERMISSIONS,
  TOKEN_SCOPES,
  tokenScopePermissions,
} from '@/policy/permissions.ts';

/**
 * Token scopes are one closed table: every permission is classified read, write, sensitive or
 * session-only, so none is silently unreachable by tokens (consent could not be recorded by a
 * machine client before) or silently reachable by them. A token that may write case data but
 * not read it gets only a receipt back.
 */
let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await testApp();
  admin = await buildSession(
    t.runtime,
    await buildUser(t.runtime, await buildOrganisation(t.runtime), 'admin'),
  );
});

async function token(scopes: string[]): Promise<string> {
  const res = await request(t.app, admin, {
    method: 'POST',
    url: '/api/tokens',
    payload: { name: `scopes ${scopes.join(' ')}`, scopes },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().token as string;
}

const NARRATIVE = `Recruited through a fake job advert ${unique()}`;

async function registered(): Promise<{ id: string; caseNumber: string; version: number }> {
  const res = await request(t.app, admin, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Scope', family: `Test${unique()}` }], narrative: NARRATIVE },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('the scope table', () => {
  it('classifies every permission, and no scope reaches a session-only one', () => {
    expect(Object.keys(PERMISSION_CLASS).sort()).toEqual([...PERMISSIONS].sort());
    const all = tokenScopePermissions(TOKEN_SCOPES);
    for (const p of PERMISSIONS) {
      expect(all.has(p), p).toBe(PERMISSION_CLASS[p] !== 'session-only');
    }
    for (const p of [
      'token.manage',
      'user.admin',
      'organisation.security',
      'me.security',
    ] as const) {
      expect(PERMISSION_CLASS[p]).toBe('session-only');
    }
    expect(PERMISSION_CLASS['case.read_sensitive']).toBe('sensitive');
  });
});

describe('what tokens can reach', () => {
  it('a read and write token records consent', async () => {
    const c = await registered();
    const rw = await token(['read', 'write']);
    const res = await bearer(t.app, rw, {
      method: 'POST',
      url: `/api/cases/${c.id}/consents`,
      payload: {
        purpose: 'case_management',
        dataCategories: ['all'],
        method: 'verbal',
        decision: 'given',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('sensitive fields need the sensitive scope', async () => {
    const c = await registered();
    const plain = await bearer(t.app, await token(['read']), {
      method: 'GET',
      url: `/api/cases/${c.id}`,
    });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).not.toContain(NARRATIVE);
    const sensitive = await bearer(t.app, await token(['read', 'sensitive']), {
      method: 'GET',
      url: `/api/cases/${c.id}`,
    });
    expect(sensitive.statusCode).toBe(200);
    expect(sensitive.json().sensitive).toMatchObject({ narrative: NARRATIVE });
  });

  it('a write-only token gets receipts, never case data', async () => {
    const writeOnly = await token(['write']);
    const family = `Receipt${unique()}`;
    const created = await bearer(t.app, writeOnly, {
      method: 'POST',
      url: '/api/cases',
      payload: { identities: [{ given: 'Write', family }], narrative: NARRATIVE },
    });
    expect(created.statusCode, created.body).toBe(201);
    const receipt = created.json() as Record<string, unknown>;
    expect(Object.keys(receipt).sort()).toEqual(['caseNumber', 'id', 'version']);
    expect(created.body).not.toContain(family);

    const edited = await bearer(t.app, writeOnly, {
      method: 'PATCH',
      url: `/api/cases/${receipt.id as string}`,
      payload: { version: receipt.version, gender: 'not recorded' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(Object.keys(edited.json()).sort()).toEqual(['caseNumber', 'id', 'version']);

    const consent = await bearer(t.app, writeOnly, {
      method: 'POST',
      url: `/api/cases/${receipt.id as string}/consents`,
      payload: {
        purpose: 'case_management',
        dataCategories: ['all'],
        method: 'verbal',
        decision: 'given',
      },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    expect(Object.keys(consent.json()).every((k) => ['id', 'version'].includes(k))).toBe(true);
    expect(consent.body).not.toContain('case_management');

    // The case was really written: a reader sees it.
    const opened = await request(t.app, admin, {
      method: 'GET',
      url: `/api/cases/${receipt.id as string}`,
    });
    expect(opened.json()).toMatchObject({ gender: 'not recorded', version: 2 });
    expect(opened.json().sensitive).toMatchObject({ narrative: NARRATIVE });
  });
});
