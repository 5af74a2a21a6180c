import { describe, expect, it } from 'vitest';
import { formatJstSeconds, isValidJstDate, jstDayStart, jstToday, toJstIso } from './jst';

describe('JST helpers', () => {
  it('formats instants in Japan time with the +09:00 offset', () => {
    const instant = new Date('2026-12-31T15:30:05.007Z');
    expect(toJstIso(instant)).toBe('2027-01-01T00:30:05.007+09:00');
    expect(formatJstSeconds(instant)).toBe('2027/01/01 00:30:05');
    expect(jstToday(instant)).toBe('2027-01-01');
  });

  it('starts a JST day at 15:00 UTC of the day before', () => {
    expect(jstDayStart('2026-03-01').toISOString()).toBe('2026-02-28T15:00:00.000Z');
    expect(jstDayStart('2026-02-28', 1).toISOString()).toBe('2026-02-28T15:00:00.000Z');
  });

  it('rejects impossible dates', () => {
    expect(isValidJstDate('2026-02-29')).toBe(false);
    expect(isValidJstDate('2028-02-29')).toBe(true);
    expect(isValidJstDate('2026-1-01')).toBe(false);
  });
});
