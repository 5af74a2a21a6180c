import { and, eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import { writeAudit } from '../../platform/audit/write-audit';
import { hashPassword, needsRehash, verifyPassword } from '../../platform/auth/passwords';
import type { ActorContext } from '../../platform/auth/principal';
import { createSessionToken, SESSION_ABSOLUTE_TIMEOUT_MS } from '../../platform/auth/session-token';
import { withTenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import { findTenantIdByCode } from '../organization/find-tenant-id-by-code';
import type { LoginRequest } from './identity.schema';
import { sessions } from './session.table';
import { users } from './user.table';

type RequestOrigin = Pick<ActorContext, 'ip' | 'userAgent' | 'requestId'>;

/**
 * 組織コード + ログインID + password → a new session. Unknown tenant, unknown user, disabled
 * user and wrong password give the same answer after the same argon2 work.
 */
export async function login(
  pool: pg.Pool,
  input: LoginRequest,
  origin: RequestOrigin,
): Promise<{ cookieValue: string }> {
  const tenantId = await findTenantIdByCode(pool, input.tenantCode);
  if (!tenantId) {
    await verifyPassword(undefined, input.password);
    throw new AppError('invalid_credentials');
  }
  const outcome = await withTenantTransaction(pool, tenantId, async (tx) => {
    const [user] = await tx.db
      .select({
        userId: users.userId,
        loginId: users.loginId,
        passwordHash: users.passwordHash,
        isActive: users.isActive,
        mustChangePassword: users.mustChangePassword,
        initialPasswordExpiresAt: users.initialPasswordExpiresAt,
        // The sign-in succeeds into the forced change (ADR 0010); the log says why.
        passwordExpired: sql<boolean>`EXISTS (SELECT 1 FROM app.tenant_settings ts
          WHERE ts.tenant_id = ${users.tenantId} AND ts.password_expiry_days > 0
            AND ${users.passwordChangedAt} + make_interval(days => ts.password_expiry_days) <= now())`,
      })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.loginId, input.loginId)));
    const passwordOk = await verifyPassword(user?.passwordHash, input.password);
    const actor: ActorContext = {
      ...origin,
      tenantId,
      userId: user?.userId ?? null,
      actorLabel: input.loginId,
    };
    // An initial password works once, within its 72 hours; after that only a reissue helps.
    const initialPasswordSpent =
      user?.mustChangePassword === true &&
      !(user.initialPasswordExpiresAt && user.initialPasswordExpiresAt.getTime() > Date.now());
    if (!user || !passwordOk || !user.isActive || initialPasswordSpent) {
      await writeAudit(tx, actor, {
        event: 'auth.login_failed',
        targetType: 'user',
        targetId: user?.userId ?? input.loginId,
        after: {
          reason: !user
            ? 'unknown_user'
            : !passwordOk
              ? 'wrong_password'
              : !user.isActive
                ? 'disabled'
                : 'initial_password_expired',
        },
      });
      return null;
    }
    const token = createSessionToken(tenantId);
    const sessionId = uuidv7();
    await tx.db.insert(sessions).values({
      tenantId,
      sessionId,
      tokenHash: token.tokenHash,
      userId: user.userId,
      expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_TIMEOUT_MS),
      ip: origin.ip,
      userAgent: origin.userAgent.slice(0, 512),
    });
    await tx.db
      .update(users)
      .set({
        lastLoginAt: sql`now()`,
        ...(user.mustChangePassword ? { initialPasswordExpiresAt: sql`now()` } : {}),
        ...(needsRehash(user.passwordHash)
          ? { passwordHash: await hashPassword(input.password) }
          : {}),
      })
      .where(and(eq(users.tenantId, tenantId), eq(users.userId, user.userId)));
    await writeAudit(tx, actor, {
      event: 'auth.login_succeeded',
      targetType: 'session',
      targetId: sessionId,
      ...(user.passwordExpired ? { after: { passwordExpired: true } } : {}),
    });
    return { cookieValue: token.cookieValue };
  });
  if (!outcome) throw new AppError('invalid_credentials');
  return outcome;
}
