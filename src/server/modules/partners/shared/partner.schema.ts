import { z } from 'zod';
import { holidayShifts } from '../../../../domain/billing/closing-dates';
import { roundingModes } from '../../../../domain/numbers/decimal';
import { honorifics } from '../../../../domain/partners/partner-fields';
import { closingKinds, paymentMethods, taxUnits } from '../../../../domain/partners/trade-terms';
import { classificationFilterParam } from '../classifications/classification.schema';

const keys = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

/** What a partner list row shows (kept small: the list is the hot path, ADR 0006). */
export const partnerSummaryFields = {
  code: z.string(),
  name: z.string(),
  kana: z.string(),
  shortName: z.string(),
  honorific: z.enum(honorifics),
  postalCode: z.string(),
  address1: z.string(),
  address2: z.string(),
  phone: z.string(),
  fax: z.string(),
  email: z.string(),
  notes: z.string(),
  isActive: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
};

const reference = z.object({ code: z.string(), name: z.string() }).nullable();

/** The stored trade terms as the detail API returns them, with the names they point at. */
export const tradeTermsOutputFields = {
  closingKind: z.enum(keys(closingKinds)),
  closingDays: z.array(z.number().int()),
  paymentMonthsAfter: z.number().int(),
  paymentDay: z.number().int(),
  paymentMethod: z.enum(keys(paymentMethods)),
  holidayShift: z.enum(keys(holidayShifts)),
  taxUnit: z.enum(keys(taxUnits)),
  taxRounding: z.enum(keys(roundingModes)),
  priceClass: z.number().int(),
  ratePercent: z.string(),
  priceRounding: z.enum(keys(roundingModes)),
  staffUserId: z.uuid().nullable(),
  staff: z.object({ name: z.string() }).nullable(),
  departmentId: z.uuid().nullable(),
  department: reference,
  termsSummary: z.string().describe('「末日締め 翌月末日 振込（休日は前営業日）」'),
};

export const partnerReference = reference;

/** Counting stops here: beyond it a search list says "1,000件以上" and the user narrows it. */
export const PARTNER_COUNT_CAP = 1_000;
export const PARTNER_PAGE_SIZE_MAX = 200;

export const partnerListQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('コード前方一致・フリガナ前方一致・名称部分一致・電話番号部分一致'),
  kana: z.string().trim().max(100).optional().describe('フリガナ前方一致'),
  active: z.enum(['true', 'false', 'all']).default('true'),
  staff: z.uuid().optional().describe('担当者 (users.userId)'),
  department: z.uuid().optional().describe('部門 (departments.departmentId)'),
  classifications: classificationFilterParam.optional(),
  sort: z.enum(['code', 'kana']).default('code'),
  cursor: z.string().max(400).optional().describe('前ページの nextCursor'),
  limit: z.coerce.number().int().min(1).max(PARTNER_PAGE_SIZE_MAX).default(50),
});
export type PartnerListQuery = z.infer<typeof partnerListQuerySchema>;

/** The list's conditions without paging: what 検索結果すべて selects (bulk edits, exports). */
export const partnerSearchSchema = partnerListQuerySchema.pick({
  q: true,
  kana: true,
  active: true,
  staff: true,
  department: true,
  classifications: true,
});
export type PartnerSearch = z.infer<typeof partnerSearchSchema>;
export type PartnerSearchInput = z.input<typeof partnerSearchSchema>;

export function partnerListSchema<Item extends z.ZodType>(item: Item, id: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable(),
      total: z
        .object({ count: z.number().int(), isCapped: z.boolean() })
        .nullable()
        .describe(`First page only; counting stops at ${PARTNER_COUNT_CAP}`),
    })
    .meta({ id });
}

export const partnerDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});
