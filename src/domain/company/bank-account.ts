import { z } from 'zod';

/**
 * 振込先 (the company's own bank accounts printed on invoices). Numbers follow the 全銀
 * format that every Japanese bank transfer uses: 4-digit bank code, 3-digit branch code and a
 * 7-digit account number (ゆうちょ銀行 accounts receive transfers under a 3-digit 店番 and a
 * 7-digit number too), so shorter numbers are padded with leading zeros.
 */
export const bankAccountTypes = ['ordinary', 'checking', 'savings'] as const;
export type BankAccountType = (typeof bankAccountTypes)[number];

export const bankAccountTypeLabels: Record<BankAccountType, string> = {
  ordinary: '普通',
  checking: '当座',
  savings: '貯蓄',
};

export const BANK_ACCOUNT_NUMBER_DIGITS = 7;
/** A company prints one or two accounts; ten leaves room without turning into a list screen. */
export const BANK_ACCOUNT_LIMIT = 10;

const digitsOnly = (value: string) => value.normalize('NFKC').replace(/[\s-]/g, '');

export const bankAccountNumber = z
  .string()
  .transform(digitsOnly)
  .refine((value) => /^\d{1,7}$/.test(value), {
    error: '口座番号は7桁以内の数字で入力してください',
  })
  .transform((value) => value.padStart(BANK_ACCOUNT_NUMBER_DIGITS, '0'));

const optionalDigits = (digits: number, label: string) =>
  z
    .string()
    .transform(digitsOnly)
    .refine((value) => value === '' || new RegExp(`^\\d{${digits}}$`).test(value), {
      error: `${label}は${digits}桁の数字で入力してください`,
    })
    .default('');

export const bankCode = optionalDigits(4, '金融機関コード');
export const branchCode = optionalDigits(3, '支店コード');

/**
 * 口座名義 is matched by the bank against the name it holds, in the character set of 全銀
 * records: katakana without small letters, upper-case letters, digits, space and ( ) . - / ,.
 * The name is kept in full-width katakana for printing (ｶ)ｱｷﾅｲ → カ)アキナイ); 長音 ー is
 * accepted because banks read it as the hyphen they print.
 */
const SMALL_KANA = /[ァィゥェォッャュョヮヵヶ]/;
const ZENGIN_NAME = /^[ア-ンヴー゛゜A-Z0-9 ().\-/,「」]+$/;

export function normalizeAccountHolder(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[‐－−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

export const accountHolderMessages = {
  required: '口座名義を入力してください',
  tooLong: '口座名義は48文字以内で入力してください',
  smallKana: '口座名義に小さい文字（ャ・ッ など）は使えません。大きい文字で入力してください',
  charset: '口座名義はカタカナ・英大文字・数字・スペースと記号 ( ) . - / , で入力してください',
} as const;

export const accountHolderKana = z
  .string()
  .transform(normalizeAccountHolder)
  .superRefine((value, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (value === '') return fail(accountHolderMessages.required);
    if (value.length > 48) return fail(accountHolderMessages.tooLong);
    if (SMALL_KANA.test(value)) return fail(accountHolderMessages.smallKana);
    if (!ZENGIN_NAME.test(value)) return fail(accountHolderMessages.charset);
  });
