import { z } from 'zod';

/**
 * JAN (GTIN-8 / GTIN-13) barcode numbers: the last digit checks the others with the GS1
 * modulus-10 rule. Weights 3 and 1 alternate from the digit next to the check digit leftwards,
 * so the same function serves both lengths.
 */
export function janCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError('JAN body must be digits');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidJanCode(code: string): boolean {
  if (!/^(\d{8}|\d{13})$/.test(code)) return false;
  return janCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/** Optional on a product: empty means "no barcode". Scanners type half-width digits. */
export const janCode = z
  .string()
  .trim()
  .refine((code) => code === '' || /^(\d{8}|\d{13})$/.test(code), {
    error: 'JANコードは8桁または13桁の半角数字で入力してください',
  })
  .refine((code) => code === '' || !/^(\d{8}|\d{13})$/.test(code) || isValidJanCode(code), {
    error: 'JANコードのチェックデジット（最後の1桁）が正しくありません',
  })
  .default('');
