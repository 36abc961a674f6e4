import { z } from 'zod';
import { CursorSchema } from './cursor.schema.ts';

/** Largest page a list endpoint returns. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/**
 * Query schema shared by every cursor-paginated list. Zod only (no server code), so the web
 * imports it with the schemas that extend it.
 */
export const PageQuerySchema = z.object({
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;
