import { and, eq, gt, sql } from 'drizzle-orm';
import type pg from 'pg';
import { writeAudit } from '../../platform/audit/write-audit';
import { hashPassword, needsRehash, verifyPassword } from '../../platform/auth/passwords';
import type { ActorContext } from '../../platform/auth/principal';
import { withTenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { findTenantIdByCode } from '../organization/find-tenant-id-by-code';
import type { LoginRequest } from './identity.schema';
import { checkThrottle, clearAccountThrottle, recordFailure } from './login-throttle';
import { mfaRequiredFor, tenantMfaRequirement } from './mfa-policy';
import { sessions } from './session.table';
import { type SessionStage, startSession } from './start-session';
import { recordUnknownTenantFailure, unknownTenantRetryAfter } from './unknown-tenant-throttle';
import { users } from './user.table';

type RequestOrigin = Pick<ActorContext, 'ip' | 'userAgent' | 'requestId'>;

/** An address the user completed a sign-in from this recently counts as theirs (ADR 0009). */
const KNOWN_ADDRESS_DAYS = 30;

/**
 * 組織コード + ログインID + password → a new session: a full one, or one that may only give
 * the TOTP code ('mfa') or enrol ('mfa_enrol'). Unknown tenant, unknown user, disabled user
 * and wrong password give the same answer after the same argon2 work; a throttled attempt
 * answers 429 without checking the password, equally for existing and unknown login IDs.
 */
export async function login(
  pool: pg.Pool,
  input: LoginRequest,
  origin: RequestOrigin,
): Promise<{ cookieValue: string; stage: SessionStage }> {
  const started = performance.now();
  try {
    return await signIn(pool, input, origin);
  } catch (error) {
    // Every refusal takes at least this long, so an unknown 組織コード (no database work)
    // cannot be told from a known one by the time the answer takes.
    const remaining = FAILED_SIGN_IN_FLOOR_MS - (performance.now() - started);
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
    throw error;
  }
}

const FAILED_SIGN_IN_FLOOR_MS = 150;

async function signIn(
  pool: pg.Pool,
  input: LoginRequest,
  origin: RequestOrigin,
): Promise<{ cookieValue: string; stage: SessionStage }> {
  const tenantId = await findTenantIdByCode(pool, input.tenantCode);
  if (!tenantId) {
    const wait = unknownTenantRetryAfter(input.tenantCode, input.loginId, origin.ip);
    if (wait > 0) throw new AppError('login_throttled', { retryAfterSeconds: wait });
    await verifyPassword(undefined, input.password);
    recordUnknownTenantFailure(input.tenantCode, input.loginId, origin.ip);
    throw new AppError('invalid_credentials');
  }
  const outcome = await withTenantTransaction(pool, tenantId, async (tx) => {
    const [user] = await tx.db
      .select({
        userId: users.userId,
        passwordHash: users.passwordHash,
        isActive: users.isActive,
        isOrgAdmin: users.isOrgAdmin,
        mustChangePassword: users.mustChangePassword,
        initialPasswordExpiresAt: users.initialPasswordExpiresAt,
        // The sign-in succeeds into the forced change (ADR 0010); the log says why.
        passwordExpired: sql<boolean>`EXISTS (SELECT 1 FROM app.tenant_settings ts
          WHERE ts.tenant_id = ${users.tenantId} AND ts.password_expiry_days > 0
            AND ${users.passwordChangedAt} + make_interval(days => ts.password_expiry_days) <= now())`,
        mfaEnabledAt: users.mfaEnabledAt,
      })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.loginId, input.loginId)));
    const actor: ActorContext = {
      ...origin,
      tenantId,
      userId: user?.userId ?? null,
      actorLabel: input.loginId,
    };
    const subjects = { loginId: input.loginId, ip: origin.ip };
    const verdict = await checkThrottle(tx, subjects, {
      ignoreAccount: user ? await signedInFromHereBefore(tx, user.userId, origin.ip) : false,
    });
    if (verdict.retryAfterSeconds > 0) {
      await writeAudit(tx, actor, {
        event: 'auth.login_failed',
        targetType: 'user',
        targetId: user?.userId ?? input.loginId,
        after: { reason: 'throttled', scope: verdict.scope },
      });
      return { throttled: verdict.retryAfterSeconds } as const;
    }
    const passwordOk = await verifyPassword(user?.passwordHash, input.password);
    // An initial password works once, within its 72 hours; after that only a reissue helps.
    const initialPasswordSpent =
      user?.mustChangePassword === true &&
      !(user.initialPasswordExpiresAt && user.initialPasswordExpiresAt.getTime() > Date.now());
    if (!user || !passwordOk || !user.isActive || initialPasswordSpent) {
      await recordFailure(tx, actor, subjects);
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
    const stage: SessionStage = user.mfaEnabledAt
      ? 'mfa'
      : mfaRequiredFor(await tenantMfaRequirement(tx), user.isOrgAdmin)
        ? 'mfa_enrol'
        : 'full';
    // Failures are forgiven only by a finished sign-in: a right password that still owes its
    // TOTP code keeps the counter, or a password holder could reset it between code guesses.
    // verify-mfa clears it when the code is right and counts wrong codes against it.
    if (stage !== 'mfa') await clearAccountThrottle(tx, [input.loginId]);
    const session = await startSession(tx, user.userId, origin, stage);
    const changes = {
      ...(stage === 'mfa' ? {} : { lastLoginAt: sql`now()` }),
      // An initial password is spent by a completed sign-in, not by one stopped at the code.
      ...(user.mustChangePassword && stage !== 'mfa'
        ? { initialPasswordExpiresAt: sql`now()` }
        : {}),
      ...(needsRehash(user.passwordHash)
        ? { passwordHash: await hashPassword(input.password) }
        : {}),
    };
    if (Object.keys(changes).length > 0) {
      await tx.db
        .update(users)
        .set(changes)
        .where(and(eq(users.tenantId, tenantId), eq(users.userId, user.userId)));
    }
    await writeAudit(tx, actor, {
      event: stage === 'mfa' ? 'auth.mfa_challenged' : 'auth.login_succeeded',
      targetType: 'session',
      targetId: session.sessionId,
      ...(stage === 'full' && !user.passwordExpired
        ? {}
        : {
            after: {
              ...(stage === 'full' ? {} : { stage }),
              ...(user.passwordExpired ? { passwordExpired: true } : {}),
            },
          }),
    });
    return { cookieValue: session.cookieValue, stage };
  });
  if (!outcome) throw new AppError('invalid_credentials');
  if ('throttled' in outcome) {
    throw new AppError('login_throttled', { retryAfterSeconds: outcome.throttled });
  }
  return outcome;
}

async function signedInFromHereBefore(
  tx: Parameters<typeof checkThrottle>[0],
  userId: string,
  ip: string,
): Promise<boolean> {
  const [row] = await tx.db
    .select({ one: sql`1` })
    .from(sessions)
    .where(
      and(
        eq(sessions.tenantId, tx.tenantId),
        eq(sessions.userId, userId),
        eq(sessions.ip, ip),
        eq(sessions.stage, 'full'),
        gt(sessions.createdAt, sql`now() - make_interval(days => ${KNOWN_ADDRESS_DAYS})`),
      ),
    )
    .limit(1);
  return row !== undefined;
}
