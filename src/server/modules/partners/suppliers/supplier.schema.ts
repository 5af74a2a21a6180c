import { z } from 'zod';
import { registrationNumberSchema } from '../../../../domain/invoice/registration-number';
import {
  registrationStatuses,
  registrationStatusSchema,
} from '../../../../domain/invoice/registration-status';
import { partnerProfileFields } from '../../../../domain/partners/partner-fields';
import { tradeTermsFields } from '../../../../domain/partners/trade-terms';
import {
  assignedClassificationsSchema,
  classificationAssignmentsSchema,
} from '../classifications/classification.schema';
import {
  type PartnerListQuery,
  partnerDeleteQuerySchema,
  partnerListQuerySchema,
  partnerListSchema,
  partnerReference,
  partnerSummaryFields,
  tradeTermsOutputFields,
} from '../shared/partner.schema';

const supplierFields = {
  ...partnerProfileFields,
  payToSupplierId: z
    .uuid({ error: '支払先を選び直してください' })
    .nullable()
    .default(null)
    .describe('支払先: 別の仕入先。null = この仕入先自身'),
  ...tradeTermsFields,
  registrationNumber: registrationNumberSchema.default(''),
  registrationStatus: registrationStatusSchema,
  registeredOn: z.iso
    .date({ error: '登録日は YYYY-MM-DD の形式で入力してください' })
    .nullable()
    .default(null),
  classifications: classificationAssignmentsSchema.default([]),
};

type SupplierFields = z.infer<z.ZodObject<typeof supplierFields>>;

/** A supplier said to be registered needs the number its invoices carry. */
function registrationConsistent(value: SupplierFields, ctx: z.RefinementCtx) {
  if (value.registrationStatus === 'registered' && value.registrationNumber === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['registrationNumber'],
      message: '「登録済」の場合は登録番号を入力してください',
    });
  }
}

/** 仕入先 contracts, shared by the API and the web form. */
export const supplierInputSchema = z
  .strictObject(supplierFields)
  .superRefine(registrationConsistent);

export const supplierUpdateSchema = z
  .strictObject({ ...supplierFields, version: z.number().int().min(1) })
  .superRefine(registrationConsistent);

export type SupplierInput = z.infer<typeof supplierInputSchema>;
export type SupplierUpdate = z.infer<typeof supplierUpdateSchema>;

export const supplierSummarySchema = z
  .object({ supplierId: z.uuid(), ...partnerSummaryFields })
  .meta({ id: 'SupplierSummary' });
export type SupplierSummary = z.infer<typeof supplierSummarySchema>;

const statusKeys = Object.keys(registrationStatuses) as [
  keyof typeof registrationStatuses,
  ...(keyof typeof registrationStatuses)[],
];

export const supplierSchema = z
  .object({
    supplierId: z.uuid(),
    ...partnerSummaryFields,
    payToSupplierId: z.uuid().nullable(),
    payTo: partnerReference,
    ...tradeTermsOutputFields,
    registrationNumber: z.string(),
    registrationStatus: z.enum(statusKeys),
    registeredOn: z.iso.date().nullable(),
    registrationNumberWarning: z
      .string()
      .nullable()
      .describe('チェックデジット不一致など、保存はしたが確認してほしい点'),
    classifications: assignedClassificationsSchema,
  })
  .meta({ id: 'Supplier' });
export type Supplier = z.infer<typeof supplierSchema>;

export const supplierIdParamsSchema = z.strictObject({ supplierId: z.uuid() });
export const supplierListQuerySchema = partnerListQuerySchema;
export type SupplierListQuery = PartnerListQuery;
export const supplierListSchema = partnerListSchema(supplierSummarySchema, 'SupplierList');
export type SupplierList = z.infer<typeof supplierListSchema>;
export const supplierDeleteQuerySchema = partnerDeleteQuerySchema;
