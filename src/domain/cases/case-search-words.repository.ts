/**
 * The word step of name search (case-search.repository.ts): each query word's expansions on the
 * organisation's name dictionary (`name_terms`), and the candidate conditions built from them,
 * all in the search statement itself (one round trip).
 */
import { sql, type SQL } from 'drizzle-orm';

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

/**
 * A query word's dictionary expansions, columns of the `x` CTE (one row per query word):
 * - `strict`: the word, and trigram-similar and one-edit words (no sound key): what ranks a
 *   match as strict;
 * - `wide`: what the word may match while every other query word matches `strong`: `strict`
 *   plus same-sound words (words of four letters or more whose key keeps two letters);
 * - `strong`: what the word may match while another word matches `wide`: `strict`, or the word
 *   itself for words under four letters (their neighbours are too many: min, lin, ming, ling…);
 * - `many`: what the word may match while every word matches this way: `strong` plus same-sound
 *   words whose key keeps three letters or more (Phonthip / Porntip "pntp", Phimpha / Pimpa
 *   "pmp": a Thai name romanised and its usual spelling often differ in every word);
 * - `widens` (`wide` adds to `strong`), `grows` (`many` adds to `strong`), `loosens` (`strong`
 *   adds to the word itself): which tiers can find anything.
 */
type Kind = 'strict' | 'wide' | 'strong' | 'many';

/**
 * The dictionary rows for every query word, one branch per index: words with a trigram
 * similarity of at least 0.3 (pg_trgm's default threshold for `%`), words one edit away (a
 * character dropped, added, replaced, or two neighbours swapped), found through their deletion
 * variants (words of three characters or more), and words with the same sound key
 * (`hw_name_sound`: Rahaman / Rehman) for words of four or more, with the key's length.
 */
