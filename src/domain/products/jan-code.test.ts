import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidJanCode, janCheckDigit, janCode } from './jan-code';

describe('JAN code', () => {
  it('accepts published GTIN-13 and GTIN-8 numbers', () => {
    // GS1 Japan's own sample numbers and common retail barcodes.
    for (const code of [
      '4901234567894',
      '4569951116179',
      '4902102072618',
      '49123456',
      '96385074',
    ]) {
      expect(isValidJanCode(code), code).toBe(true);
    }
  });

  it('computes the check digit with alternating weights 3 and 1 from the right', () => {
    expect(janCheckDigit('490123456789')).toBe(4);
    expect(janCheckDigit('4912345')).toBe(6);
    expect(janCheckDigit('000000000000')).toBe(0);
  });

  it('refuses wrong lengths and any other check digit', () => {
    expect(isValidJanCode('490123456789')).toBe(false);
    expect(isValidJanCode('49012345678945')).toBe(false);
    expect(isValidJanCode('4901234567895')).toBe(false);
    expect(isValidJanCode('４９０１２３４５６７８９４')).toBe(false);
  });

  it('catches every single-digit typo (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.nat({ max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, shift) => {
          const code = `${body}${janCheckDigit(body)}`;
          expect(isValidJanCode(code)).toBe(true);
          const digit = (Number(code[position]) + shift) % 10;
          const typo = `${code.slice(0, position)}${digit}${code.slice(position + 1)}`;
          expect(isValidJanCode(typo)).toBe(false);
        },
      ),
    );
  });

  it('tells the user which rule failed, and allows no code at all', () => {
    expect(janCode.parse('')).toBe('');
    expect(janCode.parse(' 49123456 ')).toBe('49123456');
    expect(janCode.safeParse('1234').error?.issues[0]?.message).toMatch(/8桁または13桁/);
    expect(janCode.safeParse('4901234567895').error?.issues[0]?.message).toMatch(
      /チェックデジット/,
    );
  });
});
