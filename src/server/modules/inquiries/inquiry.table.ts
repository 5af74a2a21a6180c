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
import { operatorPlane } from '../operators/operator.table';
import { tenants } from '../organization/tenant.table';

/**
 * 問い合わせ (ADR 0020): tenant tables, so the tenant's own policy, backups, export and purge
 * cover them like any other tenant row. A second policy opens them to the operator plane: an
 * inquiry is a conversation between the tenant and the provider, the one tenant-owned table the
 * operator must read across tenants (the open list) and write into (the answer).
 */
const operatorPlanePolicy = () =>
  pgPolicy('operator_plane', { for: 'all', using: operatorPlane, withCheck: operatorPlane });

export const inquiries = appSchema
  .table(
    'inquiries',
    {
      tenantId: tenantIdColumn(),
      inquiryId: uuid('inquiry_id').notNull(),
      subject: text('subject').notNull(),
      category: text('category', {
        enum: ['usage', 'billing', 'bug', 'account', 'other'],
      }).notNull(),
      status: text('status', { enum: ['open', 'answered', 'closed'] }).notNull(),
      createdBy: uuid('created_by').notNull(),
      createdByName: text('created_by_name').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.inquiryId] }),
      index('inquiries_status_idx').on(t.tenantId, t.status, t.updatedAt),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
      operatorPlanePolicy(),
    ],
  )
  .enableRLS();

export const inquiryMessages = appSchema
  .table(
    'inquiry_messages',
    {
      tenantId: tenantIdColumn(),
      messageId: uuid('message_id').notNull(),
      inquiryId: uuid('inquiry_id').notNull(),
      /** 'tenant': the asking side; 'operator': the provider's answer. */
      author: text('author', { enum: ['tenant', 'operator'] }).notNull(),
      authorName: text('author_name').notNull(),
      body: text('body').notNull(),
      postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.messageId] }),
      index('inquiry_messages_inquiry_idx').on(t.tenantId, t.inquiryId, t.postedAt),
      foreignKey({
        columns: [t.tenantId, t.inquiryId],
        foreignColumns: [inquiries.tenantId, inquiries.inquiryId],
      }).onDelete('cascade'),
      tenantIsolationPolicy(),
      operatorPlanePolicy(),
    ],
  )
  .enableRLS();
