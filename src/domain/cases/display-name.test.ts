import { describe, expect, it } from 'vitest';
import { displayName } from './display-name.ts';

describe('displayName', () => {
  it('puts the family name first for Chinese, without a space between Han characters', () => {
    expect(displayName('伟', '王', 'Hans')).toBe('王伟');
    expect(displayName('Wei', 'Wang', 'Hans')).toBe('Wang Wei');
  });

  it('orders Han names alike whichever Han code they carry (detected Hani, Hans, Hant)', () => {
    expect(displayName('伟', '王', 'Hani')).toBe('王伟');
    expect(displayName('偉', '王', 'Hant')).toBe('王偉');
    expect(displayName('Wei', 'Wang', 'Hani')).toBe('Wang Wei');
  });

  it('shows the given name first in other scripts, skipping a missing part', () => {
    expect(displayName('สมชาย', 'ใจดี', 'Thai')).toBe('สมชาย ใจดี');
    expect(displayName('Somchai', 'Jaidee', 'Latn')).toBe('Somchai Jaidee');
    expect(displayName(null, 'Alemu', 'Ethi')).toBe('Alemu');
    expect(displayName('伟', null, 'Hans')).toBe('伟');
  });
});
