import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { users } from '../identity/user.table';
import type { ApiToken } from './api-token.schema';
import { apiTokens } from './api-token.table';

/** Live (not revoked) tokens with their owners, newest first; expired ones stay listed. */
export async function selectApiTokens(tx: TenantTransaction, where?: SQL): Promise<ApiToken[]> {
  const rows = await tx.db
    .select({ token: apiTokens, loginId: users.loginId, ownerName: users.name })
    .from(apiTokens)
    .innerJoin(
      users,
      and(eq(users.tenantId, apiTokens.tenantId), eq(users.userId, apiTokens.userId)),
    )
    .where(and(eq(apiTokens.tenantId, tx.tenantId), sql`${apiTokens.revokedAt} IS NULL`, where))
    .orderBy(desc(apiTokens.createdAt), asc(apiTokens.tokenId));
  return rows.map(({ token, loginId, ownerName }) => ({
    tokenId: token.tokenId,
    name: token.name,
    scope: token.scope,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    owner: { userId: token.userId, loginId, name: ownerName },
  }));
}
