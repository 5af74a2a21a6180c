import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  appSchema,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../../platform/db/tenant-table';
import { tenants } from '../../organization/tenant.table';
import { customers } from '../customers/customer.table';
import { suppliers } from '../suppliers/supplier.table';
import { PARTNER_TYPES } from './classification.schema';

/** 分類軸 (e.g. 地域, 業種, ランク): up to five per partner type, each with its own items. */
export const classificationAxes = appSchema
  .table(
    'classification_axes',
    {
      tenantId: tenantIdColumn(),
      axisId: uuid('axis_id').notNull(),
      partnerType: text('partner_type', { enum: PARTNER_TYPES }).notNull(),
      name: text('name').notNull(),
      sortOrder: integer('sort_order').notNull(),
      version: integer('version').notNull().default(1),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.axisId] }),
      // Target of the assignment tables' FK: an axis of the other partner type cannot match.
      unique('classification_axes_type_key').on(t.tenantId, t.axisId, t.partnerType),
      unique('classification_axes_name_key').on(t.tenantId, t.partnerType, t.name),
      check(
        'classification_axes_partner_type_check',
        sql`${t.partnerType} IN ('customer', 'supplier')`,
      ),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();

/** 分類項目: the values of one axis (地域 → 関東, 関西 …). */
export const classificationItems = appSchema
  .table(
    'classification_items',
    {
      tenantId: tenantIdColumn(),
      itemId: uuid('item_id').notNull(),
      axisId: uuid('axis_id').notNull(),
      code: text('code').notNull(),
      name: text('name').notNull(),
      sortOrder: integer('sort_order').notNull(),
      version: integer('version').notNull().default(1),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.itemId] }),
      // Target of the assignment tables' FK: an item is only ever assigned under its own axis.
      unique('classification_items_axis_item_key').on(t.tenantId, t.axisId, t.itemId),
      unique('classification_items_code_key').on(t.tenantId, t.axisId, t.code),
      foreignKey({
        name: 'classification_items_axis_fk',
        columns: [t.tenantId, t.axisId],
        foreignColumns: [classificationAxes.tenantId, classificationAxes.axisId],
      }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();

/**
 * One assignment table per partner type, all of the same shape, so the assignment code is
 * written once (classification-assignments.ts). `partner_type` is a constant column: with the
 * FK on (axis_id, partner_type) the database itself refuses a supplier axis on a customer.
 * The primary key allows one item per axis and partner.
 */
function partnerClassificationTable<Type extends (typeof PARTNER_TYPES)[number]>(
  name: string,
  partnerType: Type,
  partnerIdColumn: string,
  partnerKey: () => [AnyPgColumn, AnyPgColumn],
) {
  return appSchema
    .table(
      name,
      {
        tenantId: tenantIdColumn(),
        partnerId: uuid(partnerIdColumn).notNull(),
        axisId: uuid('axis_id').notNull(),
        itemId: uuid('item_id').notNull(),
        partnerType: text('partner_type', { enum: [partnerType] })
          .notNull()
          .default(partnerType),
      },
      (t) => [
        primaryKey({ columns: [t.tenantId, t.partnerId, t.axisId] }),
        // Filtering the partner list by item (AND across axes) probes this per item.
        index(`${name}_item_idx`).on(t.tenantId, t.itemId, t.partnerId),
        check(`${name}_partner_type_check`, sql`${t.partnerType} = '${sql.raw(partnerType)}'`),
        foreignKey({
          name: `${name}_partner_fk`,
          columns: [t.tenantId, t.partnerId],
          foreignColumns: partnerKey(),
        }),
        foreignKey({
          name: `${name}_item_fk`,
          columns: [t.tenantId, t.axisId, t.itemId],
          foreignColumns: [
            classificationItems.tenantId,
            classificationItems.axisId,
            classificationItems.itemId,
          ],
        }),
        foreignKey({
          name: `${name}_axis_fk`,
          columns: [t.tenantId, t.axisId, t.partnerType],
          foreignColumns: [
            classificationAxes.tenantId,
            classificationAxes.axisId,
            classificationAxes.partnerType,
          ],
        }),
        tenantIsolationPolicy(),
      ],
    )
    .enableRLS();
}

export const customerClassifications = partnerClassificationTable(
  'customer_classifications',
  'customer',
  'customer_id',
  () => [customers.tenantId, customers.customerId],
);

export const supplierClassifications = partnerClassificationTable(
  'supplier_classifications',
  'supplier',
  'supplier_id',
  () => [suppliers.tenantId, suppliers.supplierId],
);

export type PartnerClassificationTable = ReturnType<typeof partnerClassificationTable>;
