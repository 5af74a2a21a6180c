import { z } from 'zod';
import { codeNumberingEntrySchema } from '../../../../domain/masters/code-numbering';

/** 自動採番 settings: one entry per numbered master kind. */
export const codeNumberingSchema = z
  .object({
    items: z.array(
      codeNumberingEntrySchema.extend({
        /** 0 until the tenant first saves this kind. */
        version: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'CodeNumbering' });
export type CodeNumbering = z.infer<typeof codeNumberingSchema>;

export const codeNumberingUpdateSchema = z.strictObject({
  items: z
    .array(codeNumberingEntrySchema.extend({ version: z.number().int().min(0) }))
    .min(1)
    .max(3)
    .refine((items) => new Set(items.map((item) => item.kind)).size === items.length, {
      error: '同じ種類が重複しています',
    }),
});
export type CodeNumberingUpdate = z.infer<typeof codeNumberingUpdateSchema>;
