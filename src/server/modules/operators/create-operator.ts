import { passwordProblems } from '../../../domain/identity/password-rules';
import type { OperatorActor } from '../../platform/auth/operator-principal';
import { hashPassword } from '../../platform/auth/passwords';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { uuidv7 } from '../../platform/db/uuid';
import { operators } from './operator.table';
import { writeOperatorAudit } from './write-operator-audit';

export class OperatorInputError extends Error {}

/**
 * A new operator with the given or a generated password; TOTP is enrolled at the first
 * console sign-in, before anything else is possible.
 */
export async function createOperator(
  tx: OperatorTransaction,
  actor: OperatorActor,
  input: { loginId: string; name: string; password: string; initialPassword?: boolean },
): Promise<{ operatorId: string }> {
  if (!/^[\x21-\x7e]{1,64}$/.test(input.loginId)) {
    throw new OperatorInputError(
      'ログインIDは半角英数字・記号64文字以内 / login ID: printable ASCII, at most 64',
    );
  }
  if (input.name.trim() === '') throw new OperatorInputError('氏名が必要です / --name is required');
  const problems = passwordProblems(input.password, {
    loginId: input.loginId,
    userName: input.name,
  });
  if (problems.length > 0) throw new OperatorInputError(problems.join(' / '));
  const operatorId = uuidv7();
  try {
    await tx.client.query('SAVEPOINT create_operator');
    await tx.db.insert(operators).values({
      operatorId,
      loginId: input.loginId,
      name: input.name.trim(),
      passwordHash: await hashPassword(input.password),
      mustChangePassword: input.initialPassword ?? false,
    });
  } catch (error) {
    if (isUniqueViolation(error, 'operators_login_id_key')) {
      await tx.client.query('ROLLBACK TO SAVEPOINT create_operator');
      throw new OperatorInputError(
        `ログインID「${input.loginId}」は既に使われています / login ID already taken`,
      );
    }
    throw error;
  }
  await writeOperatorAudit(tx, actor, {
    event: 'operator.created',
    targetType: 'operator',
    targetId: operatorId,
    detail: { loginId: input.loginId, name: input.name.trim() },
  });
  return { operatorId };
}
