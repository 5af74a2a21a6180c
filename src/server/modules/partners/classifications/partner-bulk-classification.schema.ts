import { z } from 'zod';
import { partnerSearchSchema } from '../shared/partner.schema';
import { BULK_ASSIGN_MAX } from './classification.schema';

/**
 * 一括分類設定 from a partner list (得意先, 仕入先): the checked partners, or every partner the
 * list's search matches (検索結果すべて), put on one item of one axis, or taken off it (itemId null).
 */
export const partnerBulkClassificationSchema = z.strictObject({
  axisId: z.uuid(),
  itemId: z.uuid().nullable(),
  target: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('selected'),
      partnerIds: z.array(z.uuid()).min(1).max(BULK_ASSIGN_MAX),
    }),
    z.strictObject({ kind: z.literal('search'), search: partnerSearchSchema }),
  ]),
});

export type PartnerBulkClassification = z.infer<typeof partnerBulkClassificationSchema>;
/** What a client sends: the search as the list's query string has it (ids comma-separated). */
export type PartnerBulkClassificationInput = z.input<typeof partnerBulkClassificationSchema>;

export const partnerBulkClassificationResultSchema = z
  .object({
    matched: z.number().int().describe('Partners selected'),
    changed: z.number().int().describe('Partners whose item actually changed'),
  })
  .meta({ id: 'PartnerBulkClassificationResult' });

export type PartnerBulkClassificationResult = z.infer<typeof partnerBulkClassificationResultSchema>;