function expansionRows(organisationId: string, all: string[]): SQL {
  const chars = (w: string) => [...w].length;
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

/** The `ex` and `x` CTEs: expansion rows, then one row of arrays and flags per word (`Kind`). */
function expansionCtes(organisationId: string, all: string[]): SQL {
  return sql`ex as materialized (${expansionRows(organisationId, all)}),
    x as materialized (select w, strict, wide, strong, strong || sounds as many,
        not (wide <@ strong) as widens, not (sounds <@ strong) as grows,
        not (strong <@ array[w]) as loosens
      from (select q.w, array[q.w] || e.strict as strict, array[q.w] || e.wide as wide,
          case when char_length(q.w) >= 4 then array[q.w] || e.strict else array[q.w] end as strong,
          e.sounds
        from unnest(${pgTextArray(all)}::text[]) q(w)
        cross join lateral (select
            coalesce(array_agg(r.term) filter (where r.b <> 'sound'), '{}') as strict,
            coalesce(array_agg(r.term), '{}') as wide,
            coalesce(array_agg(r.term) filter (where r.b = 'sound' and r.k >= 3), '{}') as sounds
          from ex r where r.w = q.w) e) y)`;
}

/**
 * Candidates in tiers, closest first (`tiers`: conditions on an identity `i`, each tier read
 * only for rows the earlier ones did not match), whether each matched without sound keys
 * (`strict`), and the CTEs both refer to (`ctes`, for the statement's `with`).
 */
export interface WordMatch {
  tiers: SQL[];
  strict: SQL;
  ctes?: SQL | undefined;
}

/**
 * Identities whose words match every word of the query, for the query as written or for its
 * Latin key; the GIN index on `terms` intersects the words' expansions (`Kind`). Four tiers:
 * every word exactly; every word through `strong`; one word through `wide` while the others
 * match `strong`; every word through `many`. A tier that cannot add anything is skipped by the
 * database (a one-time filter on the `x` flags). Two widest words together are not a match:
 * they meet a large part of a million cases (Sahana and Hsen both sound "sn"; Min and Lin are
 * each one edit from dozens of common syllables). `strict` says whether the identity also
 * matches without sound keys, which ranks it above sound-only matches.
 */
export function wordMatch(s: CaseSearch): WordMatch | null {
  const groups = [words(s.nameKey), words(s.latinKey)]
    .filter((g) => g.length > 0)
    .filter((g, i, all) => all.findIndex((o) => o.join(' ') === g.join(' ')) === i);
  if (groups.length === 0) {
    return null;
  }
  const ctes = expansionCtes(s.organisationId, [...new Set(groups.flat())]);
  return { ...tiersOf(groups, filterTerms(s)), ctes };
}

/** The filters carried as words of `terms`: `@THA` the nationality, `@risk:high` the risk level. */
export function filterTerms(s: CaseSearch): string[] {
  return [...(s.nationality ? [`@${s.nationality}`] : []), ...(s.risk ? [`@risk:${s.risk}`] : [])];
}

/** A word's expansion of one kind; `'{}'` (matching nothing, at no cost) unless `gate`. */
function arrayOf(w: string, kind: Kind, gate?: SQL): SQL {
  const column = sql.raw(kind);
  const value = gate ? sql`case when ${gate} then x.${column} else '{}' end` : sql`x.${column}`;
  return sql`(select ${value} from x where x.w = ${w})`;
}

function tiersOf(groups: string[][], terms: string[]): Omit<WordMatch, 'ctes'> {
  // Filters carried as words are checked in the same index scan.
  const filtered = terms.length > 0 ? [sql`i.terms @> ${pgTextArray(terms)}::text[]`] : [];
  const all = (conditions: SQL[]) => sql`(${sql.join([...conditions, ...filtered], sql` and `)})`;
  const anyOf = (alternatives: SQL[]) => sql`(${sql.join(alternatives, sql` or `)})`;
  const has = (w: string, kind: Kind, gate?: SQL) => sql`i.terms && ${arrayOf(w, kind, gate)}`;
  const every = (kind: Kind) => anyOf(groups.map((g) => all(g.map((w) => has(w, kind)))));
  const exact = anyOf(groups.map((g) => all([sql`i.terms @> ${pgTextArray(g)}::text[]`])));
  const strong = every('strong');
  // One alternative per word that widens (the others match nothing).
  const wide = anyOf(
    groups.flatMap((g) =>
      g.map((x) => all(g.map((w) => (w === x ? has(w, 'wide', sql`x.widens`) : has(w, 'strong'))))),
    ),
  );
  // Every word through `many`: only in a group where two words or more grow that way.
  const twoGrow = (g: string[]) =>
    sql`(select count(*) filter (where x.grows) >= 2 from x where x.w = any(${pgTextArray(g)}::text[]))`;
  const many = anyOf(
    groups.map((g) => all(g.map((w, k) => has(w, 'many', k === 0 ? twoGrow(g) : undefined)))),
  );
  const flag = (column: string) => sql`(select bool_or(x.${sql.raw(column)}) from x)`;
  return {
    tiers: [
      exact,
      sql`${flag('loosens')} and ${strong} and not ${exact}`,
      sql`${flag('widens')} and ${wide} and not ${strong}`,
      sql`${anyOf(groups.map(twoGrow))} and ${many} and not ${wide} and not ${strong}`,
    ],
    strict: every('strict'),
  };
}

/** Whole-name trigram match: the fallback when no identity matches word by word. */
export function trigramMatch(s: CaseSearch): WordMatch {
  const q = s.nameKey ?? '';
  const ql = s.latinKey ?? '';
  // The filters carried as words: the terms index narrows the trigram matches (a bitmap AND).
  const terms = filterTerms(s);
  const filtered = terms.length > 0 ? sql` and i.terms @> ${pgTextArray(terms)}::text[]` : sql``;
  return {
    tiers: [
      sql`((${q} <> '' and i.name_key % ${q}) or (${ql} <> '' and i.latin_key % ${ql}))${filtered}`,
    ],
    strict: sql`true`,
  };
}

/** A text[] literal, each element quoted (backslash and double quote escaped). */
export function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}
