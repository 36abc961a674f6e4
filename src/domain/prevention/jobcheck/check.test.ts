import { describe, expect, it } from 'vitest';
import { checkJob } from './check.ts';
import { JobCheckResultSchema } from './jobcheck.schema.ts';

const SCAM =
  'Urgent hiring! Customer service / typing job in Sihanoukville, Cambodia. Salary $1,500 per ' +
  'month, free flight, visa and accommodation. No experience needed. Contact us on Telegram now!';
const ORDINARY =
  'We are a growing fintech company in Berlin looking for a senior software engineer with 5+ ' +
  'years of experience in TypeScript and PostgreSQL. You will work in a cross-functional team, ' +
  'design APIs, review code and mentor junior engineers. We offer a competitive salary, 30 days ' +
  'of holiday and a hybrid working model. Apply through our careers page with your CV.';

describe('checkJob', () => {
  it('rates a scam-compound offer high, with the rules that fired and their sources first', () => {
    const result = checkJob({ text: SCAM }, 'en');
    expect(JobCheckResultSchema.parse(result)).toEqual(result);
    expect(result.risk).toBe('high');
    expect(result.reasons[0]).toMatchObject({ kind: 'rule', source: expect.stringMatching(/RF/) });
    expect(result.reasons.some((r) => r.kind === 'model')).toBe(true);
    expect(result.advice.length).toBeGreaterThan(0);
  });

  it('rates an ordinary advert low and names words that lowered the score', () => {
    const result = checkJob({ title: 'Senior Software Engineer', text: ORDINARY }, 'en');
    expect(result.risk).toBe('low');
    expect(result.probability).toBeLessThan(0.1);
    const genuine = result.reasons.find((r) => r.id === 'model.words_genuine');
    expect(genuine?.weight).toBeLessThan(0);
    expect(genuine?.text).toMatch(/^Words often seen in genuine job adverts: “/);
  });

  it('explains in Thai and says the model does not know the language of a Thai message', () => {
    const text = 'รับสมัครพนักงานแอดมินออนไลน์ ทำงานที่กัมพูชา เงินเดือน 50,000 บาท บินฟรี ที่พักฟรี ติดต่อไลน์';
    const result = checkJob({ text }, 'th');
    expect(result.risk).toBe('high');
    const note = result.reasons.find((r) => r.id === 'model.language_not_covered');
    expect(note?.text).toMatch(/ภาษาอังกฤษ/);
    // Thai words are unknown to the model, so none is named as a fraudulent word.
    expect(result.reasons.find((r) => r.id === 'model.words_fraud')).toBeUndefined();
  });

  it('does not rate a word or two as a risk: too little text to judge, so the prior', () => {
    for (const text of ['x', 'Hello']) {
      const result = checkJob({ text }, 'en');
      expect(result.risk, text).toBe('low');
      expect(result.probability, text).toBeLessThan(0.068);
      const note = result.reasons.find((r) => r.id === 'model.too_little_text');
      expect(note?.text, text).toMatch(/paste the whole advert/);
    }
  });
});
