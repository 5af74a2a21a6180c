import { eq, sql } from 'drizzle-orm';
import { auditDiff } from '../../platform/audit/audit-diff';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import type { CompanyProfile, CompanyProfileUpdate } from './company-profile.schema';
import { companyProfiles } from './company-profile.table';
import { emptyProfileFields, profileFields, toCompanyProfile } from './company-profile-row';
import { findProfileRow } from './get-company-profile';

/**
 * Saves 自社情報 with optimistic locking. Version 0 creates the row: two first saves racing
 * each other meet on the primary key, and the loser gets the same conflict as a stale edit.
 * A registration number that fails only its check digit is saved; the answer carries the warning.
 */
export async function updateCompanyProfile(
  tx: TenantTransaction,
  actor: ActorContext,
  { version, ...input }: CompanyProfileUpdate,
): Promise<CompanyProfile> {
  const current = await findProfileRow(tx, { forUpdate: true });
  if ((current?.version ?? 0) !== version) throw new AppError('version_conflict');
  const [saved] = current
    ? await tx.db
        .update(companyProfiles)
        .set({ ...input, version: version + 1, updatedAt: sql`now()` })
        .where(eq(companyProfiles.tenantId, tx.tenantId))
        .returning()
    : await tx.db
        .insert(companyProfiles)
        .values({ tenantId: tx.tenantId, ...input })
        .onConflictDoNothing()
        .returning();
  if (!saved) throw new AppError('version_conflict');
  await writeAudit(tx, actor, {
    event: 'company.profile_updated',
    targetType: 'company_profile',
    targetId: tx.tenantId,
    ...auditDiff(current ? profileFields(current) : emptyProfileFields, profileFields(saved)),
  });
  return toCompanyProfile(tx, saved);
}
