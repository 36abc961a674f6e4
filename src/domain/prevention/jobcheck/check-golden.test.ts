import { describe, expect, it } from 'vitest';
import { checkJob } from './check.ts';
import { readEmscadCsv } from './emscad-csv.ts';
import { type EmscadRecord, pastedTextOf } from './features.ts';
import { FIXTURE_ADVERTS, inputOf } from './fixtures/adverts.ts';
import type { JobCheckInput, JobCheckLanguage, JobCheckResult } from './jobcheck.schema.ts';
import { evaluateRules } from './rules.ts';

/**
 * Pins what `checkJob` answers, so that speed work (issue 13: ≥ 1,000 adverts/s) cannot change a
 * result unnoticed: every fixture advert in its own language, a sample of EMSCAD adverts (every
 * fifth, the language cycling) and a few inputs that exercise the text normalisation, each as one
 * line: level, probability, every reason with its weight (and the named words), the rules' matched
 * passages and the advice ids. A deliberate change of the checker updates the file with
 * `npx vitest run src/domain/prevention/jobcheck/check-golden.test.ts -u`.
 */

const DATA = new URL('../../../../data/emscad/train.csv.gz', import.meta.url).pathname;
const LANGS: readonly JobCheckLanguage[] = ['en', 'th', 'vi', 'zh', 'id'];

/** Inputs that take the rarer paths of the normalisation and matching. */
const EDGE_TEXTS = [
  'x',
  '!!!',
  '$5',
  'T e l e g r a m wh@tsapp 5 triệu, ＦＲＥＥ　ｆｌｉｇｈｔ',
  '১২৩ ๑๒๓ ១២ a\u200bb 👍 free flight 👍visa',
  'Không cần kinh nghiệm, lương 15 triệu/tháng, bay miễn phí sang Campuchia, sang Lào làm việc',
  '工作地点：柬埔寨西港，月薪 1万，包机票，不收押金',
  'We do not charge any placement fee. No passport is held. AbcDef &amp; &nbsp;',
  'Mail x@y.com, www.example.com, t.me/abc, +66812345678 or (02) 123-4567. Age 18-25, fluent English',
];

function line(id: string, result: JobCheckResult, input: JobCheckInput): string {
  const reasons = result.reasons.map((r) => {
    const words = /: (“.*)$/.exec(r.text)?.[1];
    return `${r.id} ${r.weight}${words ? ` ${words}` : ''}`;
  });
  const matched = evaluateRules(input).map((h) => `${h.id}=${h.matched.join('/')}`);
  const advice = result.advice.map((a) => a.id).join(',');
  return [`${id} ${result.risk} ${result.probability}`, ...reasons, ...matched, advice].join(' | ');
}

async function sample(): Promise<{ id: string; input: JobCheckInput; lang: JobCheckLanguage }[]> {
  const records: EmscadRecord[] = [];
  for await (const { record } of readEmscadCsv(DATA)) {
    records.push(record);
  }
  return records
    .filter((_, i) => i % 5 === 0)
    .map((r, i) => ({
      id: `emscad-${r.job_id}`,
      input: { text: pastedTextOf(r) },
      lang: LANGS[i % 5]!,
    }));
}

describe('checkJob results (pinned)', () => {
  it('answers the fixture adverts, an EMSCAD sample and edge inputs as recorded', async () => {
    const cases = [
      ...FIXTURE_ADVERTS.map((a) => ({ id: a.id, input: inputOf(a), lang: a.lang })),
      ...(await sample()),
      ...EDGE_TEXTS.map((text, i) => ({ id: `edge-${i}`, input: { text }, lang: LANGS[i % 5]! })),
    ];
    const lines = cases.map(({ id, input, lang }) => line(id, checkJob(input, lang), input));
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./fixtures/check-golden.txt');
  });

  it('keeps the fixture levels: scam 0 low, 1 medium, 46 high; legitimate 23, 18, 1', () => {
    const tally = (label: string) => {
      const counts = { low: 0, medium: 0, high: 0 };
      for (const a of FIXTURE_ADVERTS.filter((x) => x.label === label)) {
        counts[checkJob(inputOf(a), a.lang).risk] += 1;
      }
      return counts;
    };
    expect(tally('scam')).toEqual({ low: 0, medium: 1, high: 46 });
    expect(tally('legit')).toEqual({ low: 23, medium: 18, high: 1 });
  });
});
