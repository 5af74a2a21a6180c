import holidayJp from '@holiday-jp/holiday_jp';
import { dayOfWeek, formatPlainDate, type PlainDate } from './plain-date';

const nationalHolidays = holidayJp.holidays as Record<string, { name: string } | undefined>;

/** 国民の祝日 from the Cabinet Office list (@holiday-jp/holiday_jp, 1970–2050). */
export function nationalHolidayName(date: PlainDate): string | null {
  return nationalHolidays[formatPlainDate(date)]?.name ?? null;
}

/**
 * Days Japanese banks do not settle: weekends, national holidays and the year-end closure
 * (12/31–1/3). Due dates shift off these days.
 */
export function isBankHoliday(date: PlainDate): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return true;
  if ((date.month === 12 && date.day === 31) || (date.month === 1 && date.day <= 3)) return true;
  return nationalHolidayName(date) !== null;
}
