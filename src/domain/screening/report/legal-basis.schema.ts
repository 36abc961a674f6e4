import { z } from 'zod';

/**
 * The legal basis for non-punishment as data (legal-basis.json): each provision with its source
 * and whether it was verified, copied from the project's research notes with their status words.
 */
export const PROVISION_SCOPES = ['international', 'regional', 'national'] as const;

const CountryCode = z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 3166-1 alpha-3 code');

export const ProvisionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    scope: z.enum(PROVISION_SCOPES),
    /** The countries a regional or national provision applies to; empty for international ones. */
    countries: z.array(CountryCode),
    instrument: z.string().min(1),
    provision: z.string().min(1),
    /** `quote`: the words of the source (as far as `status` says); `summary`: our summary. */
    textKind: z.enum(['quote', 'summary']),
    text: z.string().min(1),
    source: z.string().min(1),
    /** True only where the research notes call the quoted text verified. */
    verified: z.boolean(),
    /** The research notes' status words, verbatim. */
    status: z.string().min(1),
  })
  .refine((p) => (p.scope === 'international') === (p.countries.length === 0), {
    message: 'International provisions name no country; regional and national ones do',
    path: ['countries'],
  });
export type Provision = z.infer<typeof ProvisionSchema>;

export const LegalBasisSchema = z.strictObject({
  about: z.string().min(1),
  provisions: z.array(ProvisionSchema).min(1),
});
export type LegalBasis = z.infer<typeof LegalBasisSchema>;
