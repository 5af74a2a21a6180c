import { and, eq, ne, sql } from 'drizzle-orm';
import { passwordProblems } from '../../../domain/identity/password-rules';
import type { OperatorActor, OperatorPrincipal } from '../../platform/auth/operator-principal';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { AppError } from '../../platform/http/problem';
import type { OperatorPasswordChange } from './operator.schema';
import { operatorSessions, operators } from './operator.table';
import { operatorRetryAfter, recordOperatorFailure } from './operator-throttle';
import { writeOperatorAudit } from './write-operator-audit';

/**
 * The current password again (throttled like a sign-in), the shared password rules (with TOTP
 * as second factor), then every other console session of the operator ends.
 */
export async function changeOperatorPassword(
  tx: OperatorTransaction,
  operator: OperatorPrincipal,
  actor: OperatorActor,
  input: OperatorPasswordChange,
): Promise<void> {
  const subjects = { loginId: operator.loginId, ip: actor.ip };
  const wait = await operatorRetryAfter(tx, subjects);
  if (wait > 0) throw new AppError('login_throttled', { retryAfterSeconds: wait });
  const [row] = await tx.db
    .select({ passwordHash: operators.passwordHash })
    .from(operators)
    .where(eq(operators.operatorId, operator.operatorId))
    .for('update');
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await recordOperatorFailure(tx, actor, subjects);
    await writeOperatorAudit(tx, actor, {
      event: 'operator.password_change_failed',
      targetType: 'operator',
      targetId: operator.operatorId,
    });
    throw new AppError('current_password_incorrect', {
      keepChanges: true,
      errors: [{ path: 'currentPassword', message: 'パスワードが正しくありません' }],
    });
  }
  const problems = passwordProblems(input.newPassword, {
    loginId: operator.loginId,
    userName: operator.name,
    mfaEnabled: true,
  });
  if (input.newPassword === input.currentPassword) {
    problems.push('現在のパスワードと異なるパスワードを入力してください');
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', {
      errors: problems.map((message) => ({ path: 'newPassword', message })),
    });
  }
  await tx.db
    .update(operators)
    .set({ passwordHash: await hashPassword(input.newPassword), mustChangePassword: false })
    .where(eq(operators.operatorId, operator.operatorId));
  await tx.db
    .update(operatorSessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(operatorSessions.operatorId, operator.operatorId),
        ne(operatorSessions.sessionId, operator.sessionId),
      ),
    );
  await writeOperatorAudit(tx, actor, {
    event: 'operator.password_changed',
    targetType: 'operator',
    targetId: operator.operatorId,
  });
}
