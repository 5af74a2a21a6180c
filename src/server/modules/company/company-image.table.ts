import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import {
  appSchema,
  bytea,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../platform/db/tenant-table';
import { tenants } from '../organization/tenant.table';

/**
 * 自社ロゴ and 角印: the checked bytes of each image (≤ 1 MB), kept in the database so backups,
 * tenant export and RLS cover them like any other tenant data (ADR 0015).
 */
export const companyImages = appSchema
  .table(
    'company_images',
    {
      tenantId: tenantIdColumn(),
      kind: text('kind').notNull(),
      contentType: text('content_type').notNull(),
      width: integer('width').notNull(),
      height: integer('height').notNull(),
      byteSize: integer('byte_size').notNull(),
      /** SHA-256 of the bytes, hex: the ETag, and what the audit log records instead of them. */
      sha256: text('sha256').notNull(),
      content: bytea('content').notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.kind] }),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      check('company_images_kind_check', sql`${t.kind} IN ('logo', 'seal')`),
      check(
        'company_images_content_type_check',
        sql`${t.contentType} IN ('image/png', 'image/jpeg')`,
      ),
      check('company_images_size_check', sql`${t.byteSize} BETWEEN 1 AND 1048576`),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
