import { z } from 'zod';

/**
 * Who may read a note: `team` — the people assigned to the case, and supervisors/admins;
 * `organisation` — everyone in the organisation with sensitive access who can see the case.
 */
export const NOTE_VISIBILITIES = ['team', 'organisation'] as const;
export const NoteVisibilitySchema = z.enum(NOTE_VISIBILITIES);
export type NoteVisibility = z.infer<typeof NoteVisibilitySchema>;

export const NoteSchema = z.object({
  id: z.string(),
  body: z.string(),
  visibility: NoteVisibilitySchema,
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

export const NoteCreateSchema = z
  .object({
    body: z
      .string()
      .min(1)
      .max(20000)
      .refine((s) => s.trim().length > 0, 'The note is empty'),
    visibility: NoteVisibilitySchema,
  })
  .strict();
export type NoteCreate = z.infer<typeof NoteCreateSchema>;

export const NoteListSchema = z.object({ items: z.array(NoteSchema) });
export type NoteList = z.infer<typeof NoteListSchema>;
