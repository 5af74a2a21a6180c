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
