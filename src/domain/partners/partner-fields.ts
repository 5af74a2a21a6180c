import { z } from 'zod';

/**
 * Field rules shared by 得意先 and 仕入先 forms, on the server and in the browser.
 * Codes are half-width so they sort and match the same everywhere (DOMAIN.md §1).
 */
export const PARTNER_CODE_MAX = 15;
export const partnerCodePattern = /^[A-Za-z0-9_\-.]+$/;

export const CODE_REQUIRED_MESSAGE = 'コードを入力してください';

export const partnerCode = z
  .string()
  .trim()
  .min(1, { error: CODE_REQUIRED_MESSAGE })
  .max(PARTNER_CODE_MAX, { error: `コードは${PARTNER_CODE_MAX}文字以内で入力してください` })
  .regex(partnerCodePattern, { error: 'コードは半角英数字と - _ . で入力してください' });

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください` })
    .default('');

export const partnerName = z
  .string()
  .trim()
  .min(1, { error: '名称を入力してください' })
  .max(100, { error: '名称は100文字以内で入力してください' });

export const partnerKana = optionalText(100, 'フリガナ');
export const partnerShortName = optionalText(40, '略称');
export const addressLine = optionalText(100, '住所');
export const notesText = optionalText(1000, '備考');

export const postalCode = z
  .string()
  .trim()
  .regex(/^(\d{3}-?\d{4})?$/, { error: '郵便番号は「123-4567」の形式で入力してください' })
  .default('');

export const phoneNumber = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{0,20}$/, {
    error: '電話番号は半角数字とハイフンで20文字以内で入力してください',
  })
  .default('');

export const optionalEmail = z
  .union([z.literal(''), z.email({ error: 'メールアドレスの形式が正しくありません' }).max(254)])
  .default('');

/** 敬称: 御中 for companies, 様 for individuals (DOMAIN.md §1). */
export const honorifics = ['御中', '様', ''] as const;

/**
 * The code on a new partner's form: empty is allowed here because the tenant may number codes
 * automatically (自動採番); the server refuses empty when it does not.
 */
export const autoNumberedPartnerCode = z
  .string()
  .trim()
  .max(PARTNER_CODE_MAX, { error: `コードは${PARTNER_CODE_MAX}文字以内で入力してください` })
  .regex(/^[A-Za-z0-9_\-.]*$/, { error: 'コードは半角英数字と - _ . で入力してください' })
  .default('');

/** Name, address and contact fields 得意先 and 仕入先 share. */
export const partnerProfileFields = {
  code: autoNumberedPartnerCode,
  name: partnerName,
  kana: partnerKana,
  shortName: partnerShortName,
  honorific: z.enum(honorifics).default('御中'),
  postalCode,
  address1: addressLine,
  address2: addressLine,
  phone: phoneNumber,
  fax: phoneNumber,
  email: optionalEmail,
  notes: notesText,
  isActive: z.boolean().default(true),
};
