import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@/server/app.ts';
import { expectProblem, request, type Session } from '@test/support/build-app.ts';
import { testRuntime, type TestRuntime } from '@test/support/database.ts';
import type { Attachment } from './case-attachments.schema.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  rowCount,
  UNKNOWN_ID,
  type CaseScenario,
} from './case-tasks.fixtures.ts';

let rt: TestRuntime;
let app: FastifyInstance;
let dir: string;
let s: CaseScenario;
const MARKER = 'PASSPORT-NUMBER-AB1234567';
const base = () => `/api/cases/${s.caseId}/attachments`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hw-attachments-'));
  rt = await testRuntime();
  app = await buildApp({
    database: rt.database,
    cipher: rt.cipher,
    logger: false,
    attachmentsDir: dir,
  });
  await app.ready();
  s = await caseScenario(rt, app);
}, SCENARIO_TIMEOUT);

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

function upload(
  session: Session | null,
  body: Buffer | Readable,
  contentType: string,
  fileName = 'scan.pdf',
) {
  return request(app, session, {
    method: 'POST',
    url: `${base()}?fileName=${encodeURIComponent(fileName)}`,
    payload: body,
    headers: { 'content-type': contentType },
  });
}

const files = async () => (await readdir(dir)).sort();

describe('case attachments', () => {
  it('round-trips a file encrypted on disk, with its name encrypted', async () => {
    const bytes = Buffer.concat([Buffer.from(`%PDF-1.7\n${MARKER}\n`), randomBytes(300_000)]);
    const name = 'หนังสือเดินทาง (scan) 1.pdf';
    const res = await upload(s.as.caseworker, bytes, 'application/pdf', name);
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json<Attachment>();
    expect(att).toMatchObject({
      fileName: name,
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
    });
    expect(att.uploadedBy).toBe(s.users.caseworker.id);

    const stored = await files();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
    const onDisk = await readFile(join(dir, stored[0]!));
    expect(onDisk.includes(Buffer.from(MARKER))).toBe(false);
    expect(onDisk.includes(bytes.subarray(20_000, 20_064))).toBe(false);
    const [row] = await rt.database.query<{ file_name_enc: string; file_key_enc: string }>(
      'select file_name_enc, file_key_enc from case_attachments where id = $1',
      [att.id],
    );
    expect(row!.file_name_enc.startsWith('hw1.')).toBe(true);
    expect(row!.file_key_enc.startsWith('hw1.')).toBe(true);

    const list = await request(app, s.as.supervisor, { method: 'GET', url: base() });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([att]);
    const down = await request(app, s.as.admin, { method: 'GET', url: `${base()}/${att.id}` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(bytes)).toBe(true);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(name).replace('(', '%28').replace(')', '%29')}`,
    );
    const audit = await rt.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where organisation_id = $1
       and action = 'case.attachment.download'`,
      [s.organisationId],
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('accepts plain text on this route only', async () => {
    const res = await upload(
      s.as.caseworker,
      Buffer.from('hello'),
      'text/plain; charset=utf-8',
      'a.txt',
    );
    expect(res.statusCode, res.body).toBe(201);
    const other = await request(app, s.as.caseworker, {
      method: 'POST',
      url: `/api/cases/${s.caseId}/notes`,
      payload: 'body=x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(other.statusCode).toBe(415);
  });

  it('refuses oversize, wrong types, empty files and bad names, leaving nothing behind', async () => {
    const before = await files();
    const rows = await rowCount(rt, 'case_attachments', s.caseId);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 7);
    expectProblem(await upload(s.as.caseworker, big, 'image/png'), 413, 'attachment_too_large');
    // Without a Content-Length (chunked), the limit is enforced while streaming.
    const chunked = await upload(
      s.as.caseworker,
      Readable.from([big.subarray(0, 6e6), big.subarray(6e6)]),
      'image/png',
    );
    expectProblem(chunked, 413, 'attachment_too_large');
    expectProblem(
      await upload(s.as.caseworker, Buffer.from('PK'), 'application/zip'),
      415,
      'unsupported_media_type',
    );
    const json = await upload(s.as.caseworker, Buffer.from('{"a":1}'), 'application/json');
    expectProblem(json, 415, 'attachment_type_not_allowed');
    expectProblem(
      await upload(s.as.caseworker, Buffer.alloc(0), 'image/png'),
      400,
      'validation_failed',
    );
    for (const name of ['', '../../etc/passwd', 'a\u0000b', 'x'.repeat(201)]) {
      expectProblem(
        await upload(s.as.caseworker, Buffer.from('x'), 'text/plain', name),
        400,
        'validation_failed',
      );
    }
    const noName = await request(app, s.as.caseworker, {
      method: 'POST',
      url: base(),
      payload: Buffer.from('x'),
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(noName, 400, 'validation_failed');
    expect(await files()).toEqual(before);
    expect(await rowCount(rt, 'case_attachments', s.caseId)).toBe(rows);
  });

  it('refuses viewers, outreach, strangers and other organisations', async () => {
    const res = await upload(s.as.caseworker, Buffer.from('secret text'), 'text/plain', 's.txt');
    const id = res.json<Attachment>().id;
    const before = await files();
    const rows = await rowCount(rt, 'case_attachments', s.caseId);
    const cases: [keyof CaseScenario['as'] | null, number, string][] = [
      [null, 401, 'unauthenticated'],
      ['viewer', 403, 'forbidden'],
      ['outreach', 403, 'forbidden'],
      ['otherCaseworker', 404, 'case_not_found'],
      ['otherOrgAdmin', 404, 'case_not_found'],
    ];
    for (const [who, status, code] of cases) {
      const as = who ? s.as[who] : null;
      expectProblem(await request(app, as, { method: 'GET', url: base() }), status, code);
      expectProblem(
        await request(app, as, { method: 'GET', url: `${base()}/${id}` }),
        status,
        code,
      );
      expectProblem(
        await upload(as, Buffer.from('x'), 'text/plain'),
        who === 'viewer' || who === 'outreach' ? 403 : status,
        code,
      );
    }
    expect(await files()).toEqual(before);
    expect(await rowCount(rt, 'case_attachments', s.caseId)).toBe(rows);
    for (const bad of [UNKNOWN_ID, 'nope']) {
      const r = await request(app, s.as.caseworker, { method: 'GET', url: `${base()}/${bad}` });
      expectProblem(r, 404, 'attachment_not_found');
    }
  });

  it('never serves a file that was altered on disk', async () => {
    const res = await upload(
      s.as.caseworker,
      Buffer.from('original content'),
      'text/plain',
      't.txt',
    );
    const id = res.json<Attachment>().id;
    const [row] = await rt.database.query<{ storage_key: string }>(
      'select storage_key from case_attachments where id = $1',
      [id],
    );
    const path = join(dir, row!.storage_key);
    const data = await readFile(path);
    data[20] = data[20]! ^ 1;
    await writeFile(path, data);
    const down = await request(app, s.as.caseworker, { method: 'GET', url: `${base()}/${id}` });
    expectProblem(down, 500, 'internal_error');
    expect(down.body).not.toContain('original');
  });

  it('answers an oversize chunked upload over real HTTP with 413', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 12) {
          controller.close();
        } else {
          controller.enqueue(chunk);
        }
      },
    });
    const res = await fetch(`${address}${base()}?fileName=big.png`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: {
        'content-type': 'image/png',
        cookie: `hw_session=${s.as.caseworker.cookie}`,
        'x-csrf-token': s.as.caseworker.csrfToken,
      },
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('attachment_too_large');
    expect((await files()).filter((f) => f.startsWith('.upload-'))).toEqual([]);
  });
});
