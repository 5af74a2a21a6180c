import { eq } from 'drizzle-orm';
import { allPermissions, can, type Permission } from '../../../domain/access/permissions';
import { writeAudit } from '../../platform/audit/write-audit';
import { createApiToken as mintToken } from '../../platform/auth/api-token';
import type { ActorContext, Principal } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import type { ApiTokenCreate, CreatedApiToken } from './api-token.schema';
import { apiTokens } from './api-token.table';
import { selectApiTokens } from './api-token-row';

/**
 * Issues a personal API token whose scope is a subset of what the user may do now (asking for
 * more is refused, not trimmed, so the user knows what they got). The secret is returned once.
 */
export async function createApiToken(
  tx: TenantTransaction,
  principal: Principal,
  actor: ActorContext,
  input: ApiTokenCreate,
): Promise<CreatedApiToken> {
  const scope = allPermissions.filter((p) => input.scope.includes(p));
  const beyond = scope.filter((p: Permission) => !can(principal, p));
  if (beyond.length > 0) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'scope',
          message: `ご自身の権限にない操作は許可できません (${beyond.join(', ')})`,
        },
      ],
    });
  }
  const tokenId = uuidv7();
  const minted = mintToken(tx.tenantId);
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  await tx.db.insert(apiTokens).values({
    tenantId: tx.tenantId,
    tokenId,
    userId: principal.userId,
    name: input.name,
    tokenHash: minted.tokenHash,
    scope: [...scope],
    expiresAt,
  });
  await writeAudit(tx, actor, {
    event: 'api_token.created',
    targetType: 'api_token',
    targetId: tokenId,
    after: { name: input.name, scope, expiresAt },
  });
  const [apiToken] = await selectApiTokens(tx, eq(apiTokens.tokenId, tokenId));
  if (!apiToken) throw new Error('token vanished inside its own transaction');
  return { apiToken, token: minted.token };
}
