import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type TestApp } from '@test/support/build-app.ts';
import { buildOrganisation, buildSession, buildUser } from '@test/support/factories.ts';

type QueryMethod = (this: unknown, ...args: unknown[]) => Promise<unknown>;

/** Everything the database answered while `fn` ran, as JSON (PGlite and pg clients alike). */
async function answersDuring(fn: () => Promise<unknown>): Promise<string> {
  const answers: unknown[] = [];
  const targets = [pg.Client.prototype, PGlite.prototype] as unknown as Record<
    string,
    QueryMethod
  >[];
  const originals = targets.map((target) => target.query!);
  targets.forEach((target, i) => {
    target.query = async function (this: unknown, ...args: unknown[]) {
      const answer = await originals[i]!.apply(this, args);
      answers.push(answer);
      return answer;
    };
  });
  try {
    await fn();
  } finally {
    targets.forEach((target, i) => (target.query = originals[i]!));
  }
  return JSON.stringify(answers);
}

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

describe('an authenticated request', () => {
  it('reads no password hash and no TOTP secret, yet knows that 2FA is enrolled', async () => {
    const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'caseworker');
    const session = await buildSession(t.runtime, user);
    // Stand-ins for the encrypted secrets: only whether they are set may reach the process.
    await t.runtime.database.query(
      `update users set totp_secret_enc = 'marker-totp-secret', totp_pending_enc = 'marker-pending'
       where id = $1`,
      [user.id],
    );
    const [row] = await t.runtime.database.query<{ password_hash: string }>(
      'select password_hash from users where id = $1',
      [user.id],
    );
    const hash = row!.password_hash;

    let status = 0;
    let body: { user: { totpEnabled: boolean } } | undefined;
    const answers = await answersDuring(async () => {
      const res = await request(t.app, session, { method: 'GET', url: '/api/me' });
      status = res.statusCode;
      body = res.json();
    });

    expect(status).toBe(200);
    expect(body?.user.totpEnabled).toBe(true);
    expect(answers).not.toContain(hash);
    expect(answers).not.toContain('marker-totp-secret');
    expect(answers).not.toContain('marker-pending');
  });
});
