import {
  bucketOf,
  charCounts,
  type Counts,
  logCount,
  normaliseText,
  tokenize,
  type TokenParts,
  wordCounts,
} from './text-features.ts';

/**
 * Documents as the models see them. The served model ("text") reads only what a person can paste:
 * the advert's text and the optional title, salary, location and destination, joined. The CSV
 * model ("full") also reads EMSCAD's company profile and structured fields.
 */

/** One EMSCAD record (the CSV's columns, as strings; `fraudulent` is absent in unlabelled files). */
export interface EmscadRecord {
  job_id: string;
  title: string;
  location: string;
  department: string;
  salary_range: string;
  company_profile: string;
  description: string;
  requirements: string;
  benefits: string;
  telecommuting: string;
  has_company_logo: string;
  has_questions: string;
  employment_type: string;
  required_experience: string;
  required_education: string;
  industry: string;
  function: string;
  fraudulent?: string;
}

/** Features before a model's choice of buckets: log-scaled blocks and binary indicators. */
export interface RawDoc {
  /** Blocks whose counts are log-scaled and L2-normalised one block at a time. */
  scaled: Counts[];
  /** Indicators with value 1. */
  binary: Counts;
  /** Named indicators that fired (keys of ENGINEERED), for explanations. */
  signals: string[];
  /** Tokens of the text, in order (blocks 0 and 1 are their words and character n-grams). */
  tokens: string[];
}

/**
 * Indicators computed from the text, each with a plain-language explanation (explain.ts). They
 * are features of both models; the model learns their weight from EMSCAD.
 */
export const ENGINEERED: Readonly<Record<string, (tokens: Set<string>, raw: string) => boolean>> = {
  contact_email: (t) => t.has('zzemail'),
  contact_url: (t) => t.has('zzurl'),
  contact_phone: (t) => t.has('zzphone'),
  // On the raw text: normalisation splits "WhatsApp" into two words.
  messaging_app: (_t, raw) => /\b(?:telegram|whats\s?app|wechat|viber|signal)\b/i.test(raw),
  money_amount: (_t, raw) =>
    /(?:[$€£¥฿₱₫৳]|\b(?:usd|thb|baht|rm|php|idr|rp)\b)\s?\d/i.test(raw) ||
    /\d\s?(?:usd|baht|dollars?)\b/i.test(raw),
  many_exclamations: (_t, raw) => (raw.match(/!/g)?.length ?? 0) >= 3,
  short_text: (t) => t.size < 60,
};

function signalsOf(tokens: string[], raw: string): string[] {
  const set = new Set(tokens);
  return Object.entries(ENGINEERED)
    .filter(([, test]) => test(set, raw))
    .map(([name]) => name);
}

/**
 * Raw features of a text (the served model's only input); with `parts`, what was computed per
 * token is kept there for the explanation (explain.ts wordContributions).
 */
export function rawTextDoc(text: string, parts?: TokenParts): RawDoc {
  const tokens = tokenize(normaliseText(text));
  const signals = signalsOf(tokens, text);
  const binary: Counts = new Map(signals.map((s) => [bucketOf('e', s), 1]));
  const scaled = [wordCounts(tokens, 'w', true, parts), charCounts(tokens, 'c', parts)];
  return { scaled, binary, signals, tokens };
}

/** The text a person would paste for an EMSCAD record: what the served model trains on. */
export function pastedTextOf(r: EmscadRecord): string {
  return [r.title, r.location, r.salary_range, r.description, r.requirements, r.benefits]
    .filter((part) => part.trim() !== '')
    .join('\n');
}

const CATEGORICAL = [
  'employment_type',
  'required_experience',
  'required_education',
  'industry',
  'function',
] as const;

function structured(r: EmscadRecord): string[] {
  const flags = [
    `tele=${r.telecommuting.trim()}`,
    `logo=${r.has_company_logo.trim()}`,
    `questions=${r.has_questions.trim()}`,
    `country=${r.location.split(',')[0]!.trim().toUpperCase()}`,
  ];
  for (const field of [
    'company_profile',
    'salary_range',
    'department',
    'requirements',
    'benefits',
  ] as const) {
    flags.push(`${field}=${r[field].trim() === '' ? 'empty' : 'given'}`);
  }
  for (const field of CATEGORICAL) {
    flags.push(`${field}=${r[field].trim().toLowerCase()}`);
  }
  return flags;
}

/**
 * Raw features of an EMSCAD record for the CSV model: the pasted text, the company profile's words
 * and character n-grams, and the structured fields.
 */
export function rawRecordDoc(r: EmscadRecord): RawDoc {
  const doc = rawTextDoc(pastedTextOf(r));
  const profile = tokenize(normaliseText(r.company_profile));
  doc.scaled.push(wordCounts(profile, 'p'), charCounts(profile, 'pc'));
  for (const flag of structured(r)) {
    doc.binary.set(bucketOf('f', flag), 1);
  }
  return doc;
}

/** A sparse feature vector (indices may repeat when two kinds share a bucket). */
export interface Vector {
  idx: Int32Array;
  val: Float64Array;
}

/** Which buckets a model knows; unknown buckets are left out (and out of the normalisation). */
export type Keep = (bucket: number) => boolean;

/**
 * The vector a model reads: kept buckets only, each scaled block log(1+tf) with unit L2 norm
 * (inverse document frequencies were tried and did not help under cross-validation).
 */
export function vectorOf(doc: RawDoc, keep: Keep): Vector {
  const size = doc.scaled.reduce((n, block) => n + block.size, doc.binary.size);
  const idx = new Int32Array(size);
  const val = new Float64Array(size);
  let n = 0;
  for (const block of doc.scaled) {
    const start = n;
    let norm = 0;
    for (const [bucket, count] of block) {
      if (keep(bucket)) {
        const v = logCount(count);
        idx[n] = bucket;
        val[n++] = v;
        norm += v * v;
      }
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = start; i < n; i++) {
      val[i]! *= scale;
    }
  }
  for (const bucket of doc.binary.keys()) {
    if (keep(bucket)) {
      idx[n] = bucket;
      val[n++] = 1;
    }
  }
  return { idx: idx.slice(0, n), val: val.slice(0, n) };
}
