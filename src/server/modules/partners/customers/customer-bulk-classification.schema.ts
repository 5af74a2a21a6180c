import { z } from 'zod';
import { BULK_ASSIGN_MAX } from '../classifications/classification.schema';
import { customerSearchSchema } from './customer.schema';

/**
 * 一括分類設定 from the customer list: the checked customers, or every customer the list's
 * search matches (検索結果すべて), put on one item of one axis, or taken off it (itemId null).
 */
export const customerBulkClassificationSchema = z.strictObject({
  axisId: z.uuid(),
  itemId: z.uuid().nullable(),
  target: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('selected'),
      customerIds: z.array(z.uuid()).min(1).max(BULK_ASSIGN_MAX),
    }),
    z.strictObject({ kind: z.literal('search'), search: customerSearchSchema }),
  ]),
});

export type CustomerBulkClassification = z.infer<typeof customerBulkClassificationSchema>;
/** What a client sends: the search as the list's query string has it (ids comma-separated). */
export type CustomerBulkClassificationInput = z.input<typeof customerBulkClassificationSchema>;

export const customerBulkClassificationResultSchema = z
  .object({
    matched: z.number().int().describe('Customers selected'),
    changed: z.number().int().describe('Customers whose item actually changed'),
  })
  .meta({ id: 'CustomerBulkClassificationResult' });

export type CustomerBulkClassificationResult = z.infer<
  typeof customerBulkClassificationResultSchema
>;
