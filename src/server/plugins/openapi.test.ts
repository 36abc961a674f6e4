import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  expectProblem,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import { buildOrganisation, buildSession, buildUser } from '@test/support/factories.ts';
import { buildApp } from '@/server/app.ts';

/** Every route of the API, as `METHOD /path` with OpenAPI-style parameters. */
const ROUTES = [
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/logout-all',
  'GET /api/me',
  'POST /api/auth/totp/setup',
  'POST /api/auth/totp/confirm',
  'POST /api/auth/totp/disable',
  'GET /api/users',
  'POST /api/users',
  'PATCH /api/users/{userId}',
  'POST /api/users/{userId}/reset-2fa',
  'GET /api/organisation',
  'PATCH /api/organisation',
  'GET /api/organisations',
  'POST /api/organisations',
  'GET /api/tokens',
  'POST /api/tokens',
  'DELETE /api/tokens/{tokenId}',
  'GET /api/audit',
  'GET /healthz',
];

interface Operation {
  summary?: string;
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

let t: TestApp;
/** An app with HOMEWARD_PUBLIC_API_DOCS=true (the demo's setting). */
let publicDocs: FastifyInstance;
let session: Session;
let spec: {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, Operation>>;
};

beforeAll(async () => {
  t = await testApp();
  publicDocs = await buildApp({
    database: t.runtime.database,
    cipher: t.runtime.cipher,
    logger: false,
    publicApiDocs: true,
  });
  await publicDocs.ready();
  session = await buildSession(
    t.runtime,
    await buildUser(t.runtime, await buildOrganisation(t.runtime), 'viewer'),
  );
  const res = await publicDocs.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  spec = res.json();
});

afterAll(async () => {
  await publicDocs.close();
});

const DOC_URLS = [
  '/api/openapi.json',
  '/api/docs',
  '/api/docs/',
  '/api/docs/json',
  '/api/docs/static/swagger-ui.css',
];

describe('who may read the API documentation', () => {
  it.each(DOC_URLS)(
    'by default, answers %s to anonymous callers with a problem+json 404',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expectProblem(res, 404, 'not_found');
      expect(res.body).not.toContain('Homeward API');
    },
  );

  it.each(DOC_URLS)('by default, still serves %s to a signed-in user', async (url) => {
    const res = await request(t.app, session, { method: 'GET', url });
    expect(res.statusCode).toBe(200);
  });

  it('by default, serves the spec to an API token', async () => {
    const org = await buildOrganisation(t.runtime);
    const admin = await buildSession(t.runtime, await buildUser(t.runtime, org, 'admin'));
    const created = await request(t.app, admin, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'docs' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(anonymous.statusCode).toBe(404);
    const res = await bearer(t.app, created.json().token, {
      method: 'GET',
      url: '/api/openapi.json',
    });
    expect(res.statusCode).toBe(200);
  });

  it.each(DOC_URLS)('with HOMEWARD_PUBLIC_API_DOCS=true, serves %s to anyone', async (url) => {
    const res = await publicDocs.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
  });

  it('leaves every other unknown URL a 404 either way', async () => {
    expectProblem(await publicDocs.inject({ method: 'GET', url: '/api/docsx' }), 404, 'not_found');
  });
});

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1 with the package version', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists every route with a summary and its responses', () => {
    const listed = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(listed).toEqual(expect.arrayContaining(ROUTES));
    for (const route of ROUTES) {
      const [method, path] = route.split(' ') as [string, string];
      const op = spec.paths[path]![method.toLowerCase()]!;
      expect(op.summary, route).toBeTruthy();
      expect(
        Object.keys(op.responses).some((s) => s.startsWith('2')),
        route,
      ).toBe(true);
    }
  });

  it('documents request bodies and problem responses', () => {
    const createUser = spec.paths['/api/users']!.post!;
    expect(JSON.stringify(createUser.requestBody)).toContain('displayName');
    expect(Object.keys(createUser.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401']),
    );
  });
});

describe('GET /api/docs', () => {
  it('serves the API explorer as HTML', async () => {
    const res = await publicDocs.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html');
  });
});
