import { AppError } from '@/lib/errors.ts';
import type { AttachmentType } from './case-attachments.schema.ts';

/**
 * Checks, as an upload streams in, that its bytes are what its declared type says: the
 * signature ("magic bytes") of each accepted binary type, and valid UTF-8 without NUL or other
 * control characters for plain text. A small table for exactly the accepted types rather than
 * a general detector: nothing else is ever accepted, and a detector cannot recognise text.
 */
export interface ContentCheck {
  /** Feeds the next chunk. Never throws: the whole body is read, so the client gets the 415. */
  update(chunk: Buffer): void;
  /**
   * After the last chunk; throws `attachment_type_not_allowed` when the content did not match.
   * An empty file passes (it is refused as empty).
   */
  end(): void;
}

interface Signature {
  /** Bytes needed to decide. */
  length: number;
  matches(head: Buffer): boolean;
}

const bytesAt = (head: Buffer, offset: number, expected: string): boolean =>
  head.subarray(offset, offset + expected.length).equals(Buffer.from(expected, 'latin1'));

const SIGNATURES: Record<Exclude<AttachmentType, 'text/plain'>, Signature> = {
  // ISO 32000: the header comes first.
  'application/pdf': { length: 5, matches: (h) => bytesAt(h, 0, '%PDF-') },
  // Start of image marker, then the first segment's marker.
  'image/jpeg': { length: 3, matches: (h) => bytesAt(h, 0, '\xFF\xD8\xFF') },
  // The 8-byte PNG signature, then the IHDR chunk that must come first.
  'image/png': {
    length: 16,
    matches: (h) => bytesAt(h, 0, '\x89PNG\r\n\x1A\n') && bytesAt(h, 12, 'IHDR'),
  },
  // A RIFF container of form WEBP whose first chunk is VP8, VP8L or VP8X.
  'image/webp': {
    length: 15,
    matches: (h) => bytesAt(h, 0, 'RIFF') && bytesAt(h, 8, 'WEBP') && bytesAt(h, 12, 'VP8'),
  },
};

function mismatch(type: AttachmentType): AppError {
  return new AppError('attachment_type_not_allowed', `The file's content is not ${type}.`);
}

function signatureCheck(type: Exclude<AttachmentType, 'text/plain'>): ContentCheck {
  const signature = SIGNATURES[type];
  let head = Buffer.alloc(0);
  return {
    update(chunk) {
      if (head.length < signature.length) {
        head = Buffer.concat([head, chunk.subarray(0, signature.length - head.length)]);
      }
    },
    end() {
      // A file shorter than the signature cannot match it.
      if (head.length > 0 && !signature.matches(head)) {
        throw mismatch(type);
      }
    },
  };
}

/** Control characters other than tab, line feed, form feed and carriage return. */
function hasForbiddenControl(chunk: Buffer): boolean {
  // In UTF-8 a byte below 0x20 is always that ASCII control character.
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) {
      return true;
    }
  }
  return false;
}

function textCheck(): ContentCheck {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let ok = true;
  const decode = (chunk?: Buffer) => {
    try {
      decoder.decode(chunk, { stream: chunk !== undefined });
    } catch {
      ok = false;
    }
  };
  return {
    update(chunk) {
      if (ok && hasForbiddenControl(chunk)) {
        ok = false;
      }
      if (ok) {
        decode(chunk);
      }
    },
    end() {
      if (ok) {
        decode();
      }
      if (!ok) {
        throw mismatch('text/plain');
      }
    },
  };
}

/**
 * A fresh check for one upload of `type`.
 *
 * @example
 *   const check = contentCheck('image/png');
 *   for (const chunk of chunks) check.update(chunk);
 *   check.end(); // throws for an SVG
 */
export function contentCheck(type: AttachmentType): ContentCheck {
  return type === 'text/plain' ? textCheck() : signatureCheck(type);
}

/** The extensions each accepted type is opened by; the first is added when a name has none. */
const EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'text/plain': ['.txt'],
};

/**
 * The name a file of `type` is shown and saved under: `name` when it already ends with an
 * extension of that type, otherwise `name` plus that type's extension. The content was checked
 * against the type, so a saved file opens as that type: a text file named `invoice.bat` or
 * `update.hta` becomes `invoice.bat.txt` and is not run when opened.
 *
 * @example savedName('invoice.bat', 'text/plain') // 'invoice.bat.txt'
 */
export function savedName(name: string, type: AttachmentType): string {
  const extensions = EXTENSIONS[type];
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext)) ? name : `${name}${extensions[0]}`;
}
