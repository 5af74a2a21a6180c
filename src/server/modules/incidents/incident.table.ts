import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  pgPolicy,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { appSchema, currentTenantId } from '../../platform/db/tenant-table';
import { operatorPlane, operators } from '../operators/operator.table';

/**
 * 障害 (ADR 0020): platform tables of the operator plane. Declared incidents are public (the
 * status page reads them without any session), so incidents and their updates carry a second,
 * SELECT-only policy for declared rows; they hold no tenant name, code or count. Which tenants
 * are affected lives apart in incident_tenants, readable by the operator plane and, row by row,
 * by the affected tenant itself (its admins' banner).
 */
const operatorPlanePolicy = () =>
  pgPolicy('operator_plane', { for: 'all', using: operatorPlane, withCheck: operatorPlane });

export const incidents = appSchema
  .table(
    'incidents',
    {
      incidentId: uuid('incident_id').primaryKey(),
      title: text('title').notNull(),
      severity: text('severity', { enum: ['critical', 'major', 'minor'] }).notNull(),
      status: text('status', {
        enum: ['detected', 'investigating', 'identified', 'monitoring', 'resolved'],
      }).notNull(),
      allTenants: boolean('all_tenants').notNull().default(false),
      detectedAt: timestamp('detected_at', { withTimezone: true }).notNull(),
      declaredAt: timestamp('declared_at', { withTimezone: true }),
      resolvedAt: timestamp('resolved_at', { withTimezone: true }),
      publicMessage: text('public_message').notNull().default(''),
      createdBy: uuid('created_by').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      index('incidents_detected_idx').on(t.detectedAt),
      foreignKey({ columns: [t.createdBy], foreignColumns: [operators.operatorId] }),
      operatorPlanePolicy(),
      pgPolicy('public_declared', {
        for: 'select',
        using: sql`declared_at IS NOT NULL`,
      }),
    ],
  )
  .enableRLS();

/** Affected tenants of an incident that is not declared for all tenants. */
export const incidentTenants = appSchema
  .table(
    'incident_tenants',
    {
      incidentId: uuid('incident_id').notNull(),
      affectedTenantId: uuid('affected_tenant_id').notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.incidentId, t.affectedTenantId] }),
      index('incident_tenants_tenant_idx').on(t.affectedTenantId),
      foreignKey({ columns: [t.incidentId], foreignColumns: [incidents.incidentId] }).onDelete(
        'cascade',
      ),
      operatorPlanePolicy(),
      pgPolicy('affected_tenant', {
        for: 'select',
        using: sql`affected_tenant_id = ${currentTenantId}`,
      }),
    ],
  )
  .enableRLS();

/** Public updates (経過報告) of an incident, newest last. */
export const incidentUpdates = appSchema
  .table(
    'incident_updates',
    {
      updateId: uuid('update_id').primaryKey(),
      incidentId: uuid('incident_id').notNull(),
      status: text('status', {
        enum: ['investigating', 'identified', 'monitoring', 'resolved'],
      }).notNull(),
      message: text('message').notNull(),
      postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      index('incident_updates_incident_idx').on(t.incidentId, t.postedAt),
      foreignKey({ columns: [t.incidentId], foreignColumns: [incidents.incidentId] }).onDelete(
        'cascade',
      ),
      operatorPlanePolicy(),
      pgPolicy('public_declared', { for: 'select', using: sql`true` }),
    ],
  )
  .enableRLS();
