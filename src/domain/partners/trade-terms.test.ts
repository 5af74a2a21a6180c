import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { creditLimitSchema, tradeTermsFields, tradeTermsSummary } from './trade-terms';

const terms = z.strictObject(tradeTermsFields);

describe('trade terms', () => {
  it('defaults to 末締め 翌月末 振込 and sorts several closing days', () => {
    const parsed = terms.parse({ closingDays: [31, 15] });
    expect(parsed.closingDays).toEqual([15, 31]);
    expect(parsed.paymentMonthsAfter).toBe(1);
    expect(tradeTermsSummary(parsed)).toBe('15日・末日締め 翌月末日 振込');
  });

  it('says what happens on holidays and for 都度請求', () => {
    expect(
      tradeTermsSummary(terms.parse({ holidayShift: 'before', paymentMethod: 'transfer' })),
    ).toBe('末日締め 翌月末日 振込（休日は前営業日）');
    expect(
      tradeTermsSummary(
        terms.parse({ closingKind: 'perSale', paymentMonthsAfter: 0, paymentDay: 20 }),
      ),
    ).toBe('都度請求 当月20日 振込');
  });

  it('refuses 29–30 as 締日, duplicates and more than four days', () => {
    expect(terms.safeParse({ closingDays: [29] }).success).toBe(false);
    expect(terms.safeParse({ closingDays: [10, 10] }).success).toBe(false);
    expect(terms.safeParse({ closingDays: [5, 10, 15, 20, 31] }).success).toBe(false);
    expect(terms.safeParse({ closingDays: [] }).success).toBe(false);
  });

  it('reads a credit limit as whole yen text, empty meaning none', () => {
    expect(creditLimitSchema.parse('1,000,000')).toBe('1000000');
    expect(creditLimitSchema.parse('')).toBeNull();
    expect(creditLimitSchema.parse(null)).toBeNull();
    expect(creditLimitSchema.safeParse('12.5').success).toBe(false);
    expect(creditLimitSchema.safeParse('-1').success).toBe(false);
  });

  it('accepts 掛け率 up to two decimals', () => {
    expect(terms.parse({ ratePercent: '85.5' }).ratePercent).toBe('85.5');
    expect(terms.safeParse({ ratePercent: '85.555' }).success).toBe(false);
    expect(terms.safeParse({ ratePercent: '1000' }).success).toBe(false);
  });
});
