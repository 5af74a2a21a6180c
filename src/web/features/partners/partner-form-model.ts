import type { z } from 'zod';
import { tradeTermsFields } from '../../../domain/partners/trade-terms';
import type { Messages } from '../../i18n/ja';

/** The trade terms part of a partner form's values (zod's output of tradeTermsFields). */
export type TradeTermsValues = {
  [K in keyof typeof tradeTermsFields]: z.output<(typeof tradeTermsFields)[K]>;
};

/** A new record's terms: the schema's defaults (末締め 翌月末 振込, 単価1 × 100 %). */
export const defaultTradeTerms = Object.fromEntries(
  Object.entries(tradeTermsFields).map(([key, schema]) => [key, schema.parse(undefined)]),
) as TradeTermsValues;

/** The stored terms of a record as form values. */
export function tradeTermsValues(record: TradeTermsValues): TradeTermsValues {
  return Object.fromEntries(
    Object.keys(tradeTermsFields).map((key) => [key, record[key as keyof TradeTermsValues]]),
  ) as TradeTermsValues;
}

/** The strings every partner form has (each master adds its own on top). */
export type PartnerFormMessages = Omit<Messages['customerForm'], 'billing'>;

/** A new record's name, address and contact fields. */
export const emptyPartnerProfile = {
  code: '',
  name: '',
  kana: '',
  shortName: '',
  honorific: '御中' as const,
  postalCode: '',
  address1: '',
  address2: '',
  phone: '',
  fax: '',
  email: '',
  notes: '',
  isActive: true,
  /** One item per 分類 axis (ClassificationSelects). */
  classifications: [] as { axisId: string; itemId: string }[],
};

/** The form values of a stored record: exactly the keys the empty form has. */
export function pickFormValues<V extends object>(record: object, empty: V): V {
  const source = record as Record<string, unknown>;
  const values = Object.fromEntries(Object.keys(empty).map((key) => [key, source[key]])) as V;
  return { ...values, ...tradeTermsValues(source as unknown as TradeTermsValues) };
}
