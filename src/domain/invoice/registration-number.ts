import { z } from 'zod';

/**
 * 適格請求書発行事業者登録番号: "T" + 13 digits (DOMAIN.md §3). For a corporation the digits are
 * its 法人番号, whose first digit checks the other twelve; individuals get numbers that need
 * not pass that check, so a failed check is a warning and only a malformed number is an error.
 */
export type RegistrationNumberCheck =
  | { readonly kind: 'empty' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'valid'; readonly value: string }
  | { readonly kind: 'checkDigitMismatch'; readonly value: string };

export const REGISTRATION_NUMBER_PATTERN = /^T\d{13}$/;

/** What people type or paste: full-width, lower-case t, spaces or hyphens between groups. */
export function normalizeRegistrationNumber(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-‐－ー]/g, '')
    .toUpperCase();
}

/** C = 9 − (Σ Pn × Qn mod 9), Pn the n-th of the twelve digits from the right, Qn = 1 or 2. */
export function corporateNumberCheckDigit(twelveDigits: string): number {
  if (!/^\d{12}$/.test(twelveDigits)) throw new RangeError('Needs exactly 12 digits');
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(twelveDigits[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

export function checkRegistrationNumber(input: string): RegistrationNumberCheck {
  const value = normalizeRegistrationNumber(input);
  if (value === '') return { kind: 'empty' };
  if (!REGISTRATION_NUMBER_PATTERN.test(value)) return { kind: 'malformed' };
  const checkDigit = Number(value[1]);
  return corporateNumberCheckDigit(value.slice(2)) === checkDigit
    ? { kind: 'valid', value }
    : { kind: 'checkDigitMismatch', value };
}

export const registrationNumberMessages = {
  malformed: '登録番号は「T」と13桁の数字で入力してください（例：T1234567890123）',
  checkDigitMismatch:
    '登録番号のチェックデジットが一致しません。法人番号の場合は入力に誤りがないか確認してください（個人事業者の番号はこのまま登録できます）',
} as const;

/**
 * The form and API field: normalises, fails on a malformed number, and leaves the check-digit
 * warning to `checkRegistrationNumber` so the screen can show it without blocking the save.
 */
export const registrationNumberSchema = z
  .string()
  .transform(normalizeRegistrationNumber)
  .refine((value) => value === '' || REGISTRATION_NUMBER_PATTERN.test(value), {
    error: registrationNumberMessages.malformed,
  });
