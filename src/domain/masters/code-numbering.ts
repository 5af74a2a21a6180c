import { z } from 'zod';
import { AUTO_CODE_WIDTH_MAX, AUTO_CODE_WIDTH_MIN } from './codes';

/** The masters whose codes a tenant may have numbered automatically (システム設定). */
export const numberedMasters = {
  customers: { label: '得意先コード' },
  suppliers: { label: '仕入先コード' },
  products: { label: '商品コード' },
} as const;
export type NumberedMaster = keyof typeof numberedMasters;
export const allNumberedMasters = Object.keys(numberedMasters) as NumberedMaster[];

export const DEFAULT_CODE_WIDTH = 6;

export const codeNumberingEntrySchema = z.strictObject({
  kind: z.enum(allNumberedMasters as [NumberedMaster, ...NumberedMaster[]]),
  isAuto: z.boolean(),
  width: z
    .number({ error: '桁数を数値で入力してください' })
    .int({ error: '桁数は整数で入力してください' })
    .min(AUTO_CODE_WIDTH_MIN, { error: `桁数は${AUTO_CODE_WIDTH_MIN}以上で入力してください` })
    .max(AUTO_CODE_WIDTH_MAX, { error: `桁数は${AUTO_CODE_WIDTH_MAX}以下で入力してください` }),
});
export type CodeNumberingEntry = z.infer<typeof codeNumberingEntrySchema>;
