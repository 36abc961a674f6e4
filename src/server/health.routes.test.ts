import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '@test/support/build-app.ts';
import { ON_POSTGRES } from '@test/support/database.ts';
import { VERSION } from './app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe('GET /healthz', () => {
  it('reports the database kind and version without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: ON_POSTGRES ? 'postgres' : 'embedded',
      version: VERSION,
    });
  });
});
