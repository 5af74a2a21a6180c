import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgPolicy,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { appSchema, bytea, byteOrderedText } from '../../platform/db/tenant-table';

/**
 * Operator-plane tables: no tenant_id, so they are listed in catalog-lint's globalTables. RLS
 * still hides every row unless the transaction has said it is the operator plane
 * (`app.operator_plane`), which only the /api/ops request path and the ops CLI do: a tenant
 * request's transaction sees no operator, session or grant (ADR 0016).
 */
export const operatorPlane = sql`current_setting('app.operator_plane', true) = 'on'`;

const operatorPlanePolicy = () =>
  pgPolicy('operator_plane', { for: 'all', using: operatorPlane, withCheck: operatorPlane });

/** 運用者: the provider's staff. Never a tenant user; MFA is mandatory (enrolled at first sign-in). */
export const operators = appSchema
  .table(
    'operators',
    {
      operatorId: uuid('operator_id').primaryKey(),
      loginId: byteOrderedText('login_id').notNull().unique('operators_login_id_key'),
      name: text('name').notNull(),
      passwordHash: text('password_hash').notNull(),
      isActive: boolean('is_active').notNull().default(true),
      /** A generated initial password (CLI): the console allows nothing but changing it. */
      mustChangePassword: boolean('must_change_password').notNull().default(false),
      /** AES-GCM sealed TOTP secret (MFA_ENCRYPTION_KEY), bound to the operator id. */
      mfaSecret: text('mfa_secret'),
      mfaPendingSecret: text('mfa_pending_secret'),
      mfaLastStep: integer('mfa_last_step'),
      /** Keyed digests of the unused recovery codes (platform/auth/recovery-codes). */
      mfaRecoveryHashes: text('mfa_recovery_hashes').array().notNull().default(sql`'{}'`),
      mfaEnabledAt: timestamp('mfa_enabled_at', { withTimezone: true }),
      lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    () => [operatorPlanePolicy()],
  )
  .enableRLS();

/** Console sessions; only the SHA-256 of the cookie secret is stored, as for tenant sessions. */
export const operatorSessions = appSchema
  .table(
    'operator_sessions',
    {
      sessionId: uuid('session_id').primaryKey(),
      operatorId: uuid('operator_id').notNull(),
      tokenHash: bytea('token_hash').notNull(),
      /** 'mfa': code awaited; 'mfa_enrol': first sign-in, TOTP must be set up; 'full': signed in. */
      stage: text('stage', { enum: ['full', 'mfa', 'mfa_enrol'] }).notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      revokedAt: timestamp('revoked_at', { withTimezone: true }),
      ip: text('ip'),
      userAgent: text('user_agent'),
    },
    (t) => [
      unique('operator_sessions_token_hash_key').on(t.tokenHash),
      foreignKey({ columns: [t.operatorId], foreignColumns: [operators.operatorId] }).onDelete(
        'cascade',
      ),
      operatorPlanePolicy(),
    ],
  )
  .enableRLS();

/** Failed operator sign-ins per login ID and per IP; same policy as tenant sign-in. */
export const operatorLoginThrottles = appSchema
  .table(
    'operator_login_throttles',
    {
      scope: text('scope', { enum: ['account', 'ip'] }).notNull(),
      subject: text('subject').notNull(),
      failures: integer('failures').notNull(),
      lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
      lockedUntil: timestamp('locked_until', { withTimezone: true }),
    },
    (t) => [primaryKey({ columns: [t.scope, t.subject] }), operatorPlanePolicy()],
  )
  .enableRLS();

/**
 * Operator audit log: append-only (the runtime role has no UPDATE/DELETE on it). A tenant an
 * action concerns is named in target_tenant_id, not tenant_id: the row belongs to the
 * operator plane and survives the tenant's purge.
 */
export const operatorAuditLog = appSchema
  .table(
    'operator_audit_log',
    {
      seq: bigserial('seq', { mode: 'number' }).primaryKey(),
      occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
      operatorId: uuid('operator_id'),
      actorLabel: text('actor_label').notNull(),
      event: text('event').notNull(),
      targetType: text('target_type'),
      targetId: text('target_id'),
      targetTenantId: uuid('target_tenant_id'),
      ip: text('ip').notNull(),
      userAgent: text('user_agent').notNull(),
      requestId: text('request_id').notNull(),
      detail: jsonb('detail'),
    },
    (t) => [
      index('operator_audit_log_tenant_idx').on(t.targetTenantId, t.seq),
      // The console's filters page through one operator's or one action's entries.
      index('operator_audit_log_operator_idx').on(t.operatorId, t.seq),
      index('operator_audit_log_event_idx').on(t.event, t.seq),
      operatorPlanePolicy(),
    ],
  )
  .enableRLS();

/**
 * Break-glass: one operator's time-limited, reasoned access to one tenant. Recorded here for
 * the console and, in the same transaction, in the tenant's own audit log.
 */
export const breakGlassGrants = appSchema
  .table(
    'break_glass_grants',
    {
      grantId: uuid('grant_id').primaryKey(),
      targetTenantId: uuid('target_tenant_id').notNull(),
      operatorId: uuid('operator_id').notNull(),
      reason: text('reason').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    },
    (t) => [
      index('break_glass_grants_tenant_idx').on(t.targetTenantId, t.expiresAt),
      foreignKey({ columns: [t.operatorId], foreignColumns: [operators.operatorId] }),
      operatorPlanePolicy(),
    ],
  )
  .enableRLS();
