import { z } from 'zod';

/**
 * Master codes (DOMAIN.md §1, reference service S12): half-width, unique per tenant, ≤ 15
 * characters for products with the symbols _ ( ) " . & * + $ ' - allowed; a partner's own
 * product code (相手先商品コード) ≤ 20. Auto-numbering fills a configured width with digits.
 */
export const PRODUCT_CODE_MAX = 15;
export const PARTNER_PRODUCT_CODE_MAX = 20;
export const productCodePattern = /^[A-Za-z0-9_()".&*+$'-]+$/;

export const productCode = z
  .string()
  .trim()
  .min(1, { error: '商品コードを入力してください' })
  .max(PRODUCT_CODE_MAX, { error: `商品コードは${PRODUCT_CODE_MAX}文字以内で入力してください` })
  .regex(productCodePattern, {
    error: `商品コードは半角英数字と記号 _ ( ) " . & * + $ ' - で入力してください`,
  });

export const partnerProductCode = z
  .string()
  .trim()
  .max(PARTNER_PRODUCT_CODE_MAX, {
    error: `相手先商品コードは${PARTNER_PRODUCT_CODE_MAX}文字以内で入力してください`,
  })
  .default('');

/** 桁数 for auto-numbered codes (システム設定): wide enough to matter, short enough to type. */
export const AUTO_CODE_WIDTH_MIN = 3;
export const AUTO_CODE_WIDTH_MAX = 15;

/**
 * The next auto-numbered code after the highest all-digit code of that width. Codes typed by
 * hand in another shape (A-001, 12) never block numbering. Null when the width is exhausted.
 */
export function nextAutoCode(existingCodes: Iterable<string>, width: number): string | null {
  if (width < AUTO_CODE_WIDTH_MIN || width > AUTO_CODE_WIDTH_MAX) {
    throw new RangeError(
      `Auto-numbering width must be ${AUTO_CODE_WIDTH_MIN}–${AUTO_CODE_WIDTH_MAX}`,
    );
  }
  const sameShape = new RegExp(`^\\d{${width}}$`);
  let highest = 0n;
  for (const code of existingCodes) {
    if (sameShape.test(code) && BigInt(code) > highest) highest = BigInt(code);
  }
  const next = highest + 1n;
  const text = next.toString().padStart(width, '0');
  return text.length > width ? null : text;
}
