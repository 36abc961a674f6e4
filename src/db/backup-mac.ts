import { createHmac, timingSafeEqual, type Hmac } from 'node:crypto';

/**
 * Authentication of backup files: HMAC-SHA256, under the installation's backup key (wrapped by
 * the master key), over every line in order (header included; lines never contain a newline,
 * JSON escapes it) and then the line count. The MAC is the file's last line, the trailer, so a
 * file whose content, order or length changed, or that was cut short, is refused.
 */
export class BackupMac {
  private readonly hmac: Hmac;
  private count = 0;

  constructor(key: Buffer) {
    this.hmac = createHmac('sha256', key).update('homeward-backup-mac\n');
  }

  /** Adds one line (without its newline). */
  add(line: string): void {
    this.hmac.update(`${line}\n`);
    this.count += 1;
  }

  get lines(): number {
    return this.count;
  }

  /** The trailer line closing the file. Ends this MAC. */
  trailer(): string {
    return JSON.stringify({ trailer: { lines: this.count, mac: this.digest() } });
  }

  /** Whether `trailer` closes exactly the lines added. Ends this MAC. */
  matches(trailer: { lines?: unknown; mac?: unknown }): boolean {
    const given = typeof trailer.mac === 'string' ? Buffer.from(trailer.mac, 'hex') : null;
    const expected = Buffer.from(this.digest(), 'hex');
    return (
      trailer.lines === this.count &&
      given !== null &&
      given.length === expected.length &&
      timingSafeEqual(given, expected)
    );
  }

  private digest(): string {
    return this.hmac.update(`lines ${this.count}`).digest('hex');
  }
}

/** Raised when a backup file fails authentication; restore has then changed nothing. */
export class BackupRejectedError extends Error {
  constructor(detail: string, cause?: unknown) {
    super(`The backup file was changed or is incomplete: ${detail}. Nothing was restored.`, {
      cause,
    });
    this.name = 'BackupRejectedError';
  }
}
