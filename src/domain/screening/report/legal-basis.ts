import data from './legal-basis.json' with { type: 'json' };
import { LegalBasisSchema, type Provision } from './legal-basis.schema.ts';

/** Parsed (and so checked) when the module loads: a malformed file stops the server at start. */
export const LEGAL_BASIS = LegalBasisSchema.parse(data);

/**
 * The provisions a report cites: every international one, then the regional and national ones
 * of `countries` (ISO alpha-3; the organisation's country, and the person's nationality where the
 * report may show it), in the order of the file.
 * @example provisionsFor(['THA']).map((p) => p.id) // [...international, 'asean-actip-2015-art-14-7', 'tha-atip-2551-s41']
 */
export function provisionsFor(countries: readonly (string | null)[]): Provision[] {
  const wanted = new Set(countries.filter((c): c is string => c !== null));
  return LEGAL_BASIS.provisions.filter(
    (p) => p.scope === 'international' || p.countries.some((c) => wanted.has(c)),
  );
}
