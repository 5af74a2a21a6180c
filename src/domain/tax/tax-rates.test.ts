import { describe, expect, it } from 'vitest';
import { isTaxRateValidOn, taxRatePresets } from './tax-rates';

const byCode = (code: string) => {
  const rate = taxRatePresets.find((r) => r.code === code);
  if (!rate) throw new Error(code);
  return rate;
};

describe('tax-rate presets', () => {
  it('offers 10 % and reduced 8 % from 2019-10-01 and the old 8 % only before', () => {
    expect(isTaxRateValidOn(byCode('10'), '2019-10-01')).toBe(true);
    expect(isTaxRateValidOn(byCode('10'), '2019-09-30')).toBe(false);
    expect(isTaxRateValidOn(byCode('8R'), '2026-11-26')).toBe(true);
    expect(isTaxRateValidOn(byCode('8'), '2019-09-30')).toBe(true);
    expect(isTaxRateValidOn(byCode('8'), '2019-10-01')).toBe(false);
    expect(isTaxRateValidOn(byCode('0E'), '2001-01-01')).toBe(true);
  });

  it('shows the current rates and hides historic ones by default', () => {
    const shown = taxRatePresets.filter((r) => !r.isHidden).map((r) => r.printedName);
    expect(shown).toEqual(['10%', '軽減8%', '非課税']);
    expect(new Set(taxRatePresets.map((r) => r.code)).size).toBe(taxRatePresets.length);
  });

  it('refuses an impossible date instead of comparing strings', () => {
    expect(() => isTaxRateValidOn(byCode('10'), '2026-02-30')).toThrow(RangeError);
  });
});
