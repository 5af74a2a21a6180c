import { isBankHoliday } from '../calendar/bank-holidays';
import {
  addDays,
  addMonths,
  comparePlainDates,
  daysInMonth,
  type PlainDate,
} from '../calendar/plain-date';

/**
 * 締日: the day a billing period closes, 1–28 or 末 (month end). Days 29–30 are not offered
 * because February would have to move them; 末 covers the month-end case. Stored as 31 = 末.
 */
export const MONTH_END = 31;
export type ClosingDay = number;

export function isClosingDay(value: number): value is ClosingDay {
  return Number.isInteger(value) && ((value >= 1 && value <= 28) || value === MONTH_END);
}

export function closingDayLabel(day: ClosingDay): string {
  return day === MONTH_END ? '末日' : `${day}日`;
}

function closingDateIn(year: number, month: number, day: ClosingDay): PlainDate {
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}

/**
 * The closing date of the period a transaction dated `date` belongs to. A customer may close
 * more than once a month (e.g. 15日 and 末): the first closing on or after the date wins.
 */
export function closingDateFor(date: PlainDate, closingDays: readonly ClosingDay[]): PlainDate {
  if (closingDays.length === 0) throw new RangeError('At least one closing day is needed');
  const candidates = [0, 1].flatMap((offset) => {
    const { year, month } = addMonths(date.year, date.month, offset);
    return closingDays.map((day) => closingDateIn(year, month, day));
  });
  const onOrAfter = candidates
    .filter((candidate) => comparePlainDates(candidate, date) >= 0)
    .sort(comparePlainDates);
  const first = onOrAfter[0];
  if (!first) throw new Error('unreachable: next month always has a closing date');
  return first;
}

/** The first day of the period that closes on `closingDate`: the day after the previous close. */
export function periodStartFor(closingDate: PlainDate, closingDays: readonly ClosingDay[]) {
  const previousMonth = addMonths(closingDate.year, closingDate.month, -1);
  const candidates = [previousMonth, closingDate].flatMap(({ year, month }) =>
    closingDays.map((day) => closingDateIn(year, month, day)),
  );
  const previous = candidates
    .filter((candidate) => comparePlainDates(candidate, closingDate) < 0)
    .sort(comparePlainDates)
    .at(-1);
  if (!previous) throw new Error('unreachable: the previous month always has a closing date');
  return addDays(previous, 1);
}

/** 回収条件 / 支払条件: e.g. 翌月末 = { monthsAfter: 1, day: 末 }, 翌々月10日 = { 2, 10 }. */
export interface PaymentTerms {
  readonly monthsAfter: number;
  readonly day: ClosingDay;
}

/** 休日補正: what to do when the due date is a bank holiday. */
export const holidayShifts = {
  none: { label: 'しない' },
  before: { label: '前営業日' },
  after: { label: '翌営業日' },
} as const;
export type HolidayShift = keyof typeof holidayShifts;

export function dueDateFor(
  closingDate: PlainDate,
  terms: PaymentTerms,
  shift: HolidayShift,
  isHoliday: (date: PlainDate) => boolean = isBankHoliday,
): PlainDate {
  const { year, month } = addMonths(closingDate.year, closingDate.month, terms.monthsAfter);
  let due = closingDateIn(year, month, terms.day);
  if (shift === 'none') return due;
  const step = shift === 'before' ? -1 : 1;
  while (isHoliday(due)) due = addDays(due, step);
  return due;
}

export function paymentTermsLabel(terms: PaymentTerms): string {
  const month = ['当月', '翌月', '翌々月'][terms.monthsAfter] ?? `${terms.monthsAfter}か月後`;
  return `${month}${closingDayLabel(terms.day)}`;
}
