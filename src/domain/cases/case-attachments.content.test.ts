import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { buildApp } from '@/server/app.ts';
import { expectProblem, request } from '@test/support/build-app.ts';
import { testRuntime, type TestRuntime } from '@test/support/database.ts';
import type { Attachment } from './case-attachments.schema.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  rowCount,
  type CaseScenario,
} from './case-tasks.fixtures.ts';

let rt: TestRuntime;
let app: FastifyInstance;
let dir: string;
let s: CaseScenario;
const base = () => `/api/cases/${s.caseId}/attachments`;

// Real files of each accepted type, as small as they come.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwc' +
    'KDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAACAAIBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtR' +
    'AAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3' +
    'ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5' +
    'usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/ACv/2Q==',
  'base64',
);
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
);
const TEXT = Buffer.from('บันทึกการสัมภาษณ์\r\nInterview notes\tpage 1\n');
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hw-attachment-content-'));
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

function upload(body: Buffer | Readable, contentType: string, fileName = 'file') {
  return request(app, s.as.caseworker, {
    method: 'POST',
    url: `${base()}?fileName=${encodeURIComponent(fileName)}`,
    payload: body,
    headers: { 'content-type': contentType },
  });
}

const files = async () => (await readdir(dir)).sort();

describe('an upload is checked against its declared type', () => {
  it.each([
    ['image/png', PNG],
    ['image/jpeg', JPEG],
    ['image/webp', WEBP],
    ['application/pdf', PDF],
    ['text/plain', TEXT],
  ])('accepts a real %s file and returns it unchanged', async (type, bytes) => {
    const res = await upload(bytes, type, 'real');
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json<Attachment>();
    expect(att).toMatchObject({ contentType: type, sizeBytes: bytes.length });
    const down = await request(app, s.as.caseworker, { method: 'GET', url: `${base()}/${att.id}` });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(bytes)).toBe(true);
  });

  it('accepts a signature that arrives split over several chunks', async () => {
    const res = await upload(
      Readable.from([PNG.subarray(0, 3), PNG.subarray(3, 9), PNG.subarray(9)]),
      'image/png',
    );
    expect(res.statusCode, res.body).toBe(201);
  });

  it.each([
    ['an SVG sent as PNG', SVG, 'image/png'],
    ['an SVG sent as JPEG', SVG, 'image/jpeg'],
    ['an SVG sent as PDF', SVG, 'application/pdf'],
    ['a PNG sent as JPEG', PNG, 'image/jpeg'],
    ['a JPEG sent as PNG', JPEG, 'image/png'],
    ['a PDF sent as WebP', PDF, 'image/webp'],
    [
      'a WAV (RIFF but not WebP) sent as WebP',
      Buffer.from('RIFF\x24\0\0\0WAVEfmt \x10\0\0\0'),
      'image/webp',
    ],
    ['a PNG cut short inside its signature', PNG.subarray(0, 6), 'image/png'],
    [
      'a PNG signature without its header chunk',
      Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(40)]),
      'image/png',
    ],
    ['a PNG sent as text', PNG, 'text/plain'],
    ['a program sent as text', Buffer.from('MZ\x90\0\x03\0\0\0\x04\0\0\0', 'latin1'), 'text/plain'],
    ['text with a NUL character', Buffer.from('name\0value'), 'text/plain'],
    ['text that is not UTF-8', Buffer.from('caf\xe9 au lait', 'latin1'), 'text/plain'],
    ['text ending inside a UTF-8 sequence', Buffer.from('ก').subarray(0, 2), 'text/plain'],
  ])('refuses %s and stores nothing', async (_what, bytes, type) => {
    const before = await files();
    const rows = await rowCount(rt, 'case_attachments', s.caseId);
    const res = await upload(bytes, type, 'photo.png');
    expectProblem(res, 415, 'attachment_type_not_allowed');
    expect(res.json<{ detail: string }>().detail).toContain(type);
    expect(await files()).toEqual(before);
    expect(await rowCount(rt, 'case_attachments', s.caseId)).toBe(rows);
  });

  it('leaves no temp file behind after many small refused uploads', async () => {
    const before = await files();
    for (let i = 0; i < 40; i++) {
      const res = await upload(SVG, i % 2 ? 'image/png' : 'application/pdf', 'photo.png');
      expectProblem(res, 415, 'attachment_type_not_allowed');
    }
    expect(await files()).toEqual(before);
  });

  it('refuses a mismatch found late in a large streamed text file, leaving no temp file', async () => {
    const before = await files();
    const rows = await rowCount(rt, 'case_attachments', s.caseId);
    const text = Buffer.alloc(2 * 1024 * 1024, 'a');
    const res = await upload(Readable.from([text, Buffer.from([0]), text]), 'text/plain');
    expectProblem(res, 415, 'attachment_type_not_allowed');
    expect(await files()).toEqual(before);
    expect(await rowCount(rt, 'case_attachments', s.caseId)).toBe(rows);
  });

  it('answers a large mismatched upload over real HTTP with a readable 415', async () => {
    // A browser sends the whole file before it reads the answer: the refusal must reach it as
    // a problem, not as a reset connection.
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === 0) {
          controller.enqueue(new Uint8Array(SVG));
        } else if (sent > 8) {
          controller.close();
        } else {
          controller.enqueue(chunk);
        }
      },
    });
    const before = await files();
    const res = await fetch(`${address}${base()}?fileName=photo.png`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: {
        'content-type': 'image/png',
        cookie: `hw_session=${s.as.caseworker.cookie}`,
        'x-csrf-token': s.as.caseworker.csrfToken,
      },
    } as RequestInit);
    expect(res.status).toBe(415);
    expect(((await res.json()) as { code: string }).code).toBe('attachment_type_not_allowed');
    expect(await files()).toEqual(before);
  });
});

