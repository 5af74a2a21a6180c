import { z } from 'zod';
import { companyImageKinds } from '../../../domain/company/company-images';
import { imageContentTypes } from '../../../domain/company/image-content';
import { registrationNumberSchema } from '../../../domain/invoice/registration-number';
import {
  addressLine,
  optionalEmail,
  phoneNumber,
  postalCode,
} from '../../../domain/partners/partner-fields';

/** 自社情報 contracts, shared by the API and the 自社情報 screen. */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください` })
    .default('');

export const companyProfileFields = {
  companyName: z
    .string()
    .trim()
    .min(1, { error: '会社名を入力してください' })
    .max(100, { error: '会社名は100文字以内で入力してください' }),
  companyKana: optionalText(100, 'フリガナ'),
  representativeTitle: optionalText(40, '代表者の役職'),
  representativeName: optionalText(40, '代表者名'),
  postalCode,
  address1: addressLine,
  address2: addressLine,
  phone: phoneNumber,
  fax: phoneNumber,
  email: optionalEmail,
  url: z
    .union([
      z.literal(''),
      z
        .url({ protocol: /^https?$/, error: 'URLは http:// または https:// で始めてください' })
        .max(200, { error: 'URLは200文字以内で入力してください' }),
    ])
    .default(''),
  registrationNumber: registrationNumberSchema.default(''),
};

export const companyProfileUpdateSchema = z.strictObject({
  ...companyProfileFields,
  /** 0 = the profile has never been saved. */
  version: z.number().int().min(0),
});

export type CompanyProfileUpdate = z.infer<typeof companyProfileUpdateSchema>;

export const companyImageInfoSchema = z
  .object({
    contentType: z.enum(imageContentTypes),
    width: z.number().int(),
    height: z.number().int(),
    byteSize: z.number().int(),
    etag: z.string(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'CompanyImageInfo' });

export type CompanyImageInfo = z.infer<typeof companyImageInfoSchema>;

export const companyProfileSchema = z
  .object({
    companyName: z.string(),
    companyKana: z.string(),
    representativeTitle: z.string(),
    representativeName: z.string(),
    postalCode: z.string(),
    address1: z.string(),
    address2: z.string(),
    phone: z.string(),
    fax: z.string(),
    email: z.string(),
    url: z.string(),
    registrationNumber: z.string(),
    /** Set when the number is well-formed but fails the 法人番号 check digit (saved anyway). */
    registrationNumberWarning: z.string().nullable(),
    images: z.object({
      logo: companyImageInfoSchema.nullable(),
      seal: companyImageInfoSchema.nullable(),
    }),
    version: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'CompanyProfile' });

export type CompanyProfile = z.infer<typeof companyProfileSchema>;

/**
 * An image travels as base64 in JSON: no multipart parser to add, and the same zod contract
 * as every other body. The declared type must match what the bytes are.
 */
export const companyImageUploadSchema = z.strictObject({
  contentType: z.enum(imageContentTypes, { error: 'PNG または JPEG の画像を選んでください' }),
  data: z.base64({ error: '画像データの形式が正しくありません' }),
});

export type CompanyImageUpload = z.infer<typeof companyImageUploadSchema>;

export const companyImageKindSchema = z.enum(companyImageKinds);
