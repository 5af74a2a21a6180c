import { eq } from 'drizzle-orm';
import type { OperatorActor, OperatorPrincipal } from '../../platform/auth/operator-principal';
import { issueRecoveryCodes, spendRecoveryCode } from '../../platform/auth/recovery-codes';
import type { SecretBox } from '../../platform/auth/secret-box';
import {
  generateTotpSecret,
  matchTotp,
  totpQrCodeDataUrl,
  totpUri,
} from '../../platform/auth/totp';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { AppError } from '../../platform/http/problem';
import type { MfaCode, MfaEnrolment } from '../identity/mfa.schema';
import { openOperatorMfaSecret, sealOperatorMfaSecret } from '../identity/mfa-secret';
import { operators } from './operator.table';
import { touchOperatorLogin } from './operator-login';
import { revokeOperatorSession, startOperatorSession } from './operator-sessions';
import {
  clearOperatorThrottle,
  operatorRetryAfter,
  recordOperatorFailure,
} from './operator-throttle';
import { writeOperatorAudit } from './write-operator-audit';

/**
 * Operators' TOTP: the identity module's secret generation, sealing (same key, own associated
 * data), QR code, replay-proof matching and recovery codes; only the row it lives in differs.
 * An operator who lost both is reset through the CLI (`operator:reset-mfa`).
 */
const recoveryKey = (operatorId: string) => `ops/${operatorId}`;

export async function startOperatorEnrolment(
  tx: OperatorTransaction,
  operator: OperatorPrincipal,
  box: SecretBox,
): Promise<MfaEnrolment> {
  if (operator.sessionStage !== 'mfa_enrol') throw new AppError('mfa_already_enabled');
  const secret = generateTotpSecret();
  await tx.db
    .update(operators)
    .set({ mfaPendingSecret: sealOperatorMfaSecret(box, operator.operatorId, secret) })
    .where(eq(operators.operatorId, operator.operatorId));
  const otpauthUri = totpUri(secret, `ops:${operator.loginId}`, 'Akinai 運用');
  return { secret, otpauthUri, qrCodeDataUrl: await totpQrCodeDataUrl(otpauthUri) };
}

export async function confirmOperatorEnrolment(
  tx: OperatorTransaction,
  operator: OperatorPrincipal,
  actor: OperatorActor,
  box: SecretBox,
  input: MfaCode,
): Promise<{ cookieValue: string; recoveryCodes: string[] }> {
  if (operator.sessionStage !== 'mfa_enrol') throw new AppError('mfa_already_enabled');
  const [row] = await tx.db
    .select({ pending: operators.mfaPendingSecret })
    .from(operators)
    .where(eq(operators.operatorId, operator.operatorId))
    .for('update');
  if (!row?.pending) throw new AppError('mfa_enrolment_not_started');
  const step = matchTotp(
    openOperatorMfaSecret(box, operator.operatorId, row.pending),
    input.code,
    null,
  );
  if (step === null) {
    throw new AppError('mfa_code_invalid', {
      errors: [{ path: 'code', message: '確認コードが正しくありません' }],
    });
  }
  const recovery = issueRecoveryCodes(box, recoveryKey(operator.operatorId));
  await tx.db
    .update(operators)
    .set({
      mfaSecret: row.pending,
      mfaPendingSecret: null,
      mfaEnabledAt: new Date(),
      mfaLastStep: step,
      mfaRecoveryHashes: recovery.hashes,
    })
    .where(eq(operators.operatorId, operator.operatorId));
  await writeOperatorAudit(tx, actor, {
    event: 'operator.mfa_enabled',
    targetType: 'operator',
    targetId: operator.operatorId,
  });
  const { cookieValue } = await finishSignIn(tx, operator, actor, 'totp_enrolled');
  return { cookieValue, recoveryCodes: recovery.codes };
}

/**
 * Sign-in step 2: the TOTP code, or one of the recovery codes (spent), turns the pending
 * session into a full one under a new token.
 */
