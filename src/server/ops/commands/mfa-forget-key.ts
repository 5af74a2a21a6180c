import { parseArgs } from 'node:util';
import { forgetMfaKey } from '../../modules/operators/forget-mfa-key';
import { mfaKeyIsEphemeral, resolveMfaKey } from '../../platform/auth/mfa-key';
import { keyCheckOpens } from '../../platform/auth/mfa-key-check';
import { createSecretBox } from '../../platform/auth/secret-box';
import { withOperatorTransaction } from '../../platform/db/operator-transaction';
import type { OpsCommand } from '../ops-command';
import { OpsError } from '../ops-tenants';
import { cliActor } from './operator-create';

/**
 * For a truly lost MFA_ENCRYPTION_KEY (ADR 0027): clears every TOTP secret and recovery code of
 * tenant users and operators and seals the start-up check value with the key now configured,
 * so the app starts again and everyone sets up two-step verification anew.
 */
export const mfaForgetKey: OpsCommand = {
  name: 'mfa:forget-key',
  usage: 'mfa:forget-key --yes',
  summary:
    'MFA暗号鍵の紛失時: 全員の2段階認証をリセット / lost MFA_ENCRYPTION_KEY: reset everyone’s two-step verification',
  async run(args, { pool, io, config }) {
    const { values } = parseArgs({
      args,
      options: { yes: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.yes) {
      throw new OpsError(
        [
          'このコマンドは全担当者・全運用者の2段階認証（TOTP とリカバリーコード）を消去し、新しい MFA_ENCRYPTION_KEY で起動できるようにします。実行するには --yes を付けてください。',
          'This clears the two-step verification (TOTP secrets and recovery codes) of every user and operator and lets the app start with the MFA_ENCRYPTION_KEY now set. Add --yes to do it.',
        ].join('\n'),
      );
    }
    if (mfaKeyIsEphemeral(config)) {
      throw new OpsError(
        'MFA_ENCRYPTION_KEY を設定してから実行してください / Set MFA_ENCRYPTION_KEY to the new key first.',
      );
    }
    const box = createSecretBox(resolveMfaKey(config));
    const result = await withOperatorTransaction(pool, async (tx) => {
      // The key the app would start with is not lost: clearing everyone's MFA would be a loss
      // for nothing (a wrong key set by mistake here is the likelier story).
      if ((await keyCheckOpens(tx, box)) === true) return null;
      return forgetMfaKey(tx, cliActor(), box);
    });
    if (result === null) {
      throw new OpsError(
        '設定中の MFA_ENCRYPTION_KEY はこのデータベースの鍵と一致しています。リセットは不要です。 / The MFA_ENCRYPTION_KEY now set is the key of this database: nothing to forget, nothing was changed.',
      );
    }
    io.out(
      `2段階認証をリセットしました: 担当者 ${result.usersReset} 人（${result.tenantsAffected} 組織）、運用者 ${result.operatorsReset} 人`,
    );
    io.out(
      `Two-step verification reset: ${result.usersReset} users in ${result.tenantsAffected} organisations, ${result.operatorsReset} operators.`,
    );
    io.out(
      '次回ログイン時に設定し直します（組織が2段階認証を必須にしていない担当者はパスワードだけでログインします）。/ They set it up again at the next sign-in (users whose organisation does not require it sign in with the password alone).',
    );
    return 0;
  },
};
