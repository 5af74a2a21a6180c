import { z } from 'zod';
import { PRODUCT_CODE_MAX, productCodePattern } from '../masters/codes';
import { compare, decimal, parseDecimal } from '../numbers/decimal';

/**
 * Field rules of the 商品 form (DOMAIN.md §1, reference S12), shared by the server and the
 * browser. Numbers travel as decimal text so no price ever passes through a binary float.
 */
export const DECIMALS_MAX = 4;
/** numeric(13,4): nine integer digits are more than any yen price a SME types. */
export const PRICE_INTEGER_DIGITS = 9;

export const taxModes = {
  exclusive: { label: '外税' },
  inclusive: { label: '内税' },
} as const;
export type TaxMode = keyof typeof taxModes;

/**
 * 在庫評価法. 最終仕入原価法 is the method the law applies when a company chose none, so it is
 * the default.
 */
export const valuationMethods = {
  lastPurchasePrice: { label: '最終仕入原価法' },
  totalAverage: { label: '総平均法' },
  movingAverage: { label: '移動平均法' },
} as const;
export type ValuationMethod = keyof typeof valuationMethods;

/** Digits after the point of a decimal text (0 for an integer); null when not a number. */
export function decimalPlaces(text: string): number | null {
  return parseDecimal(text)?.scale ?? null;
}

/** Empty input means "not set": prices and 入数 are optional columns. */
const optionalNumberText = z
  .string()
  .trim()
  .nullable()
  .default(null)
  .transform((text) => (text === '' ? null : text));

/**
 * A price: up to 9 integer and 4 decimal digits, minus allowed (値引 products). Whether it
 * fits the product's 単価小数桁 is checked with the whole form (see exceedsDecimals).
 */
export const priceText = (label: string) =>
  optionalNumberText.refine(
    (text) => {
      if (text === null) return true;
      const value = parseDecimal(text);
      return (
        value !== null &&
        value.scale <= DECIMALS_MAX &&
        text
          .replace(/^[+-]/, '')
          .split('.')[0]!
          .replace(/^0+(?=\d)/, '').length <= PRICE_INTEGER_DIGITS
      );
    },
    {
      error: `${label}は整数${PRICE_INTEGER_DIGITS}桁・小数${DECIMALS_MAX}桁以内の数値で入力してください`,
    },
  );

/** 入数: more than 0 and less than 100,000, up to 4 decimals (reference S12). */
export const quantityPerCase = optionalNumberText.refine(
  (text) => {
    if (text === null) return true;
    const value = parseDecimal(text);
    return (
      value !== null &&
      value.scale <= DECIMALS_MAX &&
      compare(value, decimal('0')) > 0 &&
      compare(value, decimal('100000')) < 0
    );
  },
  { error: '入数は0より大きく100,000未満の数値（小数4桁まで）で入力してください' },
);

export const decimalsField = (label: string) =>
  z
    .number({ error: `${label}は0〜${DECIMALS_MAX}で入力してください` })
    .int({ error: `${label}は0〜${DECIMALS_MAX}で入力してください` })
    .min(0, { error: `${label}は0〜${DECIMALS_MAX}で入力してください` })
    .max(DECIMALS_MAX, { error: `${label}は0〜${DECIMALS_MAX}で入力してください` })
    .default(0);

/** True when the price has more decimals than the product's 単価小数桁 allows. */
export function exceedsDecimals(text: string | null, decimals: number): boolean {
  if (text === null) return false;
  const places = decimalPlaces(text);
  return places !== null && places > decimals;
}

export function tooManyDecimalsMessage(label: string, decimals: number): string {
  return decimals === 0
    ? `${label}は整数で入力してください（単価小数桁が0です）`
    : `${label}は小数${decimals}桁以内で入力してください（単価小数桁）`;
}

/** Left empty, the code is numbered at save time (自動発番). */
export const productCodeOrAuto = z
  .string()
  .trim()
  .max(PRODUCT_CODE_MAX, { error: `商品コードは${PRODUCT_CODE_MAX}文字以内で入力してください` })
  .regex(new RegExp(`^(?:${productCodePattern.source.slice(1, -1)})?$`), {
    error: `商品コードは半角英数字と記号 _ ( ) " . & * + $ ' - で入力してください`,
  })
  .default('');
