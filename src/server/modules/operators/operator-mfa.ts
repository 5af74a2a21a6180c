import { eq } from 'drizzle-orm';
import type { OperatorActor, OperatorPrincipal } from '../../platform/auth/operator-principal';
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
 * data), QR code and replay-proof matching; only the row it lives in differs. There are no
 * recovery codes: a locked-out operator is re-enrolled by another through the CLI.
 */
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
): Promise<{ cookieValue: string }> {
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
  await tx.db
    .update(operators)
    .set({
      mfaSecret: row.pending,
      mfaPendingSecret: null,
      mfaEnabledAt: new Date(),
      mfaLastStep: step,
    })
    .where(eq(operators.operatorId, operator.operatorId));
  await writeOperatorAudit(tx, actor, {
    event: 'operator.mfa_enabled',
    targetType: 'operator',
    targetId: operator.operatorId,
  });
  return finishSignIn(tx, operator, actor, 'totp_enrolled');
}

/** Sign-in step 2: the code turns the pending session into a full one under a new token. */
export async function verifyOperatorMfa(
  tx: OperatorTransaction,
  operator: OperatorPrincipal,
  actor: OperatorActor,
  box: SecretBox,
  input: MfaCode,
): Promise<{ cookieValue: string }> {
  if (operator.sessionStage !== 'mfa') throw new AppError('mfa_not_pending');
  const subjects = { loginId: operator.loginId, ip: actor.ip };
  const wait = await operatorRetryAfter(tx, subjects);
  if (wait > 0) throw new AppError('login_throttled', { retryAfterSeconds: wait });
  const [row] = await tx.db
    .select({ secret: operators.mfaSecret, lastStep: operators.mfaLastStep })
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
