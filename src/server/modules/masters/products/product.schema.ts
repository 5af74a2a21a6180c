import { z } from 'zod';
import { productCode } from '../../../../domain/masters/codes';
import { notesText, partnerKana } from '../../../../domain/partners/partner-fields';
import { janCode } from '../../../../domain/products/jan-code';
import {
  decimalsField,
  exceedsDecimals,
  priceText,
  productCodeOrAuto,
  quantityPerCase,
  type TaxMode,
  taxModes,
  tooManyDecimalsMessage,
  type ValuationMethod,
  valuationMethods,
} from '../../../../domain/products/product-fields';

const taxModeKeys = Object.keys(taxModes) as [TaxMode, ...TaxMode[]];
const valuationKeys = Object.keys(valuationMethods) as [ValuationMethod, ...ValuationMethod[]];

export const priceFields = [
  'unitPrice1',
  'unitPrice2',
  'unitPrice3',
  'unitPrice4',
  'unitPrice5',
  'cost',
] as const;
export type PriceField = (typeof priceFields)[number];

export const priceLabels: Record<PriceField, string> = {
  unitPrice1: '単価1',
  unitPrice2: '単価2',
  unitPrice3: '単価3',
  unitPrice4: '単価4',
  unitPrice5: '単価5',
  cost: '原価',
};

const productFields = {
  name: z
    .string()
    .trim()
    .min(1, { error: '商品名を入力してください' })
    .max(100, { error: '商品名は100文字以内で入力してください' }),
  kana: partnerKana,
  spec: z.string().trim().max(40, { error: '規格は40文字以内で入力してください' }).default(''),
  unit: z.string().trim().max(10, { error: '単位は10文字以内で入力してください' }).default(''),
  quantityPerCase,
  quantityDecimals: decimalsField('数量小数桁'),
  priceDecimals: decimalsField('単価小数桁'),
  unitPrice1: priceText('単価1'),
  unitPrice2: priceText('単価2'),
  unitPrice3: priceText('単価3'),
  unitPrice4: priceText('単価4'),
  unitPrice5: priceText('単価5'),
  cost: priceText('原価'),
  taxMode: z.enum(taxModeKeys).default('exclusive'),
  /** A code of the tax-rates list (preset or the tenant's own); checked against it on save. */
  taxRateCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,8}$/, { error: '税率を選んでください' })
    .default('10'),
  isStockManaged: z.boolean().default(true),
  valuationMethod: z.enum(valuationKeys).default('lastPurchasePrice'),
  janCode,
  notes: notesText,
  isActive: z.boolean().default(true),
};

/** Prices may not carry more decimals than the product's 単価小数桁. */
function checkPriceDecimals(
  product: { priceDecimals: number } & Record<PriceField, string | null>,
  context: z.core.$RefinementCtx,
) {
  for (const field of priceFields) {
    if (exceedsDecimals(product[field], product.priceDecimals)) {
      context.addIssue({
        code: 'custom',
        path: [field],
        message: tooManyDecimalsMessage(priceLabels[field], product.priceDecimals),
      });
    }
  }
}

/** 商品 contracts, shared by the API and the web form. An empty code asks for 自動発番. */
export const productInputSchema = z
  .strictObject({ code: productCodeOrAuto, ...productFields })
  .superRefine(checkPriceDecimals);

/** Once numbered, a product keeps a code: the update needs one. */
export const productUpdateSchema = z
  .strictObject({ code: productCode, ...productFields, version: z.number().int().min(1) })
  .superRefine(checkPriceDecimals);

export type ProductInput = z.infer<typeof productInputSchema>;
export type ProductUpdate = z.infer<typeof productUpdateSchema>;

export const productSchema = z
  .object({
    productId: z.uuid(),
    code: z.string(),
    name: z.string(),
    kana: z.string(),
    spec: z.string(),
    unit: z.string(),
    quantityPerCase: z.string().nullable(),
    quantityDecimals: z.number().int(),
    priceDecimals: z.number().int(),
    unitPrice1: z.string().nullable(),
    unitPrice2: z.string().nullable(),
    unitPrice3: z.string().nullable(),
    unitPrice4: z.string().nullable(),
    unitPrice5: z.string().nullable(),
    cost: z.string().nullable(),
    taxMode: z.enum(taxModeKeys),
    taxRateCode: z.string(),
    isStockManaged: z.boolean(),
    valuationMethod: z.enum(valuationKeys),
    janCode: z.string(),
    notes: z.string(),
    isActive: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Product' });

export type Product = z.infer<typeof productSchema>;

export const productIdParamsSchema = z.strictObject({ productId: z.uuid() });

export const PRODUCT_PAGE_SIZE_MAX = 200;
/** Counting stops here: beyond it the list says "1,000件以上" and the user narrows it. */
export const PRODUCT_COUNT_CAP = 1_000;

export const productListQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('コード前方一致・フリガナ前方一致・名称部分一致・JANコード完全一致'),
  active: z.enum(['true', 'false', 'all']).default('true'),
  sort: z.enum(['code', 'kana']).default('code'),
  cursor: z.string().max(400).optional().describe('前ページの nextCursor'),
  limit: z.coerce.number().int().min(1).max(PRODUCT_PAGE_SIZE_MAX).default(50),
});

export type ProductListQuery = z.infer<typeof productListQuerySchema>;

export const productListSchema = z
  .object({
    items: z.array(productSchema),
    nextCursor: z.string().nullable(),
    total: z
      .object({ count: z.number().int(), isCapped: z.boolean() })
      .nullable()
      .describe(`First page only; counting stops at ${PRODUCT_COUNT_CAP}`),
  })
  .meta({ id: 'ProductList' });

export type ProductList = z.infer<typeof productListSchema>;

export const productDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
});
