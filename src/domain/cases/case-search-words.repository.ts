/**
 * The word step of name search (case-search.repository.ts): each query word's expansions on the
 * organisation's name dictionary (`name_terms`), and the candidate conditions built from them.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';

/** What a case search asks for (built by case-list.service, read by the search repositories). */
export interface CaseSearch {
  organisationId: string;
  /** Restrict to cases assigned to this user (caseworkers). */
  assignedTo: string | null;
  nameKey?: string | undefined;
  latinKey?: string | undefined;
  caseNumber?: string | undefined;
  stage?: string | undefined;
  nationality?: string | undefined;
  risk?: string | undefined;
  retraffickingRisk?: string | undefined;
  status?: string | undefined;
  assignee?: string | undefined;
  /** Keyset position: [score, or the sort key of the plain list (see case-list.repository), id]. */
  after?: [string, string] | undefined;
  limit: number;
}

/** Most words of a name query used in the candidate step; more only add to the ranking. */
const MAX_WORDS = 6;

function words(key: string | undefined): string[] {
  return [...new Set((key ?? '').split(' ').filter(Boolean))].slice(0, MAX_WORDS);
}

/** How a dictionary word met a query word (see `expand`). */
type Branch = 'trigram' | 'edit' | 'sound';

/** A query word's dictionary expansions, as text[] literals for the candidate step. */
interface Expansion {
  /** Exact, trigram-similar and one-edit words (no sound key): what ranks a match as strict. */
  strict: string;
  /**
   * What the word may match while every other query word matches `strong`: `strict` plus
   * same-sound words (words of four letters or more whose key keeps two letters).
   */
  any: string;
  /**
   * What the word may match while another word matches `any`: `strict`, or the word itself
   * for words under four letters (their neighbours are too many: min, lin, ming, ling…).
   */
  strong: string;
  /**
   * What the word may match while every word matches this way: `strong` plus same-sound words
   * whose key keeps three letters or more (Phonthip / Porntip "pntp", Phimpha / Pimpa "pmp":
   * a Thai name romanised and its usual spelling often differ in every word).
   */
  many: string;
}

const chars = (w: string) => [...w].length;

interface ExpansionRow {
  w: string;
  term: string;
  b: Branch;
  /** Length of the sound key (sound branch only). */
  k: number;
}

/**
 * One statement for every query word: words with a trigram similarity of at least 0.3 (pg_trgm's
 * default threshold for `%`), words one edit away (a character dropped, added, replaced, or two
 * neighbours swapped), found through their deletion variants (words of three characters or
 * more), and words with the same sound key (`hw_name_sound`: Rahaman / Rehman) for words of four
 * or more. One branch per index (trigram on the word, GIN on its variants, B-tree on the sound
 * key), so each uses its own.
 */
function expansionSql(organisationId: string, all: string[]): SQL {
  const branches: SQL[] = [];
  for (const word of all) {
    branches.push(sql`select ${word}::text as w, t.term, 'trigram' as b, 0 as k from name_terms t
      where t.organisation_id = ${organisationId} and t.term % ${word}`);
    if (chars(word) >= 3) {
      branches.push(sql`select ${word}::text, t.term, 'edit', 0 from name_terms t
        where t.organisation_id = ${organisationId} and t.variants && hw_term_variants(${word}::text)`);
    }
    // Not for words under four letters: their keys (min, lin → "mn", "ln") meet too many words,
    // and a letter added or dropped is already one edit (Tun / Htun).
    if (chars(word) >= 4) {
      branches.push(sql`select ${word}::text, t.term, 'sound', char_length(t.sound) from name_terms t
        where t.organisation_id = ${organisationId} and t.sound = hw_name_sound(${word}::text)
          and char_length(t.sound) >= 2`);
    }
  }
  return sql.join(branches, sql` union all `);
}

/** A word's expansions from the rows of `expansionSql` about it. */
function expansionOf(word: string, rows: ExpansionRow[]): Expansion {
  const strict = new Set([word]);
  const any = new Set([word]);
  const sounds: string[] = [];
  for (const r of rows) {
    any.add(r.term);
    if (r.b !== 'sound') {
      strict.add(r.term);
    } else if (Number(r.k) >= 3) {
      sounds.push(r.term);
    }
  }
  const strong = chars(word) >= 4 ? strict : new Set([word]);
  return {
    strict: pgTextArray([...strict]),
    any: pgTextArray([...any]),
    strong: pgTextArray([...strong]),
    many: pgTextArray([...new Set([...strong, ...sounds])]),
  };
}

