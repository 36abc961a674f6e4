import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, pipeline as pipe, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@/lib/errors.ts';

/**
 * Encrypted file store for attachments. Each file is AES-256-GCM under its own random key
 * (wrapped by the field cipher in the database, never on disk), bound to the attachment id
 * through the AAD. Layout: `HWF1` | IV (12 bytes) | ciphertext | tag (16 bytes).
 */
const MAGIC = Buffer.from('HWF1', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES;
const STORAGE_KEY = /^[0-9a-f]{64}$/;

const aadOf = (attachmentId: string) => Buffer.from(`case_attachments.file:${attachmentId}`);

/** A random name for a stored file (reveals nothing about the case or the file). */
export function newStorageKey(): string {
  return randomBytes(32).toString('hex');
}

function pathOf(dir: string, storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) {
    throw new Error('Invalid attachment storage key');
  }
  return join(dir, storageKey);
}

/** What was written: the temp file and the plaintext's size and SHA-256. */
export interface WrittenFile {
  tempPath: string;
  sizeBytes: number;
  sha256: string;
}

/** Inspects the plaintext as it is written; `end` throwing refuses the file. */
export interface PlaintextCheck {
  update(chunk: Buffer): void;
  end(): void;
}

/** Removes a refused temp file once its stream has closed: a pending write could recreate it. */
async function removeWhenClosed(output: WriteStream, tempPath: string): Promise<void> {
  if (!output.closed) {
    await new Promise<void>((resolve) => output.once('close', () => resolve()));
  }
  await rm(tempPath, { force: true });
}

/**
 * Encrypts `source` into a new temp file in `dir` while counting, hashing and checking the
 * plaintext. Throws `attachment_too_large` past `maxBytes`, or what `check` throws; the temp
 * file is removed on any failure.
 */
export async function writeEncrypted(
  dir: string,
  source: Readable,
  opts: { attachmentId: string; key: Buffer; maxBytes: number; check: PlaintextCheck },
): Promise<WrittenFile> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tempPath = join(dir, `.upload-${randomBytes(16).toString('hex')}`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', opts.key, iv);
  cipher.setAAD(aadOf(opts.attachmentId));
  const hash = createHash('sha256');
  let sizeBytes = 0;
  async function* encrypt(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
    yield Buffer.concat([MAGIC, iv]);
    for await (const chunk of chunks) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      sizeBytes += buf.length;
      if (sizeBytes > opts.maxBytes) {
        throw new AppError('attachment_too_large', 'Attachments can be at most 10 MiB.');
      }
      opts.check.update(buf);
      hash.update(buf);
      yield cipher.update(buf);
    }
    opts.check.end();
    yield cipher.final();
    yield cipher.getAuthTag();
  }
  // Opened before any byte flows, so that a refusal cannot come before the file exists.
  const output = (await open(tempPath, 'wx', 0o600)).createWriteStream();
  // The request is piped, not handed to `pipeline`: a failure must not destroy the request
  // (and with it the socket) before the 413 can be sent; the rest of the body is discarded.
  const input = source.pipe(new PassThrough());
  try {
    await pipeline(input, encrypt, output);
  } catch (err) {
    source.unpipe(input);
    source.resume();
    await removeWhenClosed(output, tempPath);
    throw err;
  }
  return { tempPath, sizeBytes, sha256: hash.digest('hex') };
}

/**
 * Removes temp files of uploads that never finished (a crash or a kill mid-upload) and are older
 * than `olderThanMs`. They hold ciphertext whose key was never stored, so they are unreadable,
 * but they take disk space. Returns how many were removed.
 */
export async function removeStaleUploads(
  dir: string,
  olderThanMs: number,
  now: Date = new Date(),
): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter((n) => n.startsWith('.upload-'))) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && now.getTime() - info.mtimeMs > olderThanMs) {
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** Moves a written temp file to its final name. */
export async function commitFile(dir: string, tempPath: string, storageKey: string): Promise<void> {
  await rename(tempPath, pathOf(dir, storageKey));
}

/** Removes a stored or temp file if it exists. */
export async function removeFile(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** Path of a stored file (for clean-up after a failed upload). */
export function storedPath(dir: string, storageKey: string): string {
  return pathOf(dir, storageKey);
}

async function readLayout(path: string): Promise<{ iv: Buffer; tag: Buffer; end: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= HEADER_BYTES + TAG_BYTES) {
      throw new Error('Attachment file is truncated');
    }
    const header = Buffer.alloc(HEADER_BYTES);
    const tag = Buffer.alloc(TAG_BYTES);
    await handle.read(header, 0, HEADER_BYTES, 0);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new Error('Not an attachment file');
    }
    return { iv: header.subarray(MAGIC.length), tag, end: size - TAG_BYTES - 1 };
  } finally {
    await handle.close();
  }
}

function decryptStream(
  path: string,
  key: Buffer,
  attachmentId: string,
  layout: { iv: Buffer; tag: Buffer; end: number },
): Readable {
  const decipher = createDecipheriv('aes-256-gcm', key, layout.iv);
  decipher.setAAD(aadOf(attachmentId));
  decipher.setAuthTag(layout.tag);
  // The callback form propagates a read error to the returned stream (plain .pipe does not).
  return pipe(createReadStream(path, { start: HEADER_BYTES, end: layout.end }), decipher, () => {});
}

/**
 * Opens a stored file for reading in clear. The whole file is first checked (GCM tag and the
 * SHA-256 recorded at upload) without keeping it in memory, so no unauthenticated byte is ever
 * sent; then a second, again authenticated, decrypting stream is returned.
 */
export async function openDecrypted(
  dir: string,
  file: { storageKey: string; key: Buffer; attachmentId: string; sha256: string },
): Promise<Readable> {
  const path = pathOf(dir, file.storageKey);
  const layout = await readLayout(path);
  const hash = createHash('sha256');
  for await (const chunk of decryptStream(path, file.key, file.attachmentId, layout)) {
    hash.update(chunk as Buffer);
  }
  if (hash.digest('hex') !== file.sha256) {
    throw new Error('Attachment content does not match its checksum');
  }
  return decryptStream(path, file.key, file.attachmentId, layout);
}
