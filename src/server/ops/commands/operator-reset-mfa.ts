import { parseArgs } from 'node:util';
import { OperatorInputError } from '../../modules/operators/create-operator';
import { resetOperatorMfa } from '../../modules/operators/reset-operator-mfa';
import { withOperatorTransaction } from '../../platform/db/operator-transaction';
import type { OpsCommand } from '../ops-command';
import { OpsError } from '../ops-tenants';
import { cliActor } from './operator-create';

/**
 * A locked-out operator (lost authenticator and recovery codes): removes TOTP and ends their
 * sessions; they set TOTP up again at the next sign-in. Operators have no e-mail address,
 * so the one running this tells them; the operator log records it.
 */
export const operatorResetMfa: OpsCommand = {
  name: 'operator:reset-mfa',
  usage: 'operator:reset-mfa <ログインID>',
  summary: '運用者の2段階認証をリセット / reset an operator’s two-step verification',
  async run(args, { pool, io }) {
    const { positionals } = parseArgs({ args, strict: true, allowPositionals: true });
    const [loginId] = positionals;
    if (!loginId || positionals.length > 1) {
      throw new OpsError(`使い方 / Usage: npm run ops -- ${operatorResetMfa.usage}`);
    }
    try {
      const result = await withOperatorTransaction(pool, (tx) =>
        resetOperatorMfa(tx, cliActor(), loginId),
      );
      io.out(
        `運用者「${loginId}」の2段階認証をリセットしました（終了したセッション: ${result.sessionsEnded}）/ Two-step verification of "${loginId}" reset (${result.sessionsEnded} sessions ended).`,
      );
      io.out(
        '次回ログイン時に2段階認証を設定し直します。/ They set it up again at the next sign-in.',
      );
      return 0;
    } catch (error) {
      if (error instanceof OperatorInputError) throw new OpsError(error.message);
      throw error;
    }
  },
};
