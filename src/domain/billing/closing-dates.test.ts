import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBankHoliday, nationalHolidayName } from '../calendar/bank-holidays';
import {
  addDays,
  comparePlainDates,
  formatPlainDate,
  parsePlainDate,
  plainDate,
} from '../calendar/plain-date';
import {
  closingDateFor,
  dueDateFor,
  isClosingDay,
  MONTH_END,
  paymentTermsLabel,
  periodStartFor,
} from './closing-dates';

const d = plainDate;
const text = formatPlainDate;

describe('closing dates (締日)', () => {
  it('puts a sale into the period that closes next', () => {
    expect(text(closingDateFor(d('2026-01-25'), [20]))).toBe('2026-02-20');
    expect(text(closingDateFor(d('2026-01-20'), [20]))).toBe('2026-01-20');
    expect(text(closingDateFor(d('2026-02-10'), [MONTH_END]))).toBe('2026-02-28');
    expect(text(closingDateFor(d('2028-02-10'), [MONTH_END]))).toBe('2028-02-29');
    expect(text(closingDateFor(d('2026-12-31'), [MONTH_END]))).toBe('2026-12-31');
    expect(text(closingDateFor(d('2026-12-21'), [20]))).toBe('2027-01-20');
  });

  it('handles customers that close twice a month', () => {
    expect(text(closingDateFor(d('2026-03-10'), [15, MONTH_END]))).toBe('2026-03-15');
    expect(text(closingDateFor(d('2026-03-16'), [MONTH_END, 15]))).toBe('2026-03-31');
    expect(text(periodStartFor(d('2026-03-31'), [15, MONTH_END]))).toBe('2026-03-16');
    expect(text(periodStartFor(d('2026-03-15'), [15, MONTH_END]))).toBe('2026-03-01');
  });

  it('starts a period the day after the previous close', () => {
    expect(text(periodStartFor(d('2026-02-20'), [20]))).toBe('2026-01-21');
    expect(text(periodStartFor(d('2026-03-31'), [MONTH_END]))).toBe('2026-03-01');
    expect(text(periodStartFor(d('2026-03-20'), [20]))).toBe('2026-02-21');
  });

  it('accepts 1–28 and 末 only', () => {
    expect([1, 28, MONTH_END].every(isClosingDay)).toBe(true);
    expect([0, 29, 30, 32, 1.5].some(isClosingDay)).toBe(false);
  });

  it('covers every date exactly once: each day lies in the period of its closing date', () => {
    const dates = fc
      .integer({ min: 0, max: 365 * 30 })
      .map((offset) => addDays(d('2020-01-01'), offset));
    const days = fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 28 }), fc.constant(MONTH_END)), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(dates, days, (date, closingDays) => {
        const close = closingDateFor(date, closingDays);
        const start = periodStartFor(close, closingDays);
        expect(comparePlainDates(start, date)).toBeLessThanOrEqual(0);
        expect(comparePlainDates(date, close)).toBeLessThanOrEqual(0);
        expect(text(closingDateFor(start, closingDays))).toBe(text(close));
      }),
    );
  });
});

describe('due dates (回収予定日・支払予定日)', () => {
  it('computes 20日締め翌月末 and 末締め翌々月10日', () => {
    const close = closingDateFor(d('2026-01-25'), [20]);
    expect(text(dueDateFor(close, { monthsAfter: 1, day: MONTH_END }, 'none'))).toBe('2026-03-31');
    const monthEnd = closingDateFor(d('2026-01-15'), [MONTH_END]);
    expect(text(dueDateFor(monthEnd, { monthsAfter: 2, day: 10 }, 'none'))).toBe('2026-03-10');
    expect(paymentTermsLabel({ monthsAfter: 1, day: MONTH_END })).toBe('翌月末日');
    expect(paymentTermsLabel({ monthsAfter: 2, day: 10 })).toBe('翌々月10日');
  });

  it('moves off Golden Week to the business day before or after', () => {
    // 2026-05-03 (Sun, 憲法記念日), 05-04 みどりの日, 05-05 こどもの日, 05-06 振替休日.
    const close = d('2026-04-03');
    const terms = { monthsAfter: 1, day: 3 };
    expect(text(dueDateFor(close, terms, 'none'))).toBe('2026-05-03');
    expect(text(dueDateFor(close, terms, 'after'))).toBe('2026-05-07');
    expect(text(dueDateFor(close, terms, 'before'))).toBe('2026-05-01');
  });

  it('treats the banks’ year-end closure as holidays', () => {
    const close = d('2026-11-30');
    const terms = { monthsAfter: 1, day: MONTH_END };
    expect(text(dueDateFor(close, terms, 'after'))).toBe('2027-01-04');
    expect(text(dueDateFor(close, terms, 'before'))).toBe('2026-12-30');
  });

  it('knows national holidays and weekends', () => {
    expect(nationalHolidayName(d('2026-11-23'))).toBe('勤労感謝の日');
    expect(isBankHoliday(d('2026-11-23'))).toBe(true);
    expect(isBankHoliday(d('2026-11-24'))).toBe(false);
    expect(isBankHoliday(d('2026-11-28'))).toBe(true); // Saturday
  });

  it('parses only real calendar dates', () => {
    expect(parsePlainDate('2026-02-29')).toBeNull();
    expect(parsePlainDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parsePlainDate('2026-13-01')).toBeNull();
    expect(parsePlainDate('2026/01/01')).toBeNull();
  });
});
