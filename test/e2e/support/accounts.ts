import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO, DEMO_PASSWORD } from './app.ts';

/** A member created for one test, so no test changes the demo accounts others log in with. */
export interface Member {
  id: string;
  email: string;
  displayName: string;
  password: string;
}

/** A session in its own browser context, driven through the API (cookie kept by the context). */
export interface ApiSession {
  request: APIRequestContext;
  csrfToken: string;
  close: () => Promise<void>;
}

/**
 * Logs in through `POST /api/auth/login` in a fresh context. `extra` carries a TOTP or recovery
 * code. Resolves with the HTTP status and, on 200, the session.
 */
export async function apiLogin(
  browser: Browser,
  baseURL: string,
  credentials: { email: string; password: string; totp?: string; recoveryCode?: string },
): Promise<{ status: number; session: ApiSession | null }> {
  const context = await browser.newContext({ baseURL });
  const { email, password, totp, recoveryCode } = credentials;
  const response = await context.request.post('/api/auth/login', {
    data: { email, password, totp, recoveryCode },
  });
  if (response.status() !== 200) {
    await context.close();
    return { status: response.status(), session: null };
  }
  const body = (await response.json()) as { csrfToken: string };
  return {
    status: 200,
    session: { request: context.request, csrfToken: body.csrfToken, close: () => context.close() },
  };
}

/** The admin of the second demo organisation (Nairobi). */
export const OTHER_ORG_ADMIN = 'ke-admin@demo.homeward.example';

/** Runs `use` with a session of a demo admin (of the first demo organisation by default). */
async function asAdmin<T>(
  browser: Browser,
  baseURL: string,
  use: (session: ApiSession) => Promise<T>,
  admin: string = DEMO.admin,
): Promise<T> {
  const { session } = await apiLogin(browser, baseURL, { email: admin, password: DEMO_PASSWORD });
  expect(session, 'demo admin login').not.toBeNull();
  try {
    return await use(session!);
  } finally {
    await session!.close();
  }
}

/**
 * Adds a caseworker with a known password to a demo organisation, as its admin (the first demo
 * organisation unless `admin` says otherwise).
 */
export async function createMember(
  browser: Browser,
  baseURL: string,
  label: string,
  admin: string = DEMO.admin,
) {
  const suffix = randomBytes(4).toString('hex');
  const fields = {
    email: `${label}-${suffix}@e2e.homeward.example`,
    displayName: `${label} ${suffix}`,
    password: `meadow lantern ${suffix} harbour`,
  };
  return asAdmin(
    browser,
    baseURL,
    async (session): Promise<Member> => {
      const response = await session.request.post('/api/users', {
        data: { ...fields, role: 'caseworker' },
        headers: { 'X-CSRF-Token': session.csrfToken },
      });
      expect(response.status(), await response.text()).toBe(201);
      const body = (await response.json()) as { user: { id: string } };
      return { id: body.user.id, ...fields };
    },
    admin,
  ).then((member) => chooseOwnPassword(browser, baseURL, member));
}

/**
 * A member an admin created must replace the password the admin set at the first login: the
 * member does so through the API, so the test starts from a member with a password of their own.
 */
async function chooseOwnPassword(browser: Browser, baseURL: string, member: Member) {
  const { session } = await apiLogin(browser, baseURL, member);
  expect(session, 'new member login').not.toBeNull();
  const password = `${member.password} own`;
  try {
    const response = await session!.request.post('/api/me/password', {
      data: { currentPassword: member.password, newPassword: password },
      headers: { 'X-CSRF-Token': session!.csrfToken },
    });
    expect(response.status(), await response.text()).toBe(204);
  } finally {
    await session!.close();
  }
  return { ...member, password };
}

/** The demo admin resets the member's password; resolves with the temporary one. */
export async function resetPassword(browser: Browser, baseURL: string, member: Member) {
  return asAdmin(browser, baseURL, async (session) => {
    const response = await session.request.post(`/api/users/${member.id}/reset-password`, {
      headers: { 'X-CSRF-Token': session.csrfToken },
    });
    expect(response.status(), await response.text()).toBe(200);
    return ((await response.json()) as { temporaryPassword: string }).temporaryPassword;
  });
}

/** The code an authenticator app shows now for `secret`. */
export function totpNow(secret: string): Promise<string> {
  return generate({ secret });
}

/** Opens the login page and submits it; does not wait for what comes next (app or error). */
export async function submitLoginAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}
