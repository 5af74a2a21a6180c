import { describe, expect, it } from 'vitest';
import { dueReminders, formatJapaneseDate, purgeScheduleOf } from './purge-policy';

const at = (iso: string) => new Date(iso);

describe('purge policy', () => {
  it('purges a trial 5 days and a paid contract 21 days after it ended', () => {
    const ended = at('2026-11-01T03:00:00Z');
    const now = at('2026-11-02T00:00:00Z');
    const base = { status: 'ended' as const, trialEndsAt: null, contractEndedAt: ended };
    expect(purgeScheduleOf({ ...base, plan: 'trial' }, now)?.purgeAt).toEqual(
      at('2026-11-06T03:00:00Z'),
    );
    expect(purgeScheduleOf({ ...base, plan: 'standard' }, now)?.purgeAt).toEqual(
      at('2026-11-22T03:00:00Z'),
    );
    expect(
      purgeScheduleOf({ ...base, plan: 'trial' }, now, { graceDaysTrial: 2, graceDaysPaid: 9 })
        ?.purgeAt,
    ).toEqual(at('2026-11-03T03:00:00Z'));
  });

  it('counts an expired, unconverted trial as ended at its trial end; a running one not', () => {
    const trial = {
      status: 'trial' as const,
      plan: 'trial',
      trialEndsAt: at('2026-11-10T00:00:00Z'),
      contractEndedAt: null,
    };
    expect(purgeScheduleOf(trial, at('2026-11-09T23:59:59Z'))).toBeNull();
    expect(purgeScheduleOf(trial, at('2026-11-10T00:00:00Z'))).toEqual({
      contractEndedAt: at('2026-11-10T00:00:00Z'),
      purgeAt: at('2026-11-15T00:00:00Z'),
    });
    expect(purgeScheduleOf({ ...trial, status: 'active' }, at('2027-01-01T00:00:00Z'))).toBeNull();
  });

  it('reminds 7 days and 1 day before the purge', () => {
    const purgeAt = at('2026-11-22T03:00:00Z');
    expect(dueReminders(purgeAt, at('2026-11-15T02:59:59Z'))).toEqual([]);
    expect(dueReminders(purgeAt, at('2026-11-15T03:00:00Z'))).toEqual(['purge_7d']);
    expect(dueReminders(purgeAt, at('2026-11-21T03:00:00Z'))).toEqual(['purge_7d', 'purge_1d']);
  });

  it('states the date in Japan', () => {
    expect(formatJapaneseDate(at('2026-11-30T15:00:00Z'))).toBe('2026年12月1日');
    expect(formatJapaneseDate(at('2026-11-30T14:59:59Z'))).toBe('2026年11月30日');
  });
});
