import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  pgPolicy,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { operatorPlane } from '../../modules/operators/operator.table';
import { tenants } from '../../modules/organization/tenant.table';
import { appSchema, tenantIdColumn, tenantIsolationPolicy } from '../db/tenant-table';

/**
 * Outgoing mail of one tenant, written in the same transaction as the change that causes it,
 * so rolled-back work sends nothing. The delivery job moves rows from queued to sent or failed.
 */
export const mailOutbox = appSchema
  .table(
    'mail_outbox',
    {
      tenantId: tenantIdColumn(),
      mailId: uuid('mail_id').notNull(),
      recipients: text('recipients').array().notNull(),
      subject: text('subject').notNull(),
      body: text('body').notNull(),
      /** What the mail is about, for the dev mailbox and support (e.g. password_reset). */
      kind: text('kind').notNull(),
      status: text('status', { enum: ['queued', 'sent', 'failed'] })
        .notNull()
        .default('queued'),
      /** smtp, or dev_mailbox when no SMTP server is configured in development. */
      transport: text('transport', { enum: ['smtp', 'dev_mailbox'] }),
      attempts: integer('attempts').notNull().default(0),
      nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
      lastError: text('last_error'),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      sentAt: timestamp('sent_at', { withTimezone: true }),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.mailId] }),
      index('mail_outbox_due_idx').on(t.tenantId, t.nextAttemptAt).where(sql`status = 'queued'`),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
      // メールログ (ADR 0019): the console reads delivery facts of every tenant's mail.
      pgPolicy('operator_mail_log', { for: 'select', using: operatorPlane }),
    ],
  )
  .enableRLS();

/**
 * One row per tenant: when its earliest queued mail is due (NULL: nothing queued). The delivery
 * job has no tenant context when it starts; this table, and only this one, may be read across
 * tenants through the transaction-local app.mail_delivery_scan setting. It holds no mail
 * content, so the cross-tenant view reveals nothing but "tenant X has mail due" (ADR 0007).
 */
export const mailQueueHeads = appSchema
  .table(
    'mail_queue_heads',
    {
      tenantId: tenantIdColumn().primaryKey(),
      nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    },
    // One row per tenant: the scan is a sequential read, and the catalog rule that indexes
    // lead with tenant_id would make an index on next_attempt_at useless anyway.
    (t) => [
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
      pgPolicy('mail_delivery_scan', {
        for: 'select',
        using: sql`current_setting('app.mail_delivery_scan', true) = 'on'`,
      }),
    ],
  )
  .enableRLS();
