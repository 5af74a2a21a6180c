import { z } from 'zod';
import { partnerProfileFields } from '../../../../domain/partners/partner-fields';
import { creditLimitSchema, tradeTermsFields } from '../../../../domain/partners/trade-terms';
import {
  assignedClassificationsSchema,
  classificationAssignmentsSchema,
} from '../classifications/classification.schema';
import {
  PARTNER_COUNT_CAP,
  PARTNER_PAGE_SIZE_MAX,
  type PartnerListQuery,
  partnerDeleteQuerySchema,
  partnerListQuerySchema,
  partnerListSchema,
  partnerReference,
  partnerSummaryFields,
  tradeTermsOutputFields,
} from '../shared/partner.schema';

const otherCustomer = (label: string) =>
  z
    .uuid({ error: `${label}を選び直してください` })
    .nullable()
    .default(null)
    .describe(`${label}: 別の得意先。null = この得意先自身`);

/** 得意先 contracts, shared by the API and the web form. */
export const customerInputSchema = z.strictObject({
  ...partnerProfileFields,
  billToCustomerId: otherCustomer('請求先'),
  collectFromCustomerId: otherCustomer('回収先'),
  ...tradeTermsFields,
  creditLimit: creditLimitSchema,
  classifications: classificationAssignmentsSchema.default([]),
});

export const customerUpdateSchema = customerInputSchema.extend({
  version: z.number().int().min(1),
});

export type CustomerInput = z.infer<typeof customerInputSchema>;
export type CustomerUpdate = z.infer<typeof customerUpdateSchema>;

/** A list row: the profile only, so the hot list stays as cheap as before (ADR 0006). */
export const customerSummarySchema = z
  .object({ customerId: z.uuid(), ...partnerSummaryFields })
  .meta({ id: 'CustomerSummary' });
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

export const customerSchema = z
  .object({
    customerId: z.uuid(),
    ...partnerSummaryFields,
    billToCustomerId: z.uuid().nullable(),
    billTo: partnerReference,
    collectFromCustomerId: z.uuid().nullable(),
    collectFrom: partnerReference,
    ...tradeTermsOutputFields,
    creditLimit: z.string().nullable(),
    classifications: assignedClassificationsSchema,
  })
  .meta({ id: 'Customer' });

export type Customer = z.infer<typeof customerSchema>;

export const customerIdParamsSchema = z.strictObject({ customerId: z.uuid() });

export const CUSTOMER_PAGE_SIZE_MAX = PARTNER_PAGE_SIZE_MAX;
export const CUSTOMER_COUNT_CAP = PARTNER_COUNT_CAP;

export const customerListQuerySchema = partnerListQuerySchema;
export type CustomerListQuery = PartnerListQuery;

export const customerListSchema = partnerListSchema(customerSummarySchema, 'CustomerList');
export type CustomerList = z.infer<typeof customerListSchema>;

export const customerDeleteQuerySchema = partnerDeleteQuerySchema;
