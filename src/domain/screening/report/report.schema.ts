import { z } from 'zod';
import { AuthorityKindSchema } from '@/domain/consent/consent.schema.ts';

/** The languages the evidence report is written in. */
export const REPORT_LANGS = ['en', 'th'] as const;
export const ReportLangSchema = z.enum(REPORT_LANGS);
export type ReportLang = z.infer<typeof ReportLangSchema>;

/**
 * `?lang=th&authorityName=…&authorityKind=police`. A screening not yet approved gives the
 * internal DRAFT and takes no authority; an approved one gives the final report for the authority
 * named, which the person's consent for legal proceedings must name too.
 */
export const ReportQuerySchema = z
  .object({
    lang: ReportLangSchema.default('en'),
    authorityName: z.string().trim().min(1).max(200).optional(),
    authorityKind: AuthorityKindSchema.optional(),
  })
  .strict();
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const ReportBodySchema = z.unknown().describe('The report (application/pdf)');
