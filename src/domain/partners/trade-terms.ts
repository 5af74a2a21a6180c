import { z } from 'zod';
import {
  type ClosingDay,
  closingDayLabel,
  type HolidayShift,
  holidayShifts,
  isClosingDay,
  MONTH_END,
  paymentTermsLabel,
} from '../billing/closing-dates';
import { allRoundingModes, type RoundingMode, roundingModes } from '../numbers/decimal';
import { PRICE_COLUMN_COUNT, type PriceClass } from '../pricing/resolve-unit-price';

/**
 * Billing and pricing terms shared by 得意先 (receivables: 回収) and 仕入先 (payables: 支払),
 * one source of truth for the API, the database constraints and the forms (DOMAIN.md §1).
 */

/** 締切区分: period billing on the 締日, period billing closed by hand, or one bill per sale. */
export const closingKinds = {
  periodic: { label: '締め請求' },
  manual: { label: '手動締め請求' },
  perSale: { label: '都度請求' },
} as const;
export type ClosingKind = keyof typeof closingKinds;

/** 回収方法 / 支払方法. */
export const paymentMethods = {
  transfer: { label: '振込' },
  cash: { label: '現金' },
  bill: { label: '手形' },
  debit: { label: '口座振替' },
  check: { label: '小切手' },
  offset: { label: '相殺' },
} as const;
export type PaymentMethod = keyof typeof paymentMethods;

/** 税計算単位: where consumption tax is computed and rounded. */
export const taxUnits = {
  line: { label: '明細単位' },
  document: { label: '伝票単位' },
  invoice: { label: '請求単位' },
} as const;
export type TaxUnit = keyof typeof taxUnits;

const keysOf = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

export const MAX_CLOSING_DAYS = 4;
/** 翌々々月 is the longest site seen in practice; six months leaves room for 手形 sites. */
export const PAYMENT_MONTHS_MAX = 6;
export const CREDIT_LIMIT_DIGITS = 13;
export const RATE_PERCENT_MAX = 999.99;

const closingDay = z
  .number({ error: '日付を選択してください' })
  .int()
  .refine(isClosingDay, { error: '締日は1〜28日または末日を指定してください' });

/** 掛け率 (%): decimal text, "100" = list price; up to 999.99. */
export const ratePercentSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, {
    error: '掛け率は0〜999.99の数値（小数2桁まで）で入力してください',
  });

/** 与信限度額: whole yen as text (no float rounding), empty = no limit. */
export const creditLimitSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[,，]/g, ''))
  .refine((value) => value === '' || new RegExp(`^\\d{1,${CREDIT_LIMIT_DIGITS}}$`).test(value), {
    error: `与信限度額は${CREDIT_LIMIT_DIGITS}桁以内の整数（円）で入力してください`,
  })
  .transform((value) => (value === '' ? null : value.replace(/^0+(?=\d)/, '')))
  .nullable()
  .default(null);

const optionalId = z.uuid({ error: '選択し直してください' }).nullable().default(null);

/** The fields both partner types share, spread into each module's input schema. */
export const tradeTermsFields = {
  closingKind: z.enum(keysOf(closingKinds)).default('periodic'),
  closingDays: z
    .array(closingDay)
    .min(1, { error: '締日を1つ以上指定してください' })
    .max(MAX_CLOSING_DAYS, { error: `締日は${MAX_CLOSING_DAYS}つまで指定できます` })
    .refine((days) => new Set(days).size === days.length, { error: '同じ締日が重複しています' })
    .transform((days) => [...days].sort((a, b) => a - b))
    .default([MONTH_END]),
  paymentMonthsAfter: z
    .number({ error: '月数を選択してください' })
    .int()
    .min(0)
    .max(PAYMENT_MONTHS_MAX, { error: `${PAYMENT_MONTHS_MAX}か月後までで指定してください` })
    .default(1),
  paymentDay: closingDay.default(MONTH_END),
  paymentMethod: z.enum(keysOf(paymentMethods)).default('transfer'),
  holidayShift: z.enum(keysOf(holidayShifts)).default('none'),
  taxUnit: z.enum(keysOf(taxUnits)).default('document'),
  taxRounding: z.enum(allRoundingModes as [RoundingMode, ...RoundingMode[]]).default('down'),
  priceClass: z
    .number({ error: '単価区分を選択してください' })
    .int()
    .min(1)
    .max(PRICE_COLUMN_COUNT, { error: `単価区分は1〜${PRICE_COLUMN_COUNT}で指定してください` })
    .default(1),
  ratePercent: ratePercentSchema.default('100'),
  priceRounding: z.enum(allRoundingModes as [RoundingMode, ...RoundingMode[]]).default('down'),
  staffUserId: optionalId,
  departmentId: optionalId,
};

export interface TradeTerms {
  closingKind: ClosingKind;
  closingDays: readonly ClosingDay[];
  paymentMonthsAfter: number;
  paymentDay: ClosingDay;
  paymentMethod: PaymentMethod;
  holidayShift: HolidayShift;
}

/**
 * One readable line for lists and detail headers, from the same labels the billing rules use:
 * 「末日締め 翌月末日 振込（休日は前営業日）」, 「15日・末日締め 翌月10日 現金」, 「都度請求 …」.
 */
export function tradeTermsSummary(terms: TradeTerms): string {
  const closing =
    terms.closingKind === 'perSale'
      ? closingKinds.perSale.label
      : `${terms.closingDays.map(closingDayLabel).join('・')}締め${terms.closingKind === 'manual' ? '（手動）' : ''}`;
  const due = paymentTermsLabel({ monthsAfter: terms.paymentMonthsAfter, day: terms.paymentDay });
  const shift =
    terms.holidayShift === 'none' ? '' : `（休日は${holidayShifts[terms.holidayShift].label}）`;
  return `${closing} ${due} ${paymentMethods[terms.paymentMethod].label}${shift}`;
}

export const priceClasses = Array.from(
  { length: PRICE_COLUMN_COUNT },
  (_, index) => (index + 1) as PriceClass,
);
export { MONTH_END, roundingModes };
