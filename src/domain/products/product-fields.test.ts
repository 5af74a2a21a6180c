import { describe, expect, it } from 'vitest';
import { exceedsDecimals, priceText, productCodeOrAuto, quantityPerCase } from './product-fields';

describe('product fields', () => {
  const price = priceText('単価1');

  it('takes prices up to 9 integer and 4 decimal digits as text, empty as not set', () => {
    expect(price.parse('999999999.9999')).toBe('999999999.9999');
    expect(price.parse('-150')).toBe('-150');
    expect(price.parse('000000012.5')).toBe('000000012.5');
    expect(price.parse('')).toBeNull();
    expect(price.parse(null)).toBeNull();
    for (const bad of ['1000000000', '0.00001', '1e3', '1,000', 'abc', '.5']) {
      expect(price.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('knows when a price has more decimals than the product allows', () => {
    expect(exceedsDecimals('12.50', 1)).toBe(true);
    expect(exceedsDecimals('12.5', 1)).toBe(false);
    expect(exceedsDecimals('12', 0)).toBe(false);
    expect(exceedsDecimals(null, 0)).toBe(false);
  });

  it('keeps 入数 above 0 and below 100,000', () => {
    expect(quantityPerCase.parse('0.0001')).toBe('0.0001');
    expect(quantityPerCase.parse('99999.9999')).toBe('99999.9999');
    for (const bad of ['0', '-1', '100000', '1.00001']) {
      expect(quantityPerCase.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('accepts an empty code (自動発番) and the documented symbols only', () => {
    expect(productCodeOrAuto.parse('')).toBe('');
    expect(productCodeOrAuto.parse(`A_(1)".&*+$'-`)).toBe(`A_(1)".&*+$'-`);
    for (const bad of ['A 1', 'Ａ1', 'A/1', 'A#1', '1234567890123456']) {
      expect(productCodeOrAuto.safeParse(bad).success, bad).toBe(false);
    }
  });
});
