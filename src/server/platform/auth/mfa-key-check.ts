import type pg from 'pg';
import { openMfaSecret, openOperatorMfaSecret } from '../../modules/identity/mfa-secret';
import {
  enterTenant,
  type OperatorTransaction,
  withOperatorTransaction,
} from '../db/operator-transaction';
import type { SecretBox } from './secret-box';

const CHECK_PLAINTEXT = 'akinai MFA_ENCRYPTION_KEY check v1';
const CHECK_ASSOCIATED_DATA = 'akinai/mfa-key-check';

export function sealKeyCheck(box: SecretBox): string {
  return box.seal(CHECK_PLAINTEXT, CHECK_ASSOCIATED_DATA);
}

function opensKeyCheck(box: SecretBox, sealed: string): boolean {
  try {
    return box.open(sealed, CHECK_ASSOCIATED_DATA) === CHECK_PLAINTEXT;
  } catch {
    return false;
  }
}

/** Thrown before the app listens; main prints the message and exits 1. */
export class MfaKeyMismatchError extends Error {
  constructor() {
    super(
      [
        "MFA_ENCRYPTION_KEY is not the key this database's two-step verification secrets were sealed with,",
        'so every two-step sign-in would fail. Akinai does not start with it.',
        'Either set MFA_ENCRYPTION_KEY to the key this database was used with (look for a typo, a database',
        'restored from another installation, or an environment that was changed), or, only if that key is',
        'truly lost, run `npm run ops -- mfa:forget-key --yes` with the new key set: every user and operator',
        'then sets up two-step verification again. See docs/operations/mfa-key.md.',
      ].join('\n'),
    );
    this.name = 'MfaKeyMismatchError';
  }
}

export type MfaKeyCheckOutcome = 'matched' | 'created';

/**
 * Start-up: opens the stored check value with the configured key, or stores one on the first
 * start. Two instances starting together on an empty database both insert with ON CONFLICT DO
 * NOTHING and then read back the one row that won, so the slower one checks the faster one's
 * key instead of overwriting it.
 */
export async function checkMfaKey(pool: pg.Pool, box: SecretBox): Promise<MfaKeyCheckOutcome> {
  return withOperatorTransaction(pool, async (tx) => {
    const stored = await readKeyCheck(tx);
    if (stored !== null) {
      if (!opensKeyCheck(box, stored)) throw new MfaKeyMismatchError();
      return 'matched';
    }
    // A database from before this check may already hold secrets under another key: sealing
    // the check value with the wrong key now would hide the mistake for good.
    if (!(await existingSecretOpens(tx, box))) throw new MfaKeyMismatchError();
    await tx.client.query(
      'INSERT INTO app.mfa_key_check (id, sealed) VALUES (1, $1) ON CONFLICT (id) DO NOTHING',
      [sealKeyCheck(box)],
    );
    const winner = await readKeyCheck(tx);
    if (winner === null || !opensKeyCheck(box, winner)) throw new MfaKeyMismatchError();
    return 'created';
  });
}

export async function readKeyCheck(tx: Pick<OperatorTransaction, 'client'>) {
  const { rows } = await tx.client.query<{ sealed: string }>(
    'SELECT sealed FROM app.mfa_key_check WHERE id = 1',
  );
  return rows[0]?.sealed ?? null;
}

/** Replaces the check value (ops CLI, owner role: the runtime role cannot update it). */
export async function writeKeyCheck(
  tx: Pick<OperatorTransaction, 'client'>,
  box: SecretBox,
): Promise<void> {
  await tx.client.query(
    `INSERT INTO app.mfa_key_check (id, sealed) VALUES (1, $1)
     ON CONFLICT (id) DO UPDATE SET sealed = EXCLUDED.sealed, created_at = now()`,
    [sealKeyCheck(box)],
  );
}

/** Whether the stored check value opens with this key (null: there is none yet). */
export async function keyCheckOpens(
  tx: Pick<OperatorTransaction, 'client'>,
  box: SecretBox,
): Promise<boolean | null> {
  const stored = await readKeyCheck(tx);
  return stored === null ? null : opensKeyCheck(box, stored);
}

/**
 * One enrolled secret, an operator's or else the first tenant user's found tenant by tenant,
 * must open; with none stored anywhere any key is right. Runs once per database.
 */
async function existingSecretOpens(tx: OperatorTransaction, box: SecretBox): Promise<boolean> {
  const { rows: operators } = await tx.client.query<{ operator_id: string; mfa_secret: string }>(
    'SELECT operator_id, mfa_secret FROM app.operators WHERE mfa_secret IS NOT NULL LIMIT 1',
  );
  const operator = operators[0];
  if (operator) {
    return opens(() => openOperatorMfaSecret(box, operator.operator_id, operator.mfa_secret));
  }
  const { rows: tenants } = await tx.client.query<{ tenant_id: string }>(
    'SELECT tenant_id FROM app.tenants ORDER BY tenant_id',
  );
  for (const { tenant_id } of tenants) {
    const tenantTx = await enterTenant(tx, tenant_id);
    const { rows } = await tenantTx.client.query<{ user_id: string; mfa_secret: string }>(
      'SELECT user_id, mfa_secret FROM app.users WHERE tenant_id = $1 AND mfa_secret IS NOT NULL LIMIT 1',
      [tenant_id],
    );
    const user = rows[0];
    if (user) return opens(() => openMfaSecret(box, tenant_id, user.user_id, user.mfa_secret));
  }
  return true;
}

function opens(open: () => string): boolean {
  try {
    open();
    return true;
  } catch {
    return false;
  }
}
