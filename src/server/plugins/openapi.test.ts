import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '@test/support/build-app.ts';

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
let spec: {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, Operation>>;
};

beforeAll(async () => {
  t = await testApp();
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  spec = res.json();
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
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html');
  });
});
