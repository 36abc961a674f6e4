import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clockedApp,
  enrolTotp,
  expectProblem,
  login,
  loginRequest,
  request,
  testApp,
  totpCode,
  type Session,
  type TestApp,
  type TestClock,
} from '@test/support/build-app.ts';
import { buildOrganisation, buildUser, type TestUser } from '@test/support/factories.ts';
import { THROTTLE } from './throttle.ts';

let t: TestApp;
let app: FastifyInstance;
let clock: TestClock;

beforeAll(async () => {
  t = await testApp();
  ({ app, clock } = await clockedApp(t.runtime));
});

afterAll(async () => {
  await app.close();
});

async function loggedInUser(): Promise<{ user: TestUser; session: Session }> {
  const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'caseworker');
  return { user, session: await login(app, user.email, user.password) };
}

const me = (s: Session) => request(app, s, { method: 'GET', url: '/api/me' });

describe('TOTP enrolment', () => {
  it('set-up returns a secret, an otpauth URI and an SVG QR code, and enables nothing yet', async () => {
    const { user, session } = await loggedInUser();
    const res = await request(app, session, { method: 'POST', url: '/api/auth/totp/setup' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { secret: string; otpauthUri: string; qrSvg: string };
    expect(body.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Homeward:/);
    expect(body.otpauthUri).toContain(`secret=${body.secret}`);
    expect(body.qrSvg.trim()).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect((await me(session)).json().user.totpEnabled).toBe(false);
    const again = await loginRequest(app, { email: user.email, password: user.password });
    expect(again.statusCode).toBe(200);
  });

  it('confirm with a wrong code fails and with the right code returns 10 recovery codes', async () => {
    const { session } = await loggedInUser();
    const setup = await request(app, session, { method: 'POST', url: '/api/auth/totp/setup' });
    const { secret } = setup.json() as { secret: string };
    const right = await totpCode(secret, clock);
    const wrong = right === '000000' ? '111111' : '000000';
    const bad = await request(app, session, {
      method: 'POST',
      url: '/api/auth/totp/confirm',
      payload: { code: wrong },
    });
    expectProblem(bad, 401, 'totp_invalid');
    expect((await me(session)).json().user.totpEnabled).toBe(false);
    const ok = await request(app, session, {
      method: 'POST',
      url: '/api/auth/totp/confirm',
      payload: { code: right },
    });
    expect(ok.statusCode).toBe(200);
    const codes = (ok.json() as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    }
    expect((await me(session)).json().user.totpEnabled).toBe(true);
  });

  it('confirm without a set-up in progress is a conflict', async () => {
    const { session } = await loggedInUser();
    const res = await request(app, session, {
      method: 'POST',
      url: '/api/auth/totp/confirm',
      payload: { code: '123456' },
    });
    expectProblem(res, 409, 'totp_not_pending');
  });
});

describe('logging in with TOTP', () => {
  it('needs a code, refuses a wrong one, accepts the right one once', async () => {
    const { user, session } = await loggedInUser();
    const { secret } = await enrolTotp(app, clock, session);
    const creds = { email: user.email, password: user.password };
    expectProblem(await loginRequest(app, creds), 401, 'totp_required');
    const code = await totpCode(secret, clock);
    const wrong = code === '999999' ? '000000' : '999999';
    expectProblem(await loginRequest(app, { ...creds, totp: wrong }), 401, 'totp_invalid');
    const ok = await loginRequest(app, { ...creds, totp: code });
    expect(ok.statusCode).toBe(200);
    expect(ok.cookies.some((c) => c.name === 'hw_session')).toBe(true);
    // The same code again, at once or a few seconds later, is a replay.
    expectProblem(await loginRequest(app, { ...creds, totp: code }), 401, 'totp_invalid');
    clock.advance(10_000);
    expectProblem(await loginRequest(app, { ...creds, totp: code }), 401, 'totp_invalid');
    clock.advance(30_000);
    const next = await loginRequest(app, { ...creds, totp: await totpCode(secret, clock) });
    expect(next.statusCode).toBe(200);
  });

  it('accepts each recovery code once, however it is typed', async () => {
    const { user, session } = await loggedInUser();
    const { recoveryCodes } = await enrolTotp(app, clock, session);
    const creds = { email: user.email, password: user.password };
    const typed = recoveryCodes[3]!.toUpperCase().replace(/-/g, ' ');
    const ok = await loginRequest(app, { ...creds, recoveryCode: typed });
    expect(ok.statusCode).toBe(200);
    const reused = await loginRequest(app, { ...creds, recoveryCode: recoveryCodes[3]! });
    expectProblem(reused, 401, 'totp_invalid');
    const other = await loginRequest(app, { ...creds, recoveryCode: recoveryCodes[4]! });
    expect(other.statusCode).toBe(200);
    const made = await loginRequest(app, { ...creds, recoveryCode: 'abcd-efgh-jkmn' });
    expectProblem(made, 401, 'totp_invalid');
  });

  it('counts wrong codes as failed logins', async () => {
    const { user, session } = await loggedInUser();
    const { secret } = await enrolTotp(app, clock, session);
    const creds = { email: user.email, password: user.password };
    const right = await totpCode(secret, clock);
    for (let i = 0; i < THROTTLE.maxPerAccount; i += 1) {
      const wrong = String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
      expectProblem(await loginRequest(app, { ...creds, totp: wrong }), 401, 'totp_invalid');
    }
    expectProblem(await loginRequest(app, { ...creds, totp: right }), 429, 'too_many_attempts');
  });

  it('stores the secret encrypted and recovery codes only as hashes', async () => {
    const { user, session } = await loggedInUser();
    const { secret, recoveryCodes } = await enrolTotp(app, clock, session);
    const [row] = await t.runtime.database.query<{ enc: string; pending: string | null }>(
      'select totp_secret_enc as enc, totp_pending_enc as pending from users where id = $1',
      [user.id],
    );
    expect(row!.enc.startsWith('hw1.')).toBe(true);
    expect(row!.enc).not.toContain(secret);
    expect(row!.pending).toBeNull();
    expect(t.runtime.cipher.keyIdOf(row!.enc)).toBe(t.runtime.cipher.activeKeyId);
    const codes = await t.runtime.database.query<Record<string, unknown>>(
      'select * from recovery_codes where user_id = $1',
      [user.id],
    );
    expect(codes).toHaveLength(10);
    const dump = JSON.stringify(codes);
    for (const code of recoveryCodes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace(/-/g, ''));
    }
  });
});
