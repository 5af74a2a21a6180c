import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type pg from 'pg';
import { passwordProblems } from '../../../domain/identity/password-rules';
import { writeAudit } from '../../platform/audit/write-audit';
import { hashPassword } from '../../platform/auth/passwords';
import type { ActorContext } from '../../platform/auth/principal';
import {
  type TenantTransaction,
  withTenantTransaction,
} from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { enqueueMail } from '../../platform/mail/enqueue-mail';
import { revokeUserApiTokens } from '../api-tokens/revoke-user-api-tokens';
import { clearAccountThrottle } from './login-throttle';
import type { PasswordResetComplete, PasswordResetTarget } from './password-reset.schema';
import { passwordResetTokens } from './password-reset.table';
import { passwordChangedNotice } from './password-reset-mails';
import { parseResetToken } from './password-reset-token';
import { users } from './user.table';
import { revokeSessions, tenantCode, tenantName } from './user-guards';

type RequestOrigin = Pick<ActorContext, 'ip' | 'userAgent' | 'requestId'>;

/** Whom a still-valid link is for, so the page can show it; anything else is one error. */
export async function checkPasswordReset(
  pool: pg.Pool,
  token: string,
): Promise<PasswordResetTarget> {
  const parsed = parseResetToken(token);
  if (!parsed) throw new AppError('password_reset_link_invalid');
  return withTenantTransaction(pool, parsed.tenantId, async (tx) => {
    const found = await findValidToken(tx, parsed.tokenHash, false);
    return { tenantCode: await tenantCode(tx), loginId: found.loginId, userName: found.name };
  });
}

/**
 * Sets the new password through a mailed link: the token is locked and spent, every session
 * of the user ends, the initial-password state ends and a notice is mailed. A password the
 * rules refuse leaves the token usable; an expired, used or unknown one changes nothing.
 */
export async function completePasswordReset(
  pool: pg.Pool,
  input: PasswordResetComplete,
  origin: RequestOrigin,
): Promise<void> {
  const parsed = parseResetToken(input.token);
  if (!parsed) throw new AppError('password_reset_link_invalid');
  await withTenantTransaction(pool, parsed.tenantId, async (tx) => {
    const found = await findValidToken(tx, parsed.tokenHash, true);
    const code = await tenantCode(tx);
    const problems = passwordProblems(input.newPassword, {
      tenantCode: code,
      loginId: found.loginId,
      userName: found.name,
    });
    if (problems.length > 0) {
      throw new AppError('validation_failed', {
        errors: problems.map((message) => ({ path: 'newPassword', message })),
      });
    }
    const userWhere = and(eq(users.tenantId, tx.tenantId), eq(users.userId, found.userId));
    await tx.db
      .update(users)
      .set({
        passwordHash: await hashPassword(input.newPassword),
        mustChangePassword: false,
        initialPasswordExpiresAt: null,
        // Restarts the expiry clock of システム設定 (ADR 0010).
        passwordChangedAt: sql`now()`,
        updatedAt: sql`now()`,
        version: sql`${users.version} + 1`,
      })
      .where(userWhere);
    // Spends this link and any other the user still holds.
    await tx.db
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(passwordResetTokens.tenantId, tx.tenantId),
          eq(passwordResetTokens.userId, found.userId),
          isNull(passwordResetTokens.usedAt),
        ),
      );
    const ended = await revokeSessions(tx, found.userId);
    // A reset means the account may have been in other hands: tokens minted then die too.
    const tokensRevoked = await revokeUserApiTokens(tx, found.userId);
    // Proving control of the mailbox ends a sign-in lock on the account (ADR 0009).
    await clearAccountThrottle(tx, [found.loginId]);
    if (found.email) {
      const who = {
        tenantName: await tenantName(tx),
        userName: found.name,
        loginId: found.loginId,
      };
      await enqueueMail(tx, passwordChangedNotice(found.email, who));
    }
    const actor: ActorContext = {
      ...origin,
      tenantId: tx.tenantId,
      userId: found.userId,
      actorLabel: found.loginId,
    };
    await writeAudit(tx, actor, {
      event: 'auth.password_reset_completed',
      targetType: 'user',
      targetId: found.userId,
      after: {
        sessionsEnded: ended,
        apiTokensRevoked: tokensRevoked,
        wasInitialPassword: found.mustChangePassword,
      },
    });
  });
}

async function findValidToken(tx: TenantTransaction, tokenHash: Buffer, lock: boolean) {
  const query = tx.db
    .select({
      tokenId: passwordResetTokens.tokenId,
      userId: users.userId,
      loginId: users.loginId,
      name: users.name,
      email: users.email,
      mustChangePassword: users.mustChangePassword,
    })
    .from(passwordResetTokens)
    .innerJoin(
      users,
      and(
        eq(users.tenantId, passwordResetTokens.tenantId),
        eq(users.userId, passwordResetTokens.userId),
      ),
    )
    .where(
      and(
        eq(passwordResetTokens.tenantId, tx.tenantId),
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, sql`now()`),
        eq(users.isActive, true),
      ),
    );
  // Two submissions of one link queue here; the second then finds it spent.
  const [found] = lock ? await query.for('update') : await query;
  if (!found) throw new AppError('password_reset_link_invalid');
  return found;
}
