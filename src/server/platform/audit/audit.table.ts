import {
  bigint,
  foreignKey,
  index,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../modules/organization/tenant.table';
import { appSchema, bytea, tenantIdColumn, tenantIsolationPolicy } from '../db/tenant-table';

/**
 * 監査ログ: append-only, one hash chain per tenant. Rows are written only through
 * app.append_audit() (see the audit migration), which serialises on the tenant's chain head;
 * the runtime role may insert and read but never update or delete.
 */
export const auditLog = appSchema
  .table(
    'audit_log',
    {
      tenantId: tenantIdColumn(),
      seq: bigint('seq', { mode: 'number' }).notNull(),
      occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
      actorUserId: uuid('actor_user_id'),
      actorLabel: text('actor_label'),
      event: text('event').notNull(),
      targetType: text('target_type'),
      targetId: text('target_id'),
      ip: text('ip'),
      userAgent: text('user_agent'),
      requestId: text('request_id'),
      before: jsonb('before'),
      after: jsonb('after'),
      prevHash: bytea('prev_hash').notNull(),
      hash: bytea('hash').notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.seq] }),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      // The 操作ログ screen filters by period, user or event and pages newest first.
      index('audit_log_occurred_at_idx').on(t.tenantId, t.occurredAt),
      index('audit_log_actor_idx').on(t.tenantId, t.actorUserId, t.seq),
      index('audit_log_event_idx').on(t.tenantId, t.event, t.seq),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();

export const auditChainHeads = appSchema
  .table(
    'audit_chain_heads',
    {
      tenantId: tenantIdColumn().primaryKey(),
      lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
      lastHash: bytea('last_hash').notNull(),
    },
    (t) => [
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
