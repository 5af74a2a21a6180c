import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRegistrationNumber,
  corporateNumberCheckDigit,
  registrationNumberSchema,
} from './registration-number';

describe('qualified-invoice registration number', () => {
  it('accepts the published corporate-number test vectors', () => {
    for (const digits of ['7123456789012', '4011001098993', '2120901007402']) {
      expect(checkRegistrationNumber(`T${digits}`)).toEqual({ kind: 'valid', value: `T${digits}` });
    }
  });

  it('computes the check digit from the twelve digits after it', () => {
    expect(corporateNumberCheckDigit('123456789012')).toBe(7);
    expect(corporateNumberCheckDigit('011001098993')).toBe(4);
  });

  it('normalises what people type: full width, lower case, spaces and hyphens', () => {
    expect(checkRegistrationNumber('ｔ７１２３４５６７８９０１２')).toEqual({
      kind: 'valid',
      value: 'T7123456789012',
    });
    expect(checkRegistrationNumber(' T-4011-0010-98993 ').kind).toBe('valid');
  });

  it('warns, without refusing, when the check digit does not match', () => {
    expect(checkRegistrationNumber('T8123456789012')).toEqual({
      kind: 'checkDigitMismatch',
      value: 'T8123456789012',
    });
    expect(registrationNumberSchema.safeParse('T8123456789012').success).toBe(true);
  });

  it('refuses malformed numbers with a Japanese message', () => {
    for (const bad of ['7123456789012', 'T712345678901', 'T71234567890123', 'TX123456789012']) {
      expect(checkRegistrationNumber(bad).kind, bad).toBe('malformed');
      const result = registrationNumberSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/「T」と13桁/);
    }
    expect(registrationNumberSchema.parse('')).toBe('');
  });

  it('finds exactly one valid check digit for any twelve digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (twelve) => {
        const valid = [...'0123456789'].filter(
          (c) => checkRegistrationNumber(`T${c}${twelve}`).kind === 'valid',
        );
        expect(valid).toEqual([String(corporateNumberCheckDigit(twelve))]);
      }),
    );
  });
});
