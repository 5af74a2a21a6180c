import { eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { OperatorActor } from '../../platform/auth/operator-principal';
import { hashPassword, needsRehash, verifyPassword } from '../../platform/auth/passwords';
import { withOperatorTransaction } from '../../platform/db/operator-transaction';
import { AppError } from '../../platform/http/problem';
import type { OperatorLoginRequest } from './operator.schema';
import { operators } from './operator.table';
import { type OperatorSessionStage, startOperatorSession } from './operator-sessions';
import { operatorRetryAfter, recordOperatorFailure } from './operator-throttle';
import { writeOperatorAudit } from './write-operator-audit';

const FAILED_SIGN_IN_FLOOR_MS = 150;

/**
 * Login ID + password → a console session that can only give its TOTP code ('mfa') or, on the
 * first sign-in, set TOTP up ('mfa_enrol'). No operator session is ever full without a code.
 */
export async function operatorLogin(
  pool: pg.Pool,
  input: OperatorLoginRequest,
  origin: Omit<OperatorActor, 'operatorId' | 'actorLabel'>,
): Promise<{ cookieValue: string; stage: Exclude<OperatorSessionStage, 'full'> }> {
  const started = performance.now();
  const outcome = await withOperatorTransaction(pool, async (tx) => {
    const [operator] = await tx.db
      .select()
      .from(operators)
      .where(eq(operators.loginId, input.loginId));
    const actor: OperatorActor = {
      ...origin,
      operatorId: operator?.operatorId ?? null,
      actorLabel: `運用者 ${input.loginId}`,
    };
    const subjects = { loginId: input.loginId, ip: origin.ip };
    const wait = await operatorRetryAfter(tx, subjects);
    if (wait > 0) return { throttled: wait } as const;
    const passwordOk = await verifyPassword(operator?.passwordHash, input.password);
    if (!operator || !passwordOk || !operator.isActive) {
      await recordOperatorFailure(tx, actor, subjects);
      await writeOperatorAudit(tx, actor, {
        event: 'operator.login_failed',
        targetType: 'operator',
        targetId: operator?.operatorId ?? input.loginId,
        detail: { reason: !operator ? 'unknown' : !passwordOk ? 'wrong_password' : 'disabled' },
      });
      return null;
    }
    if (needsRehash(operator.passwordHash)) {
      await tx.db
        .update(operators)
        .set({ passwordHash: await hashPassword(input.password) })
        .where(eq(operators.operatorId, operator.operatorId));
    }
    const stage = operator.mfaEnabledAt ? ('mfa' as const) : ('mfa_enrol' as const);
    const session = await startOperatorSession(tx, operator.operatorId, origin, stage);
    return { cookieValue: session.cookieValue, stage };
  });
  if (outcome && !('throttled' in outcome)) return outcome;
  const remaining = FAILED_SIGN_IN_FLOOR_MS - (performance.now() - started);
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
  if (outcome) throw new AppError('login_throttled', { retryAfterSeconds: outcome.throttled });
  throw new AppError('operator_invalid_credentials');
}

/** Marks the completed sign-in (after the code). */
export async function touchOperatorLogin(
  tx: Parameters<Parameters<typeof withOperatorTransaction>[1]>[0],
  operatorId: string,
) {
  await tx.db
    .update(operators)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(operators.operatorId, operatorId));
}
