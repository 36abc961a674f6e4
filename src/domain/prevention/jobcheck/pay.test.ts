import { describe, expect, it } from 'vitest';
import { findPay, payThreshold } from './pay.ts';
import { prepareText } from './text-match.ts';

const usd = (text: string): number[] =>
  findPay(prepareText(text)).map((a) => Math.round(a.usdPerMonth));

describe('findPay', () => {
  it.each([
    ['$1,500/month', 1500],
    ['USD 1.000/bulan', 1000],
    ['1200 USD', 1200],
    ['salary 35,000 PHP monthly', 630],
    ['เงินเดือน ๕๐,๐๐๐ บาท', 1450],
    ['เงินเดือน 4 หมื่น', 1160],
    ['月薪 1万', 1400],
    ['月薪3万元', 4200],
    ['lương 25 triệu/tháng', 1000],
    ['Gaji Rp 15 juta per bulan', 945],
    ['Rp12.000.000', 756],
    ['KSh 150,000', 1155],
    ['মাসে ১ লাখ টাকা', 840],
    ['£2,000 per month', 2540],
    ['1200 ដុល្លារ', 1200],
    ['月薪台幣10萬', 3100],
  ])('reads %s as about USD %i a month', (text, expected) => {
    expect(usd(text)[0]).toBeCloseTo(expected, -1);
  });

  it('converts pay per hour, day, week and year to a month', () => {
    expect(usd('$10 per hour')[0]).toBe(2083);
    expect(usd('วันละ 400 บาท')[0]).toBe(305);
    expect(usd('$500 a week')[0]).toBe(2174);
    expect(usd('£30,000 per annum')[0]).toBe(3175);
  });

  it('takes a large amount with no period as a year, and ignores turnover-sized amounts', () => {
    expect(usd('Salary: $40,000')[0]).toBe(3333);
    expect(usd('a $30 million company')).toEqual([]);
  });

  it('skips numbers without a currency, and words that only start like one', () => {
    expect(usd('age 18-35, 5 trips, 8 hours')).toEqual([]);
    expect(usd('底薪8000')).toEqual([]);
  });
});

describe('payThreshold', () => {
  it('is lower for bait work in the scam-compound region than for skilled work in a rich country', () => {
    expect(payThreshold('bait', 'region')).toBeLessThan(payThreshold('unknown', 'region')!);
    expect(payThreshold('professional', 'high_income')).toBeNull();
  });
});
