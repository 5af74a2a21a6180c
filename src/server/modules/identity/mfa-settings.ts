import { eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { tenants } from '../organization/tenant.table';
import type { MfaSettings } from './mfa.schema';
import { tenantMfaRequirement } from './mfa-policy';

export async function getMfaSettings(tx: TenantTransaction): Promise<MfaSettings> {
  return { required: await tenantMfaRequirement(tx) };
}

/**
 * Takes effect at each user's next sign-in: those it now covers are sent to enrolment after
 * their password, as with the forced password change. Live sessions are left alone.
 */
export async function updateMfaSettings(
  tx: TenantTransaction,
  actor: ActorContext,
  input: MfaSettings,
): Promise<MfaSettings> {
  const before = await getMfaSettings(tx);
  if (before.required !== input.required) {
    await tx.db
      .update(tenants)
      .set({ mfaRequired: input.required })
      .where(eq(tenants.tenantId, tx.tenantId));
    await writeAudit(tx, actor, {
      event: 'settings.mfa_updated',
      targetType: 'tenant',
      targetId: tx.tenantId,
      before,
      after: input,
    });
  }
  return input;
}
