import { describe, expect, it } from 'vitest';
import { nextAutoCode, partnerProductCode, productCode } from './codes';

describe('master codes', () => {
  it('accepts the product-code symbols the reference service allows', () => {
    for (const ok of [`A_(1)".&*+$'-`, 'ABC-0001', '123456789012345']) {
      expect(productCode.safeParse(ok).success, ok).toBe(true);
    }
  });

  it('refuses long codes, spaces, full-width and other symbols in Japanese', () => {
    for (const bad of ['1234567890123456', 'A B', 'ＡＢＣ', 'A/B', 'A#1', '']) {
      const result = productCode.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/商品コード/);
    }
    expect(partnerProductCode.safeParse('x'.repeat(21)).success).toBe(false);
    expect(partnerProductCode.parse(undefined)).toBe('');
  });

  it('numbers after the highest code of the configured width, ignoring other shapes', () => {
    expect(nextAutoCode([], 5)).toBe('00001');
    expect(nextAutoCode(['00009', '00003', 'A-0100', '99', '000200'], 5)).toBe('00010');
    expect(nextAutoCode(['99999'], 5)).toBeNull();
    expect(() => nextAutoCode([], 2)).toThrow(RangeError);
  });
});
