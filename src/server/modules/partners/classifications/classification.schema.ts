import { z } from 'zod';

/** 分類 contracts (axes, items, assignments), shared by the API and the web screens. */
export const PARTNER_TYPES = ['customer', 'supplier'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
export const partnerTypeSchema = z.enum(PARTNER_TYPES);

/** The white paper's 分類1..n: a tenant keeps at most this many axes per partner type. */
export const MAX_AXES_PER_PARTNER_TYPE = 5;
/** Every new tenant starts with these axes (no items) for customers and for suppliers. */
export const DEFAULT_AXIS_NAMES = ['地域', '業種', 'ランク'] as const;

const axisName = z
  .string()
  .trim()
  .min(1, { error: '分類名を入力してください' })
  .max(20, { error: '分類名は20文字以内で入力してください' });

const itemCode = z
  .string()
  .trim()
  .min(1, { error: 'コードを入力してください' })
  .max(10, { error: 'コードは10文字以内で入力してください' })
  .regex(/^[A-Za-z0-9_\-.]+$/, { error: 'コードは半角英数字と - _ . で入力してください' });

const itemName = z
  .string()
  .trim()
  .min(1, { error: '項目名を入力してください' })
  .max(40, { error: '項目名は40文字以内で入力してください' });

const version = z.number().int().min(1);

export const axisCreateSchema = z.strictObject({ partnerType: partnerTypeSchema, name: axisName });
export const axisUpdateSchema = z.strictObject({ name: axisName, version });
export const itemInputSchema = z.strictObject({ code: itemCode, name: itemName });
export const itemUpdateSchema = itemInputSchema.extend({ version });

export type AxisCreate = z.infer<typeof axisCreateSchema>;
export type AxisUpdate = z.infer<typeof axisUpdateSchema>;
export type ItemInput = z.infer<typeof itemInputSchema>;
export type ItemUpdate = z.infer<typeof itemUpdateSchema>;

/** A new order: every axis (or item) of the list, each with the version the client read. */
export const axisOrderSchema = z.strictObject({
  partnerType: partnerTypeSchema,
  axes: z
    .array(z.strictObject({ axisId: z.uuid(), version }))
    .min(1)
    .max(MAX_AXES_PER_PARTNER_TYPE),
});
export const itemOrderSchema = z.strictObject({
  items: z
    .array(z.strictObject({ itemId: z.uuid(), version }))
    .min(1)
    .max(1000),
});
export type AxisOrder = z.infer<typeof axisOrderSchema>;
export type ItemOrder = z.infer<typeof itemOrderSchema>;

export const classificationItemSchema = z
  .object({
    itemId: z.uuid(),
    axisId: z.uuid(),
    code: z.string(),
    name: z.string(),
    sortOrder: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'ClassificationItem' });

export const classificationAxisSchema = z
  .object({
    axisId: z.uuid(),
    partnerType: partnerTypeSchema,
    name: z.string(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    items: z.array(classificationItemSchema),
  })
  .meta({ id: 'ClassificationAxis' });

export type ClassificationItem = z.infer<typeof classificationItemSchema>;
export type ClassificationAxis = z.infer<typeof classificationAxisSchema>;

export const classificationAxisListSchema = z
  .object({ axes: z.array(classificationAxisSchema) })
  .meta({ id: 'ClassificationAxisList' });

export const axisListQuerySchema = z.strictObject({ partnerType: partnerTypeSchema });
export const axisIdParamsSchema = z.strictObject({ axisId: z.uuid() });
export const itemIdParamsSchema = z.strictObject({ itemId: z.uuid() });

/**
 * What to do with the partners that use a deleted item: there is no default, so a delete of
 * an item in use without a choice is refused (classification_in_use, with the count).
 */
export const itemDeleteQuerySchema = z
  .strictObject({
    version: z.coerce.number().int().min(1),
    resolution: z.enum(['move', 'clear']).optional(),
    targetItemId: z.uuid().optional(),
  })
  .refine((q) => (q.resolution === 'move') === (q.targetItemId !== undefined), {
    path: ['targetItemId'],
    error: '移動先の項目を選んでください',
  });
/** An axis's assignments can only be cleared: an item of another axis means something else. */
export const axisDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1),
  resolution: z.enum(['clear']).optional(),
});
export type ItemDeleteQuery = z.infer<typeof itemDeleteQuerySchema>;

/**
 * A partner's classifications: at most one item per axis; an axis left out is unassigned.
 * The same shape on input and output, for customers and suppliers.
 */
export const classificationAssignmentsSchema = z
  .array(z.strictObject({ axisId: z.uuid(), itemId: z.uuid() }))
  .max(MAX_AXES_PER_PARTNER_TYPE)
  .refine((list) => new Set(list.map((a) => a.axisId)).size === list.length, {
    error: '同じ分類が2回指定されています',
  });
export type ClassificationAssignment = z.infer<typeof classificationAssignmentsSchema>[number];

/**
 * List filter: item ids, comma-separated (one per axis; AND across them). The same parameter
 * serves lists, bulk assignment "検索結果すべて" and, later, exports.
 */
export const classificationFilterParam = z
  .string()
  .trim()
  .max(5 * 37)
  .transform((text, ctx) => {
    const ids = text === '' ? [] : text.split(',');
    if (
      ids.length > MAX_AXES_PER_PARTNER_TYPE ||
      !ids.every((id) => z.uuid().safeParse(id).success)
    ) {
      ctx.addIssue({ code: 'custom', message: '分類の指定が正しくありません' });
      return z.NEVER;
    }
    return [...new Set(ids)];
  })
  .describe('分類項目ID (カンマ区切り、分類ごとに1つ、すべてに該当)');

/** A partner's classifications as the API returns them (in the order of their axes). */
export const assignedClassificationsSchema = z
  .array(z.object({ axisId: z.uuid(), itemId: z.uuid() }))
  .meta({ id: 'AssignedClassifications' });

/** One bulk assignment changes at most this many partners (one audit row each). */
export const BULK_ASSIGN_MAX = 10_000;