describe('bidirectional control characters in file names', () => {
  it('removes a right-to-left override, so the name shows its real extension', async () => {
    // Displayed as "invoice_exe.pdf" when the override is honoured.
    const res = await upload(PDF, 'application/pdf', 'invoice_\u202Efdp.exe');
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json<Attachment>();
    // The extension of the declared type is added too (see below).
    expect(att.fileName).toBe('invoice_fdp.exe.pdf');
    const list = await request(app, s.as.caseworker, { method: 'GET', url: base() });
    expect(list.json<{ items: Attachment[] }>().items.find((i) => i.id === att.id)?.fileName).toBe(
      'invoice_fdp.exe.pdf',
    );
    const down = await request(app, s.as.caseworker, { method: 'GET', url: `${base()}/${att.id}` });
    expect(down.headers['content-disposition']).toBe(
      "attachment; filename*=UTF-8''invoice_fdp.exe.pdf",
    );
  });

  it('removes every embedding, override, isolate and mark, and keeps other characters', async () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    const res = await upload(TEXT, 'text/plain', `a${controls}b ${controls}สรุป.txt`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Attachment>().fileName).toBe('ab สรุป.txt');
    // Arabic and Persian names keep their letters and the zero-width non-joiner they need.
    const persian = 'گزارش\u200Cها.txt';
    const kept = await upload(TEXT, 'text/plain', persian);
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json<Attachment>().fileName).toBe(persian);
  });

  it('neutralises a name stored before names were checked', async () => {
    const res = await upload(TEXT, 'text/plain', 'old.txt');
    const id = res.json<Attachment>().id;
    const legacy = rt.cipher.encrypt('invoice_\u202Efdp.exe', FIELDS.attachmentFileName.aad(id));
    await rt.database.query('update case_attachments set file_name_enc = $1 where id = $2', [
      legacy,
      id,
    ]);
    const list = await request(app, s.as.caseworker, { method: 'GET', url: base() });
    const item = list.json<{ items: Attachment[] }>().items.find((i) => i.id === id);
    expect(item?.fileName).toBe('invoice_fdp.exe.txt');
    const down = await request(app, s.as.caseworker, { method: 'GET', url: `${base()}/${id}` });
    expect(down.headers['content-disposition']).toBe(
      "attachment; filename*=UTF-8''invoice_fdp.exe.txt",
    );
  });

  it('refuses a name made only of control characters, storing nothing', async () => {
    const before = await files();
    const rows = await rowCount(rt, 'case_attachments', s.caseId);
    expectProblem(
      await upload(TEXT, 'text/plain', '\u202E\u2067 \u200F'),
      400,
      'validation_failed',
    );
    expect(await files()).toEqual(before);
    expect(await rowCount(rt, 'case_attachments', s.caseId)).toBe(rows);
  });
});

describe('the name a file is saved under', () => {
  it.each([
    ['invoice.bat', 'text/plain', 'invoice.bat.txt', TEXT],
    ['update.hta', 'text/plain', 'update.hta.txt', TEXT],
    ['drawing.svg', 'text/plain', 'drawing.svg.txt', SVG],
    ['notes.TXT', 'text/plain', 'notes.TXT', TEXT],
    ['report.pdf', 'image/png', 'report.pdf.png', PNG],
    ['Photo.JPEG', 'image/jpeg', 'Photo.JPEG', JPEG],
    ['photo.jpg', 'image/jpeg', 'photo.jpg', JPEG],
    ['scan', 'application/pdf', 'scan.pdf', PDF],
    ['sticker.webp', 'image/webp', 'sticker.webp', WEBP],
  ])('saves %s sent as %s as %s', async (name, type, saved, bytes) => {
    const res = await upload(bytes, type, name);
    expect(res.statusCode, res.body).toBe(201);
    const att = res.json<Attachment>();
    expect(att.fileName).toBe(saved);
    const down = await request(app, s.as.caseworker, { method: 'GET', url: `${base()}/${att.id}` });
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(saved)}`,
    );
  });
});
