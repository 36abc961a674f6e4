import { z } from 'zod';
import { cursorSchema } from '@/lib/cursor.schema.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@/lib/page-query.schema.ts';
import {
  LanguageTagSchema,
  MaterialKindSchema,
  OutreachTopicSchema,
  outreachText,
  TopicListSchema,
} from './outreach.schema.ts';

/**
 * The organisation's library of teaching materials, per language. Materials are links (https):
 * the attachment store belongs to cases (its files are encrypted under the case's access rules),
 * so the library points to slides, handouts and videos kept wherever the team keeps them.
 */

/** An https address with a host, no credentials in it. */
export const HttpsUrlSchema = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain })
  .max(2000)
  .refine((u) => !/^https:\/\/[^/]*@/i.test(u), {
    message: 'No user name or password in the link',
  });

const MaterialFieldsSchema = z.object({
  title: outreachText(200).min(1),
  language: LanguageTagSchema,
  topics: TopicListSchema,
  kind: MaterialKindSchema,
  description: outreachText(2000),
  url: HttpsUrlSchema,
});

/** `POST /api/outreach/materials`. */
export const MaterialCreateSchema = MaterialFieldsSchema.extend({
  description: outreachText(2000).default(''),
}).strict();
export type MaterialCreate = z.infer<typeof MaterialCreateSchema>;

/** `PATCH /api/outreach/materials/:id`. */
export const MaterialUpdateSchema = MaterialFieldsSchema.partial().strict();
export type MaterialUpdate = z.infer<typeof MaterialUpdateSchema>;

/** A material as the API returns it. */
export const MaterialSchema = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  topics: z.array(OutreachTopicSchema),
  kind: MaterialKindSchema,
  description: z.string(),
  url: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Material = z.infer<typeof MaterialSchema>;

/** `GET /api/outreach/materials`: newest first. */
export const MaterialListQuerySchema = z
  .object({
    language: LanguageTagSchema.optional(),
    topic: OutreachTopicSchema.optional(),
    kind: MaterialKindSchema.optional(),
    cursor: cursorSchema([['uuid']]).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict();
export type MaterialListQuery = z.infer<typeof MaterialListQuerySchema>;

export const MaterialPageSchema = z.object({
  items: z.array(MaterialSchema),
  nextCursor: z.string().nullable(),
});
export type MaterialPage = z.infer<typeof MaterialPageSchema>;
