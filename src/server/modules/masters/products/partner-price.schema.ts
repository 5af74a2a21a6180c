import { z } from 'zod';
import { partnerProductCode } from '../../../../domain/masters/codes';
import { priceText } from '../../../../domain/products/product-fields';

/**
 * 得意先別単価 / 仕入先別単価 share these fields; only the partner's id differs, so the supplier
 * mirror adds `supplierId` to the same shape.
 */
export const partnerPriceFields = {
  unitPrice: priceText('単価'),
  partnerProductCode,
  validFrom: z.iso
    .date({ error: '日付は YYYY-MM-DD の形式で入力してください' })
    .nullable()
    .default(null),
};

export const customerPriceInputSchema = z
  .strictObject({
    customerId: z.uuid({ error: '得意先を選んでください' }),
    ...partnerPriceFields,
  })
  .refine((row) => row.unitPrice !== null || row.partnerProductCode !== '', {
    path: ['unitPrice'],
    error: '単価か相手先商品コードのどちらかを入力してください',
  });

export const customerPriceUpdateSchema = z
  .strictObject({
    customerId: z.uuid({ error: '得意先を選んでください' }),
    ...partnerPriceFields,
    version: z.number().int().min(1),
  })
  .refine((row) => row.unitPrice !== null || row.partnerProductCode !== '', {
    path: ['unitPrice'],
    error: '単価か相手先商品コードのどちらかを入力してください',
  });

export type CustomerPriceInput = z.infer<typeof customerPriceInputSchema>;
export type CustomerPriceUpdate = z.infer<typeof customerPriceUpdateSchema>;

export const customerPriceSchema = z
  .object({
    priceId: z.uuid(),
    productId: z.uuid(),
    customerId: z.uuid(),
    customer: z.object({ code: z.string(), name: z.string() }),
    unitPrice: z.string().nullable(),
    partnerProductCode: z.string(),
    validFrom: z.iso.date().nullable(),
    version: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'CustomerProductPrice' });

export type CustomerPrice = z.infer<typeof customerPriceSchema>;

export const CUSTOMER_PRICE_LIMIT = 1_000;

export const customerPriceListSchema = z
  .object({ items: z.array(customerPriceSchema), isTruncated: z.boolean() })
  .meta({ id: 'CustomerProductPriceList' });

export const customerPriceParamsSchema = z.strictObject({
  productId: z.uuid(),
  priceId: z.uuid(),
});

export const customerPriceDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});

export const unitPriceQuerySchema = z.strictObject({
  customerId: z.uuid(),
  date: z.iso
    .date()
    .optional()
    .describe('伝票日付 (既定: 今日 JST): この日に有効な得意先別単価を使う'),
});

export const unitPriceSchema = z
  .object({
    source: z.enum(['partnerPrice', 'priceClass', 'none']),
    unitPrice: z.string().nullable(),
    column: z.number().int().min(1).max(5).nullable(),
    partnerProductCode: z.string(),
  })
  .meta({ id: 'ResolvedUnitPrice' });

export type UnitPriceAnswer = z.infer<typeof unitPriceSchema>;