/** The dictionary words each query word may stand for (see `Expansion`). */
async function expand(
  db: Db,
  organisationId: string,
  all: string[],
): Promise<Map<string, Expansion>> {
  const result = await db.execute(expansionSql(organisationId, all));
  const rows = (result as { rows: ExpansionRow[] }).rows;
  return new Map(
    all.map((w) => [
      w,
      expansionOf(
        w,
        rows.filter((r) => r.w === w),
      ),
    ]),
  );
}

/**
 * Candidates in tiers, closest first (`tiers`: conditions on an identity `i`, each tier read
 * only for rows the earlier ones did not match), and whether each matched without sound keys
 * (`strict`).
 */
export interface WordMatch {
  tiers: SQL[];
  strict: SQL;
}

/**
 * Identities whose words match every word of the query, for the query as written or for its
 * Latin key; the GIN index on `terms` intersects the words' expansions (`expand`). Four tiers:
 * every word exactly; every word through `strong`; one word through its widest expansion
 * (a same-sound word, or a neighbour of a word under four letters) while the others match
 * `strong`; every word through `many` (same-sound words with keys of three letters or more).
 * Two widest words together are not a match: they meet a large part of a million cases (Sahana
 * and Hsen both sound "sn"; Min and Lin are each one edit from dozens of common syllables).
 * `strict` says whether the identity also matches without sound keys, which ranks it above
 * sound-only matches.
 */
export async function wordMatch(db: Db, s: CaseSearch): Promise<WordMatch | null> {
  const groups = [words(s.nameKey), words(s.latinKey)]
    .filter((g) => g.length > 0)
    .filter((g, i, all) => all.findIndex((o) => o.join(' ') === g.join(' ')) === i);
  if (groups.length === 0) {
    return null;
  }
  const ex = await expand(db, s.organisationId, [...new Set(groups.flat())]);
  return tiersOf(groups, ex, s.nationality);
}

function tiersOf(groups: string[][], ex: Map<string, Expansion>, nationality?: string): WordMatch {
  // The nationality filter is a word of its own (`@THA`), checked in the same index scan.
  const national = nationality ? [sql`i.terms @> array[${`@${nationality}`}]::text[]`] : [];
  const of = (w: string) => ex.get(w)!;
  const has = (w: string, kind: keyof Expansion) => sql`i.terms && ${of(w)[kind]}::text[]`;
  const all = (conditions: SQL[]) => sql`(${sql.join([...conditions, ...national], sql` and `)})`;
  const anyOf = (alternatives: SQL[]) =>
    alternatives.length === 0 ? sql`false` : sql`(${sql.join(alternatives, sql` or `)})`;
  const every = (kind: keyof Expansion, among = groups) =>
    anyOf(among.map((g) => all(g.map((w) => has(w, kind)))));
  const exact = anyOf(groups.map((g) => all([sql`i.terms @> ${pgTextArray(g)}::text[]`])));
  const strong = every('strong');
  const widens = (w: string) => of(w).any !== of(w).strong;
  // One alternative per word whose widest expansion adds something to `strong`.
  const wide = anyOf(
    groups.flatMap((g) =>
      g.filter(widens).map((x) => all(g.map((w) => has(w, w === x ? 'any' : 'strong')))),
    ),
  );
  // Every word through `many`: only where two words or more widen that way.
  const manyGroups = groups.filter((g) => g.filter((w) => of(w).many !== of(w).strong).length >= 2);
  const loosens = groups.some((g) => g.some((w) => of(w).strong !== pgTextArray([w])));
  const tiers = [
    exact,
    ...(loosens ? [sql`${strong} and not ${exact}`] : []),
    ...(groups.some((g) => g.some(widens)) ? [sql`${wide} and not ${strong}`] : []),
    ...(manyGroups.length > 0
      ? [sql`${every('many', manyGroups)} and not ${wide} and not ${strong}`]
      : []),
  ];
  return { tiers, strict: every('strict') };
}

/** Whole-name trigram match: the fallback when no identity matches word by word. */
export function trigramMatch(s: CaseSearch): WordMatch {
  const q = s.nameKey ?? '';
  const ql = s.latinKey ?? '';
  return {
    tiers: [sql`((${q} <> '' and i.name_key % ${q}) or (${ql} <> '' and i.latin_key % ${ql}))`],
    strict: sql`true`,
  };
}

/** A text[] literal, each element quoted (backslash and double quote escaped). */
export function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}
