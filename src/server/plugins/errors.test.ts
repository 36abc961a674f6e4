import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, testApp } from '@test/support/build-app.ts';
import { buildApp } from '@/server/app.ts';
import { AppError, ERROR_STATUS } from '@/lib/errors.ts';

let app: FastifyInstance;

beforeAll(async () => {
  const { runtime } = await testApp();
  app = await buildApp({ database: runtime.database, cipher: runtime.cipher, logger: false });
  // Routes that fail the way real handlers can: a crash carrying data, and a domain error.
  app.get('/api/test/crash', async () => {
    throw Object.assign(new Error('duplicate key: survivor Jane Doe'), { detail: 'Jane Doe' });
  });
  app.get('/api/test/conflict', async () => {
    throw new AppError('last_admin', 'Keep one admin.');
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

describe('error responses', () => {
  it('answers an unknown route with a problem+json 404', async () => {
    for (const url of ['/api/nope', '/nope', '/api/users/x/y/z']) {
      const res = await app.inject({ method: 'GET', url });
      const body = expectProblem(res, 404, 'not_found');
      expect(body.title).toBe('Not found');
    }
  });

  it('turns an unexpected error into a generic 500 that names the request, not the data', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/crash' });
    expectProblem(res, 500, 'internal_error');
    expect(res.body).not.toContain('Jane');
    expect(res.body).not.toContain('duplicate key');
    expect(res.json().detail).toMatch(/[0-9a-f-]{36}/);
  });

  it('renders a domain error with its code, status and detail', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/conflict' });
    const body = expectProblem(res, 409, 'last_admin');
    expect(res.json()).toMatchObject({
      type: 'https://homeward.invalid/problems/last-admin',
      detail: 'Keep one admin.',
      title: body.title,
    });
  });

  it('maps every error code to a 4xx or 5xx status', () => {
    for (const status of Object.values(ERROR_STATUS)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });
});

describe('the log of an unexpected error', () => {
  it('has the request id, route, error type and code, and not the message or properties', async () => {
    const { runtime } = await testApp();
    let log = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        log += chunk.toString('utf8');
        done();
      },
    });
    const logged = await buildApp({
      database: runtime.database,
      cipher: runtime.cipher,
      logger: { level: 'info', stream },
    });
    logged.get('/api/test/crash/:caseId', async () => {
      throw Object.assign(new Error('duplicate key: survivor Jane Doe'), {
        code: '23505',
        detail: 'Key (name)=(Jane Doe) already exists.',
        params: ['jane@example.org'],
      });
    });
    await logged.ready();
    try {
      const res = await logged.inject({ method: 'GET', url: '/api/test/crash/abc?q=Jane' });
      expectProblem(res, 500, 'internal_error');
      const requestId = (res.json() as { detail: string }).detail.split(': ')[1]!;
      const line = log.split('\n').find((l) => l.includes('"level":50'));
      expect(JSON.parse(line!)).toMatchObject({
        reqId: requestId,
        route: '/api/test/crash/:caseId',
        method: 'GET',
        err: { type: 'Error', code: '23505', sqlState: '23505' },
        msg: 'unhandled error',
      });
      expect(log).not.toMatch(/Jane|jane|duplicate key|already exists/);
    } finally {
      await logged.close();
    }
  });
});
