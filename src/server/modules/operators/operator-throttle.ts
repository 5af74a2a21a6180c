import { sql } from 'drizzle-orm';
import {
  afterFailure,
  blockedUntil,
  type ThrottleScope,
  type ThrottleState,
  throttlePolicies,
} from '../../../domain/identity/login-throttle';
import type { OperatorActor } from '../../platform/auth/operator-principal';
import type { OperatorTransaction } from '../../platform/db/operator-transaction';
import { operatorLoginThrottles } from './operator.table';
import { writeOperatorAudit } from './write-operator-audit';

/**
 * Operator sign-in throttling: the tenant sign-in policy (src/domain/identity/login-throttle)
 * applied to counters of the operator plane, per login ID and per client IP.
 */
export interface OperatorThrottleSubjects {
  loginId: string;
  ip: string;
}

async function readStates(tx: OperatorTransaction, subjects: OperatorThrottleSubjects) {
  await tx.client.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('ops|account|' || $1, 0)),
            pg_advisory_xact_lock(hashtextextended('ops|ip|' || $2, 0))`,
    [subjects.loginId, subjects.ip],
  );
  const rows = await tx.db
    .select()
    .from(operatorLoginThrottles)
    .where(
      sql`(${operatorLoginThrottles.scope}, ${operatorLoginThrottles.subject}) IN (('account', ${subjects.loginId}), ('ip', ${subjects.ip}))`,
    )
    .for('update');
  return Object.fromEntries(rows.map((row) => [row.scope, row])) as Partial<
    Record<ThrottleScope, ThrottleState>
  >;
}

/** Seconds the caller must wait before trying again (0: may try now). */
export async function operatorRetryAfter(
  tx: OperatorTransaction,
  subjects: OperatorThrottleSubjects,
): Promise<number> {
  const states = await readStates(tx, subjects);
  const now = new Date();
  let wait = 0;
  for (const scope of ['ip', 'account'] as const) {
    const until = blockedUntil(states[scope], throttlePolicies[scope], now);
    if (until) wait = Math.max(wait, Math.ceil((until.getTime() - now.getTime()) / 1000));
  }
  return wait;
}

export async function recordOperatorFailure(
  tx: OperatorTransaction,
  actor: OperatorActor,
  subjects: OperatorThrottleSubjects,
): Promise<void> {
  const states = await readStates(tx, subjects);
  const now = new Date();
  for (const scope of ['account', 'ip'] as const) {
    const subject = scope === 'account' ? subjects.loginId : subjects.ip;
    const lockedUntil = states[scope]?.lockedUntil;
    if (lockedUntil && lockedUntil > now) continue;
    const next = afterFailure(states[scope], throttlePolicies[scope], now);
    const values = {
      failures: next.failures,
      lastFailureAt: next.lastFailureAt,
      lockedUntil: next.lockedUntil,
    };
    await tx.db
      .insert(operatorLoginThrottles)
      .values({ scope, subject, ...values })
      .onConflictDoUpdate({
        target: [operatorLoginThrottles.scope, operatorLoginThrottles.subject],
        set: values,
      });
    if (next.lockedNow) {
      await writeOperatorAudit(tx, actor, {
        event: 'operator.login_locked',
        targetType: scope === 'account' ? 'login_id' : 'ip',
        targetId: subject,
      });
    }
  }
}

export async function clearOperatorThrottle(tx: OperatorTransaction, loginId: string) {
  await tx.client.query(
    "DELETE FROM app.operator_login_throttles WHERE scope = 'account' AND subject = $1",
    [loginId],
  );
}
