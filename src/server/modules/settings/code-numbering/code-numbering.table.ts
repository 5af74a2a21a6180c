import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { NumberedMaster } from '../../../../domain/masters/code-numbering';
import {
  appSchema,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../../platform/db/tenant-table';
import { tenants } from '../../organization/tenant.table';

/**
 * 自動採番 per master kind (得意先/仕入先/商品): on or off and the code's 桁数. A kind without a
 * row is numbered by hand (the defaults in code-numbering.ts), so tenants need no seeding.
 */
export const codeNumberingSettings = appSchema
  .table(
    'code_numbering_settings',
    {
      tenantId: tenantIdColumn(),
      kind: text('kind').$type<NumberedMaster>().notNull(),
      isAuto: boolean('is_auto').notNull().default(false),
      width: integer('width').notNull().default(6),
      version: integer('version').notNull().default(1),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.kind] }),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      check('code_numbering_settings_width_check', sql`${t.width} BETWEEN 3 AND 15`),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
