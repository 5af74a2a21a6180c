import { z } from 'zod';
import { parseDecimal } from '../../../../domain/numbers/decimal';
import { taxCategories } from '../../../../domain/tax/tax-rates';

const categories = Object.keys(taxCategories) as [
  keyof typeof taxCategories,
  ...(keyof typeof taxCategories)[],
];

const printedName = z
  .string()
  .trim()
  .min(1, { error: '印字名を入力してください' })
  .max(20, { error: '印字名は20文字以内で入力してください' });

const sortOrder = z
  .number({ error: '表示順は数値で入力してください' })
  .int({ error: '表示順は整数で入力してください' })
  .min(0, { error: '表示順は0〜999で入力してください' })
  .max(999, { error: '表示順は0〜999で入力してください' });

const ratePercent = z
  .string()
  .trim()
  .refine(
    (text) => {
      const value = parseDecimal(text);
      return value !== null && value.scale <= 2 && value.units >= 0n && Number(text) <= 100;
    },
    { error: '税率は0〜100の数値（小数2桁まで）で入力してください' },
  );

const optionalDate = z.iso.date({ error: '日付は YYYY-MM-DD の形式で入力してください' }).nullable();

/** A rate of the tenant's own; presets are changed through the update schema only. */
export const taxRateCreateSchema = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,8}$/, {
        error: 'コードは半角英数字と - _ で8文字以内で入力してください',
      }),
    printedName,
    ratePercent,
    category: z.enum(categories),
    sortOrder,
    isHidden: z.boolean().default(false),
    validFrom: optionalDate.default(null),
    validTo: optionalDate.default(null),
  })
  .refine((rate) => !rate.validFrom || !rate.validTo || rate.validFrom <= rate.validTo, {
    path: ['validTo'],
    error: '適用終了日は適用開始日以降の日付にしてください',
  });

export type TaxRateCreate = z.infer<typeof taxRateCreateSchema>;

/**
 * Presets accept only how they are shown (印字名, 表示順, 非表示): their rate and validity are
 * the law. `version` 0 means "the preset as shipped, never changed by this tenant".
 */
export const taxRateUpdateSchema = z
  .strictObject({
    printedName,
    sortOrder,
    isHidden: z.boolean(),
    ratePercent: ratePercent.optional(),
    category: z.enum(categories).optional(),
    validFrom: optionalDate.optional(),
    validTo: optionalDate.optional(),
    version: z.number().int().min(0),
  })
  .refine((rate) => !rate.validFrom || !rate.validTo || rate.validFrom <= rate.validTo, {
    path: ['validTo'],
    error: '適用終了日は適用開始日以降の日付にしてください',
  });

export type TaxRateUpdate = z.infer<typeof taxRateUpdateSchema>;

export const taxRateSchema = z
  .object({
    code: z.string(),
    printedName: z.string(),
    ratePercent: z.string(),
    category: z.enum(categories),
    sortOrder: z.number().int(),
    isHidden: z.boolean(),
    validFrom: z.iso.date().nullable(),
    validTo: z.iso.date().nullable(),
    isPreset: z.boolean(),
    /** A preset whose display this tenant changed (it can be reset to the shipped one). */
    isCustomized: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'TaxRate' });

export type TaxRate = z.infer<typeof taxRateSchema>;

export const taxRateListSchema = z
  .object({ items: z.array(taxRateSchema) })
  .meta({ id: 'TaxRateList' });

export const taxRateCodeParamsSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,8}$/),
});

export const taxRateDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});
