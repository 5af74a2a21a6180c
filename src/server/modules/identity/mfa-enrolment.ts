import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/write-audit';
import { verifyPassword } from '../../platform/auth/passwords';
import { type ActorContext, type Principal, sessionIdOf } from '../../platform/auth/principal';
import { issueRecoveryCodes } from '../../platform/auth/recovery-codes';
import type { SecretBox } from '../../platform/auth/secret-box';
import {
  generateTotpSecret,
  matchTotp,
  totpQrCodeDataUrl,
  totpUri,
} from '../../platform/auth/totp';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { checkThrottle, recordFailure } from './login-throttle';
import type { MfaCode, MfaEnrolment, MfaEnrolmentStart } from './mfa.schema';
import { openMfaSecret, sealMfaSecret } from './mfa-secret';
import { sessions } from './session.table';
import { startSession } from './start-session';
import { users } from './user.table';
import { tenantCode } from './user-guards';

const ISSUER = 'Akinai';

function whereUser(tx: TenantTransaction, userId: string) {
  return and(eq(users.tenantId, tx.tenantId), eq(users.userId, userId));
}

/**
 * Step 1: a fresh secret, kept encrypted as pending until a first code proves the app holds
 * it. Starting again replaces the pending secret, so only the last QR code shown works.
 */
export async function startMfaEnrolment(
  tx: TenantTransaction,
  principal: Principal,
  actor: ActorContext,
  box: SecretBox,
  input: MfaEnrolmentStart,
): Promise<MfaEnrolment> {
  const [user] = await tx.db
    .select({ mfaEnabledAt: users.mfaEnabledAt, passwordHash: users.passwordHash })
    .from(users)
    .where(whereUser(tx, principal.userId))
    .for('update');
  if (!user) throw new AppError('unauthenticated');
  if (user.mfaEnabledAt) throw new AppError('mfa_already_enabled');
  if (principal.sessionStage === 'full') await reauthenticate(tx, principal, actor, user, input);
  const secret = generateTotpSecret();
  await tx.db
    .update(users)
    .set({ mfaPendingSecret: sealMfaSecret(box, tx.tenantId, principal.userId, secret) })
    .where(whereUser(tx, principal.userId));
  const otpauthUri = totpUri(secret, `${principal.loginId}@${await tenantCode(tx)}`, ISSUER);
  return { secret, otpauthUri, qrCodeDataUrl: await totpQrCodeDataUrl(otpauthUri) };
}

/** The password again, throttled and audited like a sign-in (a stolen session guessing it). */
async function reauthenticate(
  tx: TenantTransaction,
  principal: Principal,
  actor: ActorContext,
  user: { passwordHash: string },
  input: MfaEnrolmentStart,
): Promise<void> {
  if (!input.password) {
    throw new AppError('validation_failed', {
      errors: [{ path: 'password', message: '本人確認のため、パスワードを入力してください' }],
    });
  }
  const subjects = { loginId: principal.loginId, ip: actor.ip };
  const verdict = await checkThrottle(tx, subjects);
  if (verdict.retryAfterSeconds > 0) {
    throw new AppError('login_throttled', { retryAfterSeconds: verdict.retryAfterSeconds });
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(tx, actor, subjects);
    await writeAudit(tx, actor, {
      event: 'auth.reauthentication_failed',
      targetType: 'user',
      targetId: principal.userId,
      after: { purpose: 'mfa_enrolment' },
    });
    throw new AppError('current_password_incorrect', {
      keepChanges: true,
      errors: [{ path: 'password', message: 'パスワードが正しくありません' }],
    });
  }
}

/**
 * Step 2: the first code turns MFA on and yields ten recovery codes, shown this once. A
 * session that existed only to enrol (tenant requires MFA) becomes a full one under a new
 * token, as at every gain of privilege.
 */
export async function confirmMfaEnrolment(
  tx: TenantTransaction,
  principal: Principal,
  actor: ActorContext,
  box: SecretBox,
  input: MfaCode,
): Promise<{ recoveryCodes: string[]; cookieValue: string | null }> {
  const [user] = await tx.db
    .select({ pending: users.mfaPendingSecret, mfaEnabledAt: users.mfaEnabledAt })
    .from(users)
    .where(whereUser(tx, principal.userId))
    .for('update');
  if (!user) throw new AppError('unauthenticated');
  if (user.mfaEnabledAt) throw new AppError('mfa_already_enabled');
  if (!user.pending) throw new AppError('mfa_enrolment_not_started');
  const secret = openMfaSecret(box, tx.tenantId, principal.userId, user.pending);
  const step = matchTotp(secret, input.code, null);
  if (step === null) {
    throw new AppError('mfa_code_invalid', {
      errors: [{ path: 'code', message: '確認コードが正しくありません' }],
    });
  }
  const recovery = issueRecoveryCodes(box, `${tx.tenantId}/${principal.userId}`);
  await tx.db
    .update(users)
    .set({
      mfaSecret: user.pending,
      mfaPendingSecret: null,
      mfaEnabledAt: sql`now()`,
      mfaLastStep: step,
      mfaRecoveryHashes: recovery.hashes,
      updatedAt: sql`now()`,
    })
    .where(whereUser(tx, principal.userId));
  await writeAudit(tx, actor, {
    event: 'auth.mfa_enabled',
    targetType: 'user',
    targetId: principal.userId,
  });
  if (principal.sessionStage !== 'mfa_enrol')
    return { recoveryCodes: recovery.codes, cookieValue: null };
  await tx.db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.tenantId, tx.tenantId), eq(sessions.sessionId, sessionIdOf(principal))));
  const session = await startSession(tx, principal.userId, actor, 'full');
  await tx.db.update(users).set({ lastLoginAt: sql`now()` }).where(whereUser(tx, principal.userId));
  await writeAudit(tx, actor, {
    event: 'auth.login_succeeded',
    targetType: 'session',
    targetId: session.sessionId,
  });
  return { recoveryCodes: recovery.codes, cookieValue: session.cookieValue };
}
