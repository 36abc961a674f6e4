import {
  JOB_CHECK_LANGUAGES,
  type JobCheckLanguage,
} from '@/domain/prevention/jobcheck/jobcheck.schema.ts';

const SUPPORTED = new Set<string>(JOB_CHECK_LANGUAGES);

/** Primary subtags browsers send for a checker language under another name (Tagalog: Filipino). */
const ALIASES: Record<string, JobCheckLanguage> = { tl: 'fil' };

/** A supported checker language for one Accept-Language range (`th-TH`, `zh-Hant`), if any. */
function languageOf(range: string): JobCheckLanguage | undefined {
  const primary = range.trim().toLowerCase().split('-')[0] ?? '';
  if (SUPPORTED.has(primary)) {
    return primary as JobCheckLanguage;
  }
  return ALIASES[primary];
}

/** Ranges of an Accept-Language header, best first (stable for equal weights), q=0 dropped. */
function ranges(header: string): string[] {
  return header
    .split(',')
    .slice(0, 30)
    .map((part, index) => {
      const [range = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
      const weight = q === undefined ? 1 : Number(q);
      return { range, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((r) => r.range);
}

/**
 * The language of the checker's reasons and advice: `?lang=` when given, else the best
 * supported language of the Accept-Language header, else English.
 * @example negotiateJobCheckLanguage(undefined, 'th-TH,th;q=0.9,en;q=0.8') // 'th'
 */
export function negotiateJobCheckLanguage(
  lang: JobCheckLanguage | undefined,
  acceptLanguage: string | undefined,
): JobCheckLanguage {
  if (lang) {
    return lang;
  }
  for (const range of ranges(acceptLanguage ?? '')) {
    const found = languageOf(range);
    if (found) {
      return found;
    }
  }
  return 'en';
}
