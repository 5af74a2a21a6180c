import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { generateInitialPassword } from '../../modules/identity/initial-password';
import { createOperator, OperatorInputError } from '../../modules/operators/create-operator';
import type { OperatorActor } from '../../platform/auth/operator-principal';
import { withOperatorTransaction } from '../../platform/db/operator-transaction';
import type { OpsCommand } from '../ops-command';
import { OpsError } from '../ops-tenants';

/**
 * The first (or any further) operator. Prints a generated initial password once, or reads the
 * password from standard input with --password-stdin (scripts, secrets managers).
 */
export const operatorCreate: OpsCommand = {
  name: 'operator:create',
  usage: 'operator:create --login-id <ID> --name <氏名> [--password-stdin]',
  summary: '運用者アカウントを作成 / create an operator account',
  async run(args, { pool, io }) {
    const { values } = parseArgs({
      args,
      options: {
        'login-id': { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    const loginId = values['login-id'];
    const name = values.name;
    if (!loginId || !name) {
      throw new OpsError(`使い方 / Usage: npm run ops -- ${operatorCreate.usage}`);
    }
    const typed = values['password-stdin']
      ? (await (io.readInput?.() ?? Promise.resolve(''))).replace(/\r?\n$/, '')
      : null;
    const password = typed ?? generateInitialPassword();
    try {
      await withOperatorTransaction(pool, (tx) =>
        createOperator(tx, cliActor(), {
          loginId,
          name,
          password,
          initialPassword: typed === null,
        }),
      );
    } catch (error) {
      if (error instanceof OperatorInputError) throw new OpsError(error.message);
      throw error;
    }
    io.out(`運用者「${loginId}」を作成しました / Operator "${loginId}" created.`);
    if (typed === null) {
      io.out(`初期パスワード / Initial password: ${password}`);
      io.out('この表示は一度きりです。/ops で初回ログインし、2段階認証を設定してください。');
      io.out('Shown only once. Sign in at /ops and set up two-step verification.');
    }
    return 0;
  },
};

/** Who acted, for the operator log: the OS user who ran the CLI on this host. */
export function cliActor(): OperatorActor {
  return {
    operatorId: null,
    actorLabel: `CLI ${safeUser()}`,
    ip: '127.0.0.1',
    userAgent: 'akinai-ops-cli',
    requestId: 'ops-cli',
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
