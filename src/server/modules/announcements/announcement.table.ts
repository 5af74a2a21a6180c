import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  pgPolicy,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { appSchema, tenantIdColumn, tenantIsolationPolicy } from '../../platform/db/tenant-table';
import { users } from '../identity/user.table';
import { operatorPlane, operators } from '../operators/operator.table';

/**
 * お知らせ: release notes written by operators for every tenant (ADR 0019). A platform table
 * (catalog-lint globalTables): the operator plane reads and writes every row; any other
 * transaction sees only rows whose publication time has come, so a draft or a note scheduled
 * for later cannot leak through a tenant request even if a query forgets its WHERE.
 */
export const announcements = appSchema
  .table(
    'announcements',
    {
      announcementId: uuid('announcement_id').primaryKey(),
      title: text('title').notNull(),
      /** Markdown; rendered without raw HTML on both sides. */
      body: text('body').notNull(),
      /** Null: draft. In the future: scheduled, invisible to tenants until then. */
      publishedAt: timestamp('published_at', { withTimezone: true }),
      operatorId: uuid('operator_id').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      index('announcements_published_idx').on(t.publishedAt),
      foreignKey({ columns: [t.operatorId], foreignColumns: [operators.operatorId] }),
      pgPolicy('operator_plane', { for: 'all', using: operatorPlane, withCheck: operatorPlane }),
      pgPolicy('announcements_published', {
        for: 'select',
        using: sql`${t.publishedAt} <= now()`,
      }),
    ],
  )
  .enableRLS();

/**
 * Which user has read which announcement: a tenant table, so 「NEW!」 is per user and the rows
 * go with the tenant's purge. No foreign key to announcements: a tenant table's constraints
 * must lead with tenant_id, and the operator plane cannot delete other tenants' rows anyway;
 * a mark of a deleted announcement simply never joins again.
 */
export const announcementReads = appSchema
  .table(
    'announcement_reads',
    {
      tenantId: tenantIdColumn(),
      userId: uuid('user_id').notNull(),
      announcementId: uuid('announcement_id').notNull(),
      readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.userId, t.announcementId] }),
      foreignKey({
        columns: [t.tenantId, t.userId],
        foreignColumns: [users.tenantId, users.userId],
      }).onDelete('cascade'),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
