import { z } from 'zod';

/** Largest accepted attachment: 10 MiB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** File types accepted as attachments (sent as the request's Content-Type). */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'text/plain',
] as const;
export const AttachmentTypeSchema = z.enum(ATTACHMENT_TYPES);
export type AttachmentType = z.infer<typeof AttachmentTypeSchema>;

/** Metadata of an attachment; the file name is decrypted for the caller. */
export const AttachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: AttachmentTypeSchema,
  sizeBytes: z.number(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AttachmentListSchema = z.object({ items: z.array(AttachmentSchema) });
export type AttachmentList = z.infer<typeof AttachmentListSchema>;

/**
 * Bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
 * U+200E, U+200F, U+061C). In a file name they only serve to disguise it: a right-to-left
 * override shows `invoice_\u202Efdp.exe` as `invoice_exe.pdf`.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** `name` without bidirectional control characters (see `BIDI_CONTROLS`). */
export function withoutBidiControls(name: string): string {
  return name.replace(BIDI_CONTROLS, '');
}

/**
 * A file name as the user's device gave it, with bidirectional controls removed (so it reads
 * as it is); no other control characters or path separators.
 */
export const FileNameSchema = z
  .string()
  .overwrite(withoutBidiControls)
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}/\\]*$/u, 'Control characters and slashes are not allowed');

export const AttachmentUploadQuerySchema = z.object({ fileName: FileNameSchema }).strict();

export const AttachmentParamsSchema = z
  .object({ caseId: z.string().max(64), attachmentId: z.string().max(64) })
  .strict();

/** The uploaded file: its raw bytes arrive as the request body. */
export const AttachmentBodySchema = z.unknown().describe('The raw file (binary)');
