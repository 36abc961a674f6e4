import { describe, expect, it } from 'vitest';
import { RED_FLAGS, RULE_DEFS } from './rule-data.ts';
import { evaluateRules } from './rules.ts';

/**
 * The research list's own example phrases (data/red-flags.json, several quoted from its sources,
 * not written with the rules): each should fire a rule that cites its flag. Some phrases describe
 * a sign rather than say it ("youngest victim 15") and are not expected to.
 */
const cases = RED_FLAGS.flags.flatMap((flag) =>
  flag.examplePhrases.map((phrase) => ({ flag: flag.id, phrase })),
);

function firesItsFlag(flag: string, phrase: string): boolean {
  const citing = new Set(RULE_DEFS.filter((r) => r.flags.includes(flag)).map((r) => r.id));
  return evaluateRules({ text: phrase }).some((h) => citing.has(h.id));
}

describe("the red-flags list's example phrases", () => {
  it('fire a rule citing their flag for at least 75 % of the phrases', () => {
    const missed = cases.filter((c) => !firesItsFlag(c.flag, c.phrase));
    const share = 1 - missed.length / cases.length;
    console.log(
      `example phrases firing their flag: ${cases.length - missed.length}/${cases.length}\n` +
        missed.map((m) => `  missed ${m.flag}: ${m.phrase}`).join('\n'),
    );
    expect(cases.length).toBeGreaterThan(60);
    expect(share).toBeGreaterThanOrEqual(0.75);
  });
});
