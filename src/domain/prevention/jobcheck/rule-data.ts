import redFlagsJson from './data/red-flags.json' with { type: 'json' };
import rulesJson from './data/rules.json' with { type: 'json' };
import placesJson from './data/places.json' with { type: 'json' };
import payJson from './data/pay.json' with { type: 'json' };
import en from './data/lang/en.json' with { type: 'json' };
import th from './data/lang/th.json' with { type: 'json' };
import id from './data/lang/id.json' with { type: 'json' };
import vi from './data/lang/vi.json' with { type: 'json' };
import fil from './data/lang/fil.json' with { type: 'json' };
import sw from './data/lang/sw.json' with { type: 'json' };
import bn from './data/lang/bn.json' with { type: 'json' };
import my from './data/lang/my.json' with { type: 'json' };
import km from './data/lang/km.json' with { type: 'json' };
import zh from './data/lang/zh.json' with { type: 'json' };
import type { JobCheckLanguage } from './jobcheck.schema.ts';
import {
  LanguageFileSchema,
  PLACE_TIERS,
  PayFileSchema,
  PlacesFileSchema,
  RedFlagFileSchema,
  RulesFileSchema,
  type LanguageFile,
  type RuleDef,
} from './rules-data.schema.ts';
import { compilePatterns, type CompiledPattern } from './text-match.ts';

/**
 * The red-flag rules' data, parsed and compiled once when the module loads. A malformed file,
 * an unknown flag, a pattern for an unknown rule or an invalid `re:` pattern throws here, so a
 * broken data file stops the server at start instead of silently weakening the checker.
 */

export const RED_FLAGS = RedFlagFileSchema.parse(redFlagsJson);
export const RULE_DEFS: readonly RuleDef[] = RulesFileSchema.parse(rulesJson).rules;
export const PLACES = PlacesFileSchema.parse(placesJson).places;
export const PAY = PayFileSchema.parse(payJson);

/** Every language file, by language; a language without a file falls back to English. */
export const LANGUAGES: Partial<Record<JobCheckLanguage, LanguageFile>> = Object.fromEntries(
  [en, th, id, vi, fil, sw, bn, my, km, zh].map((raw) => {
    const file = LanguageFileSchema.parse(raw);
    return [file.language, file];
  }),
);

const RULE_IDS = new Set(RULE_DEFS.map((r) => r.id));
const FLAG_IDS = new Set(RED_FLAGS.flags.map((f) => f.id));

/** A rule id, or `dest:<tier>` (a place of that tier was found). */
function isSignal(id: string): boolean {
  return RULE_IDS.has(id) || PLACE_TIERS.some((t) => id === `dest:${t}`);
}

function checkReferences(): void {
  for (const rule of RULE_DEFS) {
    const unknownFlag = rule.flags.find((f) => !FLAG_IDS.has(f));
    if (unknownFlag) {
      throw new Error(`Rule ${rule.id} cites unknown flag ${unknownFlag}`);
    }
    const unknownSign =
      rule.kind === 'combination' ? rule.allOf.flat().find((id) => !isSignal(id)) : undefined;
    if (unknownSign) {
      throw new Error(`Combination ${rule.id} names unknown rule or signal ${unknownSign}`);
    }
  }
  for (const file of Object.values(LANGUAGES)) {
    const stray = Object.keys(file.patterns).find((id) => !RULE_IDS.has(id));
    if (stray) {
      throw new Error(`lang/${file.language}.json has patterns for unknown rule ${stray}`);
    }
  }
}
checkReferences();

/** Every language's patterns of a text rule, compiled: the input's language is not known. */
export const RULE_PATTERNS: ReadonlyMap<string, readonly CompiledPattern[]> = new Map(
  RULE_DEFS.filter((r) => r.kind === 'text').map((r) => [
    r.id,
    compilePatterns(Object.values(LANGUAGES).flatMap((file) => file.patterns[r.id] ?? [])),
  ]),
);

/** Every language's negation cues, compiled (for the rules marked `negatable`). */
export const NEGATIONS: readonly CompiledPattern[] = compilePatterns(
  Object.values(LANGUAGES).flatMap((file) => file.negations),
);

/** Where a rule's sign is documented: its flags and the organisations behind each source. */
export function sourceOf(rule: RuleDef): string {
  return rule.flags
    .map((id) => {
      const flag = RED_FLAGS.flags.find((f) => f.id === id)!;
      const orgs = [...new Set(flag.sources.map((s) => s.split(' - ')[0]!.trim()))];
      return `${id} ${flag.flag.replaceAll('_', ' ')}: ${orgs.join('; ')}`;
    })
    .join(' | ');
}
