import { z } from 'zod';

/** The units a new organisation starts with; it edits the list freely. */
export const DEFAULT_UNITS = [
  '個',
  '本',
  '枚',
  '箱',
  '台',
  '式',
  'セット',
  'kg',
  'm',
  '時間',
] as const;

export const unitInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: '単位を入力してください' })
    .max(10, { error: '単位は10文字以内で入力してください' }),
  sortOrder: z
    .number({ error: '表示順は数値で入力してください' })
    .int({ error: '表示順は整数で入力してください' })
    .min(0, { error: '表示順は0〜999で入力してください' })
    .max(999, { error: '表示順は0〜999で入力してください' }),
});

export const unitUpdateSchema = unitInputSchema.extend({ version: z.number().int().min(1) });

export type UnitInput = z.infer<typeof unitInputSchema>;
export type UnitUpdate = z.infer<typeof unitUpdateSchema>;

export const unitSchema = z
  .object({
    unitId: z.uuid(),
    name: z.string(),
    sortOrder: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Unit' });

export type Unit = z.infer<typeof unitSchema>;

export const unitListSchema = z.object({ items: z.array(unitSchema) }).meta({ id: 'UnitList' });

export const unitIdParamsSchema = z.strictObject({ unitId: z.uuid() });

export const unitDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});
