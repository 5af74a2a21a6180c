import {
  type Decimal,
  decimal,
  formatDecimal,
  multiply,
  type RoundingMode,
  roundToScale,
} from '../numbers/decimal';

/** 単価1..5: the product's price columns a partner's 単価区分 chooses from. */
export const PRICE_COLUMN_COUNT = 5;
export type PriceClass = 1 | 2 | 3 | 4 | 5;

export interface ProductPricing {
  /** 単価1..5 as decimal text; null where the column is not set. */
  readonly unitPrices: readonly (string | null)[];
  /** 単価の小数桁数 (0–4): the resolved price is rounded to this many places. */
  readonly priceDecimals: number;
}

export interface PartnerPricing {
  /** 単価区分: which of the product's price columns applies to this partner. */
  readonly priceClass: PriceClass;
  /** 掛け率 in per cent as decimal text ("100" = list price, "85.5" = 85.5 %). */
  readonly ratePercent: string;
  /** 単価端数処理 for the rate's fractions. */
  readonly rounding: RoundingMode;
}

export type ResolvedUnitPrice =
  | { readonly source: 'partnerPrice'; readonly unitPrice: string }
  | { readonly source: 'priceClass'; readonly unitPrice: string; readonly column: PriceClass }
  | { readonly source: 'none' };

/**
 * The unit price a new document line starts with (DOMAIN.md §1): a partner-specific price
 * (得意先別・仕入先別単価) beats everything; otherwise the partner's price column times its
 * 掛け率, rounded to the product's decimals. The user may still overwrite it on the line.
 */
export function resolveUnitPrice(
  product: ProductPricing,
  partner: PartnerPricing,
  partnerPrice?: string | null,
): ResolvedUnitPrice {
  if (partnerPrice != null && partnerPrice !== '') {
    return {
      source: 'partnerPrice',
      unitPrice: formatDecimal(decimal(partnerPrice), product.priceDecimals),
    };
  }
  const column = product.unitPrices[partner.priceClass - 1];
  if (column == null || column === '') return { source: 'none' };
  const price = percentOf(decimal(column), decimal(partner.ratePercent));
  return {
    source: 'priceClass',
    unitPrice: formatDecimal(roundToScale(price, product.priceDecimals, partner.rounding)),
    column: partner.priceClass,
  };
}

/** price × rate% exactly: dividing by 100 only moves the decimal point. */
function percentOf(price: Decimal, ratePercent: Decimal): Decimal {
  const product = multiply(price, ratePercent);
  return { units: product.units, scale: product.scale + 2 };
}