export async function verifyOperatorMfa(
  tx: OperatorTransaction,
  operator: OperatorPrincipal,
  actor: OperatorActor,
  box: SecretBox,
  input: MfaCode,
): Promise<{ cookieValue: string }> {
  if (operator.sessionStage !== 'mfa') throw new AppError('mfa_not_pending');
  // Lock the pending session: of two codes sent at once (say a TOTP and a recovery code), the
  // second waits here, then finds the session already exchanged and gets no second session.
  const { rows: pending } = await tx.client.query<{ revoked: boolean }>(
    `SELECT revoked_at IS NOT NULL AS revoked FROM app.operator_sessions
      WHERE session_id = $1 FOR UPDATE`,
    [operator.sessionId],
  );
  if (!pending[0] || pending[0].revoked) throw new AppError('unauthenticated');
  const subjects = { loginId: operator.loginId, ip: actor.ip };
  const wait = await operatorRetryAfter(tx, subjects);
  if (wait > 0) throw new AppError('login_throttled', { retryAfterSeconds: wait });
  const [row] = await tx.db
    .select({
      secret: operators.mfaSecret,
      lastStep: operators.mfaLastStep,
      recoveryHashes: operators.mfaRecoveryHashes,
    })
    .from(operators)
    .where(eq(operators.operatorId, operator.operatorId))
    .for('update');
  const step = row?.secret
    ? matchTotp(
        openOperatorMfaSecret(box, operator.operatorId, row.secret),
        input.code,
        row.lastStep,
      )
    : null;
  const recoveryLeft =
    step === null && row?.secret
      ? spendRecoveryCode(box, recoveryKey(operator.operatorId), row.recoveryHashes, input.code)
      : null;
  if (recoveryLeft) {
    await tx.db
      .update(operators)
      .set({ mfaRecoveryHashes: recoveryLeft })
      .where(eq(operators.operatorId, operator.operatorId));
    await writeOperatorAudit(tx, actor, {
      event: 'operator.recovery_code_used',
      targetType: 'operator',
      targetId: operator.operatorId,
      detail: { recoveryCodesLeft: recoveryLeft.length },
    });
    return finishSignIn(tx, operator, actor, 'recovery_code');
  }
  if (step === null) {
    await recordOperatorFailure(tx, actor, subjects);
    await writeOperatorAudit(tx, actor, {
      event: 'operator.mfa_failed',
      targetType: 'operator',
      targetId: operator.operatorId,
    });
    throw new AppError('mfa_code_invalid', {
      keepChanges: true,
      errors: [{ path: 'code', message: '確認コードが正しくありません' }],
    });
  }
  await tx.db
    .update(operators)
    .set({ mfaLastStep: step })
    .where(eq(operators.operatorId, operator.operatorId));
  return finishSignIn(tx, operator, actor, 'totp');
}

async function finishSignIn(
  tx: OperatorTransaction,
  operator: OperatorPrincipal,
  actor: OperatorActor,
  method: string,
): Promise<{ cookieValue: string }> {
  await clearOperatorThrottle(tx, operator.loginId);
  await revokeOperatorSession(tx, operator.sessionId);
  const session = await startOperatorSession(tx, operator.operatorId, actor, 'full');
  await touchOperatorLogin(tx, operator.operatorId);
  await writeOperatorAudit(tx, actor, {
    event: 'operator.login_succeeded',
    targetType: 'operator_session',
    targetId: session.sessionId,
    detail: { method },
  });
  return { cookieValue: session.cookieValue };
}

/**
 * Ten new recovery codes for a signed-in operator, after a fresh TOTP code (not a recovery
 * code: a stolen session plus one spent code must not mint more). The old ones stop working.
 */
export async function regenerateOperatorRecoveryCodes(
  tx: OperatorTransaction,
  operator: OperatorPrincipal,
  actor: OperatorActor,
  box: SecretBox,
  input: MfaCode,
): Promise<{ recoveryCodes: string[] }> {
  const subjects = { loginId: operator.loginId, ip: actor.ip };
  const wait = await operatorRetryAfter(tx, subjects);
  if (wait > 0) throw new AppError('login_throttled', { retryAfterSeconds: wait });
  const [row] = await tx.db
    .select({ secret: operators.mfaSecret, lastStep: operators.mfaLastStep })
    .from(operators)
    .where(eq(operators.operatorId, operator.operatorId))
    .for('update');
  if (!row?.secret) throw new AppError('mfa_not_enabled');
  const step = matchTotp(
    openOperatorMfaSecret(box, operator.operatorId, row.secret),
    input.code,
    row.lastStep,
  );
  if (step === null) {
    await recordOperatorFailure(tx, actor, subjects);
    await writeOperatorAudit(tx, actor, {
      event: 'operator.mfa_failed',
      targetType: 'operator',
      targetId: operator.operatorId,
      detail: { purpose: 'recovery_codes' },
    });
    throw new AppError('mfa_code_invalid', {
      keepChanges: true,
      errors: [{ path: 'code', message: '確認コードが正しくありません' }],
    });
  }
  const recovery = issueRecoveryCodes(box, recoveryKey(operator.operatorId));
  await tx.db
    .update(operators)
    .set({ mfaLastStep: step, mfaRecoveryHashes: recovery.hashes })
    .where(eq(operators.operatorId, operator.operatorId));
  await writeOperatorAudit(tx, actor, {
    event: 'operator.recovery_codes_regenerated',
    targetType: 'operator',
    targetId: operator.operatorId,
  });
  return { recoveryCodes: recovery.codes };
}

/** Unused recovery codes of the operator (shown on the console's account page). */
export async function operatorRecoveryCodesLeft(
  tx: OperatorTransaction,
  operatorId: string,
): Promise<number> {
  const [row] = await tx.db
    .select({ hashes: operators.mfaRecoveryHashes })
    .from(operators)
    .where(eq(operators.operatorId, operatorId));
  return row?.hashes.length ?? 0;
}
