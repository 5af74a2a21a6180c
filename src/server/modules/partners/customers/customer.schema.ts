import { z } from 'zod';
import {
  addressLine,
  honorifics,
  notesText,
  optionalEmail,
  partnerCode,
  partnerKana,
  partnerName,
  partnerShortName,
  phoneNumber,
  postalCode,
} from '../../../../domain/partners/partner-fields';
import {
  assignedClassificationsSchema,
  classificationAssignmentsSchema,
  classificationFilterParam,
} from '../classifications/classification.schema';

/** 得意先 contracts, shared by the API and the web form. */
export const customerInputSchema = z.strictObject({
  code: partnerCode,
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
  classifications: classificationAssignmentsSchema.default([]),
});

export const customerUpdateSchema = customerInputSchema.extend({
  version: z.number().int().min(1),
});

export type CustomerInput = z.infer<typeof customerInputSchema>;
export type CustomerUpdate = z.infer<typeof customerUpdateSchema>;

export const customerSchema = z
  .object({
    customerId: z.uuid(),
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
  })
  .meta({ id: 'Customer' });

export type Customer = z.infer<typeof customerSchema>;

/** One customer (form, create, update): the list row plus its classifications. */
export const customerDetailSchema = customerSchema
  .extend({ classifications: assignedClassificationsSchema })
  .meta({ id: 'CustomerDetail' });

export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const customerIdParamsSchema = z.strictObject({ customerId: z.uuid() });

export const CUSTOMER_PAGE_SIZE_MAX = 200;
/** Counting stops here: beyond it a search list says "1,000件以上" and the user narrows it. */
export const CUSTOMER_COUNT_CAP = 1_000;

export const customerListQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('コード前方一致・フリガナ前方一致・名称部分一致'),
  kana: z.string().trim().max(100).optional().describe('フリガナ前方一致'),
  active: z.enum(['true', 'false', 'all']).default('true'),
  classifications: classificationFilterParam.optional(),
  sort: z.enum(['code', 'kana']).default('code'),
  cursor: z.string().max(400).optional().describe('前ページの nextCursor'),
  limit: z.coerce.number().int().min(1).max(CUSTOMER_PAGE_SIZE_MAX).default(50),
});

export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

/** The list's conditions without paging: what 検索結果すべて selects (bulk edits, exports). */
export const customerSearchSchema = customerListQuerySchema.pick({
  q: true,
  kana: true,
  active: true,
  classifications: true,
});
export type CustomerSearch = z.infer<typeof customerSearchSchema>;
export type CustomerSearchInput = z.input<typeof customerSearchSchema>;

export const customerListSchema = z
  .object({
    items: z.array(customerSchema),
    nextCursor: z.string().nullable(),
    total: z
      .object({ count: z.number().int(), isCapped: z.boolean() })
      .nullable()
      .describe(`First page only; counting stops at ${CUSTOMER_COUNT_CAP}`),
  })
  .meta({ id: 'CustomerList' });

export type CustomerList = z.infer<typeof customerListSchema>;
