import { z } from 'zod';

/** What a signed-in user sees of the contract's end (banner, export page). */
export const contractLifecycleSchema = z
  .object({
    readOnly: z
      .boolean()
      .describe('ご契約が終了: 参照とエクスポートのみ (登録・変更・削除は 403 tenant_read_only)'),
    endedAt: z.iso.datetime({ offset: true }).nullable(),
    purgeAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .describe('この日時までにすべてのデータを削除します (終了日 + 試用 5 日 / 有償 21 日以内)'),
  })
  .meta({ id: 'ContractLifecycle' });

export type ContractLifecycle = z.infer<typeof contractLifecycleSchema>;
