import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { apiTokens } from './api-token.table';

/**
 * Revokes a live token: the owner's own (`ownerUserId` given) or, for an admin, any of the
 * tenant's. Someone else's or an already revoked token is simply not found.
 */
export async function revokeApiToken(
  tx: TenantTransaction,
  actor: ActorContext,
  tokenId: string,
  ownerUserId: string | null,
): Promise<void> {
  const [revoked] = await tx.db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.tenantId, tx.tenantId),
        eq(apiTokens.tokenId, tokenId),
        sql`${apiTokens.revokedAt} IS NULL`,
        ownerUserId ? eq(apiTokens.userId, ownerUserId) : undefined,
      ),
    )
    .returning({ name: apiTokens.name, userId: apiTokens.userId });
  if (!revoked) throw new AppError('not_found');
  await writeAudit(tx, actor, {
    event: 'api_token.revoked',
    targetType: 'api_token',
    targetId: tokenId,
    before: { name: revoked.name, ownerUserId: revoked.userId },
    after: { byAdmin: ownerUserId === null },
  });
}
