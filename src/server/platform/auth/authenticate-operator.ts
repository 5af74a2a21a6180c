import type pg from 'pg';
import { type OpenOperatorTransaction, openOperatorTransaction } from '../db/operator-transaction';
import type { OperatorPrincipal } from './operator-principal';
import { OPERATOR_IDLE_TIMEOUT_MINUTES } from './operator-token';

interface OperatorSessionRow {
  session_id: string;
  operator_id: string;
  login_id: string;
  name: string;
  stage: OperatorPrincipal['sessionStage'];
  must_change_password: boolean;
}

/**
 * Resolves the console cookie and leaves the operator transaction open, in one round trip.
 * The hash is hex digits we produced, safe to inline; last_seen_at moves once a minute.
 */
export async function authenticateOperator(
  pool: pg.Pool,
  tokenHash: Buffer,
): Promise<{ principal: OperatorPrincipal; tx: OpenOperatorTransaction } | null> {
  const hash = `decode('${tokenHash.toString('hex')}', 'hex')`;
  const tx = await openOperatorTransaction(pool, [
    `WITH touched AS (
       UPDATE app.operator_sessions SET last_seen_at = now()
        WHERE token_hash = ${hash} AND last_seen_at < now() - interval '1 minute'
     )
     SELECT s.session_id, s.operator_id, o.login_id, o.name, s.stage, o.must_change_password
       FROM app.operator_sessions s JOIN app.operators o ON o.operator_id = s.operator_id
      WHERE s.token_hash = ${hash} AND s.revoked_at IS NULL AND s.expires_at > now()
        AND s.last_seen_at > now() - interval '${OPERATOR_IDLE_TIMEOUT_MINUTES} minutes'
        AND o.is_active`,
  ]);
  const row = tx.preludeResults[0]?.rows[0] as OperatorSessionRow | undefined;
  if (!row) {
    await tx.rollback();
    return null;
  }
  return {
    tx,
    principal: {
      operatorId: row.operator_id,
      sessionId: row.session_id,
      loginId: row.login_id,
      name: row.name,
      sessionStage: row.stage,
      mustChangePassword: row.must_change_password,
    },
  };
}
