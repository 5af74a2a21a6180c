import { and, eq, sql } from 'drizzle-orm';
import { passwordLength, passwordMinLength } from '../../../domain/identity/password-rules';
import { writeAudit } from '../../platform/audit/write-audit';
import { verifyPassword } from '../../platform/auth/passwords';
import type { ActorContext, Principal } from '../../platform/auth/principal';
import type { SecretBox } from '../../platform/auth/secret-box';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { checkThrottle, recordFailure } from './login-throttle';
import type { MfaDisable } from './mfa.schema';
import { mfaRequiredFor, tenantMfaRequirement } from './mfa-policy';
import { users } from './user.table';
import { acceptSecondFactor } from './verify-mfa';

/** Clears every MFA column: used when the user turns it off and when an admin resets it. */
export const mfaCleared = {
  mfaSecret: null,
  mfaPendingSecret: null,
  mfaEnabledAt: null,
  mfaLastStep: null,
  mfaRecoveryHashes: [] as string[],
};

/**
 * Turning MFA off takes both factors. Refused while the tenant requires MFA, and while the
 * password is shorter than the single-factor minimum it would then have to meet.
 */
export async function disableMfa(
  tx: TenantTransaction,
  principal: Principal,
  actor: ActorContext,
  box: SecretBox,
  input: MfaDisable,
): Promise<void> {
  const where = and(eq(users.tenantId, tx.tenantId), eq(users.userId, principal.userId));
  const [user] = await tx.db
    .select({ passwordHash: users.passwordHash, enabledAt: users.mfaEnabledAt })
    .from(users)
    .where(where)
    .for('update');
  if (!user) throw new AppError('unauthenticated');
  if (!user.enabledAt) throw new AppError('mfa_not_enabled');
  if (mfaRequiredFor(await tenantMfaRequirement(tx), principal.isOrgAdmin)) {
    throw new AppError('mfa_required_by_tenant');
  }
  // Password and code guesses from a stolen session count against the sign-in counters.
  const subjects = { loginId: principal.loginId, ip: actor.ip };
  const verdict = await checkThrottle(tx, subjects);
  if (verdict.retryAfterSeconds > 0) {
    throw new AppError('login_throttled', { retryAfterSeconds: verdict.retryAfterSeconds });
  }
  const refuse = async (code: 'current_password_incorrect' | 'mfa_code_invalid') => {
    await recordFailure(tx, actor, subjects);
    await writeAudit(tx, actor, {
      event: 'auth.reauthentication_failed',
      targetType: 'user',
      targetId: principal.userId,
      after: { purpose: 'mfa_disable' },
    });
    return new AppError(code, {
      keepChanges: true,
      errors:
        code === 'current_password_incorrect'
          ? [{ path: 'password', message: '現在のパスワードが正しくありません' }]
          : [{ path: 'code', message: '確認コードが正しくありません' }],
    });
  };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw await refuse('current_password_incorrect');
  }
  if (!(await acceptSecondFactor(tx, principal.userId, box, input.code))) {
    throw await refuse('mfa_code_invalid');
  }
  const minLength = passwordMinLength({ mfaEnabled: false });
  if (passwordLength(input.password) < minLength) {
    throw new AppError('validation_failed', {
      errors: [
        {
          path: 'password',
          message: `2段階認証を解除するには、先にパスワードを${minLength}文字以上に変更してください`,
        },
      ],
    });
  }
  await tx.db
    .update(users)
    .set({ ...mfaCleared, updatedAt: sql`now()` })
    .where(where);
  await writeAudit(tx, actor, {
    event: 'auth.mfa_disabled',
    targetType: 'user',
    targetId: principal.userId,
  });
}
