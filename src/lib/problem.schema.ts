import { z } from 'zod';

/** RFC 9457 problem details, as every 4xx/5xx response body. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** The error responses most routes can give, for OpenAPI. */
export function problems(...statuses: number[]): Record<number, typeof ProblemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
}

/** Standard error set for authenticated routes. */
export const AUTHED_PROBLEMS = problems(400, 401, 403, 404, 409, 413, 415, 429);

export const EmptySchema = z.null().describe('No content');
