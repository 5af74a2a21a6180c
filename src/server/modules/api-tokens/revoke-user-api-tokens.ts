import { and, eq, sql } from 'drizzle-orm';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { apiTokens } from './api-token.table';

/**
 * Disabling a user kills their tokens for good: re-enabling the account later must not bring
 * old integrations back to life. Returns how many were still live.
 */
export async function revokeUserApiTokens(tx: TenantTransaction, userId: string): Promise<number> {
  const revoked = await tx.db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.tenantId, tx.tenantId),
        eq(apiTokens.userId, userId),
        sql`${apiTokens.revokedAt} IS NULL`,
      ),
    )
    .returning({ tokenId: apiTokens.tokenId });
  return revoked.length;
}
