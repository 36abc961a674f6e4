import { PLACES } from './rule-data.ts';
import type { PlaceTier } from './rules-data.schema.ts';
import { compilePatterns, findAll, normalise, type PreparedText } from './text-match.ts';

/** The places named in the destination field or the text, by tier (see data/places.json). */
export type PlacesFound = Map<PlaceTier, string[]>;

const COMPILED = PLACES.map((p) => ({
  tier: p.tier,
  codes: new Set(p.codes),
  names: compilePatterns(p.names),
}));

/**
 * Finds the places of data/places.json in the prepared texts (the destination and location
 * fields, and the advert itself). ISO codes count only when they are the whole destination
 * field: `US` in a sentence is a pronoun, as a destination it is a country.
 */
export function findPlaces(texts: readonly PreparedText[], destination?: string): PlacesFound {
  const found: PlacesFound = new Map();
  const add = (tier: PlaceTier, what: string): void => {
    const list = found.get(tier) ?? [];
    if (!list.includes(what)) {
      list.push(what);
    }
    found.set(tier, list);
  };
  const field = destination === undefined ? '' : normalise(destination);
  for (const place of COMPILED) {
    if (place.codes.has(field)) {
      add(place.tier, field);
    }
    for (const text of texts) {
      for (const name of place.names) {
        findAll(text, name, 1).forEach((m) => add(place.tier, m));
      }
    }
  }
  return found;
}

/** The kind of destination pay is judged against: the scam-compound region wins over others. */
export function payRegion(found: PlacesFound): 'region' | 'high_income' | 'other' {
  if (found.has('compound') || found.has('hotspot') || found.has('cover')) {
    return 'region';
  }
  return found.has('high_income') ? 'high_income' : 'other';
}
