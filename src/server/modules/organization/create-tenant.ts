import type pg from 'pg';
import { allPermissions, type Permission } from '../../../domain/access/permissions';
import { writeAudit } from '../../platform/audit/write-audit';
import { hashPassword } from '../../platform/auth/passwords';
import type { ActorContext } from '../../platform/auth/principal';
import {
  type TenantTransaction,
  withTenantTransaction,
} from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { permissionGroups } from '../identity/permission-group.table';
import { users } from '../identity/user.table';
import { DEFAULT_UNITS } from '../masters/units/unit.schema';
import { insertDefaultUnits } from '../masters/units/unit-operations';
import { insertDefaultAxes } from '../partners/classifications/axis-operations';
import { DEFAULT_AXIS_NAMES } from '../partners/classifications/classification.schema';
import { tenantSettings } from '../settings/tenant-settings.table';
import { tenants } from './tenant.table';

export interface NewTenant {
  code: string;
  name: string;
  seatLimit?: number;
  /** Contract fields (operator console, trial sign-up); defaults make a plain trial tenant. */
  status?: 'trial' | 'active';
  plan?: string;
  trialEndsAt?: Date | null;
  contactEmail?: string;
  admin: {
    loginId: string;
    name: string;
    password: string;
    email?: string;
    /** An initial password: single use within its expiry, to be changed at first sign-in. */
    initialPasswordExpiresAt?: Date;
  };
}

/** Groups every new tenant starts with; admins adapt them later (アクセス権限グループ). */
const starterGroups: { name: string; permissions: readonly Permission[] }[] = [
  {
    name: '一般',
    permissions: allPermissions.filter((p) => !p.startsWith('settings:') && !p.endsWith(':delete')),
  },
  { name: '参照のみ', permissions: allPermissions.filter((p) => p.endsWith(':view')) },
];

/** Creates a tenant with its first 組織管理者, who must exist for anyone to sign in at all. */
export async function createTenant(
  pool: pg.Pool,
  input: NewTenant,
  origin: Pick<ActorContext, 'ip' | 'userAgent' | 'requestId' | 'actorLabel'>,
): Promise<{ tenantId: string; adminUserId: string }> {
  const tenantId = uuidv7();
  const passwordHash = await hashPassword(input.admin.password);
  const adminUserId = await withTenantTransaction(pool, tenantId, (tx) =>
    insertTenant(tx, input, passwordHash, origin),
  );
  return { tenantId, adminUserId };
}

/**
 * The tenant's rows in the caller's transaction, whose tenant context must already be the new
 * tenant's id (tx.tenantId): the operator console creates it inside its own transaction.
 */
export async function insertTenant(
  tx: TenantTransaction,
  input: NewTenant,
  passwordHash: string,
  origin: Pick<ActorContext, 'ip' | 'userAgent' | 'requestId' | 'actorLabel'>,
): Promise<string> {
  const tenantId = tx.tenantId;
  const adminUserId = uuidv7();
  {
    const actor: ActorContext = { ...origin, tenantId, userId: null };
    await tx.db.insert(tenants).values({
      tenantId,
      code: input.code,
      name: input.name,
      seatLimit: input.seatLimit ?? 5,
      status: input.status ?? 'trial',
      plan: input.plan ?? 'trial',
      trialEndsAt: input.trialEndsAt ?? null,
      contactEmail: input.contactEmail ?? '',
    });
    // Every tenant has exactly one settings row; authentication joins it on each request.
    await tx.db.insert(tenantSettings).values({ tenantId });
    await writeAudit(tx, actor, {
      event: 'tenant.created',
      targetType: 'tenant',
      targetId: tenantId,
      after: {
        code: input.code,
        name: input.name,
        status: input.status ?? 'trial',
        plan: input.plan ?? 'trial',
        seatLimit: input.seatLimit ?? 5,
        ...(input.trialEndsAt ? { trialEndsAt: input.trialEndsAt.toISOString() } : {}),
      },
    });
    await insertDefaultUnits(tx);
    await writeAudit(tx, actor, {
      event: 'unit.created',
      targetType: 'unit',
      targetId: 'defaults',
      after: { names: DEFAULT_UNITS },
    });
    await insertDefaultAxes(tx);
    await writeAudit(tx, actor, {
      event: 'classification_axis.created',
      targetType: 'classification_axis',
      targetId: 'defaults',
      after: { customer: DEFAULT_AXIS_NAMES, supplier: DEFAULT_AXIS_NAMES },
    });
    for (const group of starterGroups) {
      const groupId = uuidv7();
      await tx.db.insert(permissionGroups).values({
        tenantId,
        groupId,
        name: group.name,
        permissions: [...group.permissions],
      });
      await writeAudit(tx, actor, {
        event: 'permission_group.created',
        targetType: 'permission_group',
        targetId: groupId,
        after: { name: group.name, permissions: group.permissions },
      });
    }
    await tx.db.insert(users).values({
      tenantId,
      userId: adminUserId,
      loginId: input.admin.loginId,
      name: input.admin.name,
      passwordHash,
      isOrgAdmin: true,
      email: input.admin.email ?? '',
      ...(input.admin.initialPasswordExpiresAt
        ? {
            mustChangePassword: true,
            initialPasswordExpiresAt: input.admin.initialPasswordExpiresAt,
          }
        : {}),
    });
    await writeAudit(tx, actor, {
      event: 'user.created',
      targetType: 'user',
      targetId: adminUserId,
      after: { loginId: input.admin.loginId, name: input.admin.name, isOrgAdmin: true },
    });
  }
  return adminUserId;
}
