import { and, desc, eq, lt } from 'drizzle-orm';
import { allPermissions } from '../../../domain/access/permissions';
import type { PurgePolicy } from '../../../domain/lifecycle/purge-policy';
import { type Principal, sessionIdOf } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { contractLifecycleOf } from '../lifecycle/contract-lifecycle';
import { tenants } from '../organization/tenant.table';
import type { Me } from './identity.schema';
import { sessions } from './session.table';

export async function getMe(
  tx: TenantTransaction,
  principal: Principal,
  dataRegion: string,
  purgePolicy: PurgePolicy,
): Promise<Me> {
  const [row] = await tx.db
    .select({
      code: tenants.code,
      tenantName: tenants.name,
      status: tenants.status,
      plan: tenants.plan,
      trialEndsAt: tenants.trialEndsAt,
      contractEndedAt: tenants.contractEndedAt,
    })
    .from(tenants)
    .where(eq(tenants.tenantId, tx.tenantId));
  if (!row) throw new Error('signed-in tenant vanished inside its own transaction');
  const [previous] = await tx.db
    .select({ at: sessions.createdAt, ip: sessions.ip })
    .from(sessions)
    .where(
      and(
        eq(sessions.tenantId, tx.tenantId),
        eq(sessions.userId, principal.userId),
        // A sign-in that stopped at the TOTP step (or this sign-in's own first step) is not one.
        eq(sessions.stage, 'full'),
        // Session ids are UUIDv7, so a smaller id is an earlier sign-in.
        lt(sessions.sessionId, sessionIdOf(principal)),
      ),
    )
    .orderBy(desc(sessions.createdAt))
    .limit(1);
  return {
    tenant: {
      code: row.code,
      name: row.tenantName,
      dataRegion,
      contract: contractLifecycleOf(row, new Date(), purgePolicy),
      status: row.status,
      trialEndsAt: row.trialEndsAt?.toISOString() ?? null,
      trialDaysLeft:
        row.status === 'trial' && row.trialEndsAt
          ? Math.max(0, Math.ceil((row.trialEndsAt.getTime() - Date.now()) / 86_400_000))
          : null,
    },
    user: {
      userId: principal.userId,
      loginId: principal.loginId,
      name: principal.name,
      isOrgAdmin: principal.isOrgAdmin,
      mustChangePassword: principal.mustChangePassword,
      passwordExpired: principal.passwordChangeReason === 'expired',
      passwordExpiresInDays: principal.passwordExpiresInDays,
      mfaEnabled: principal.mfaEnabled,
    },
    sessionStage: principal.sessionStage,
    previousLogin: previous ? { at: previous.at.toISOString(), ip: previous.ip ?? '' } : null,
    permissions: principal.isOrgAdmin ? [...allPermissions] : [...principal.permissions],
  };
}
