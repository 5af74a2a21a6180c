import { and, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import type { MfaStatus } from './mfa.schema';
import { mfaRequiredFor, tenantMfaRequirement } from './mfa-policy';
import { users } from './user.table';

export async function getMfaStatus(
  tx: TenantTransaction,
  principal: Principal,
): Promise<MfaStatus> {
  const [user] = await tx.db
    .select({ enabledAt: users.mfaEnabledAt, recoveryHashes: users.mfaRecoveryHashes })
    .from(users)
    .where(and(eq(users.tenantId, tx.tenantId), eq(users.userId, principal.userId)));
  if (!user) throw new AppError('unauthenticated');
  return {
    enabled: user.enabledAt !== null,
    enabledAt: user.enabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user.enabledAt ? user.recoveryHashes.length : 0,
    requiredByTenant: mfaRequiredFor(await tenantMfaRequirement(tx), principal.isOrgAdmin),
  };
}
