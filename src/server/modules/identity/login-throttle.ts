import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  afterFailure,
  blockedUntil,
  type ThrottleScope,
  type ThrottleState,
  throttlePolicies,
} from '../../../domain/identity/login-throttle';
import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { loginThrottles } from './login-throttle.table';

/** The counters a sign-in attempt is judged by: the login ID as typed and the client IP. */
export interface ThrottleSubjects {
  loginId: string;
  ip: string;
}

type States = Partial<Record<ThrottleScope, ThrottleState>>;

async function readStates(tx: TenantTransaction, subjects: ThrottleSubjects): Promise<States> {
  // FOR UPDATE locks nothing while a counter row does not exist yet, so parallel first failures
  // would each write "1". A transaction-scoped advisory lock per subject serialises them.
  await tx.client.query(
    `SELECT pg_advisory_xact_lock(hashtextextended($1 || '|account|' || $2, 0)),
            pg_advisory_xact_lock(hashtextextended($1 || '|ip|' || $3, 0))`,
    [tx.tenantId, subjects.loginId, subjects.ip],
  );
  const rows = await tx.db
    .select()
    .from(loginThrottles)
    .where(
      and(
        eq(loginThrottles.tenantId, tx.tenantId),
        sql`(${loginThrottles.scope}, ${loginThrottles.subject}) IN (('account', ${subjects.loginId}), ('ip', ${subjects.ip}))`,
      ),
    )
    .for('update');
  return Object.fromEntries(rows.map((row) => [row.scope, row]));
}

export interface ThrottleVerdict {
  /** Seconds until the caller may try again; 0 when it may try now. */
  retryAfterSeconds: number;
  scope: ThrottleScope | null;
}

/**
 * Whether this attempt may go ahead. `ignoreAccount` lets a client from an address the user
 * has signed in from before past an account lock (ADR 0009): a lock provoked from elsewhere
 * then does not shut the real user out. The IP counter always applies.
 */
export async function checkThrottle(
  tx: TenantTransaction,
  subjects: ThrottleSubjects,
  options: { ignoreAccount?: boolean; now?: Date } = {},
): Promise<ThrottleVerdict> {
  const states = await readStates(tx, subjects);
  // Read the clock after the lock: a parallel attempt's failure may have been stamped meanwhile.
  const now = options.now ?? new Date();
  let verdict: ThrottleVerdict = { retryAfterSeconds: 0, scope: null };
  for (const scope of ['ip', 'account'] as const) {
    if (scope === 'account' && options.ignoreAccount) continue;
    const until = blockedUntil(states[scope], throttlePolicies[scope], now);
    const seconds = until ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0;
    if (seconds > verdict.retryAfterSeconds) verdict = { retryAfterSeconds: seconds, scope };
  }
  return verdict;
}

/** Counts one failure against both subjects; a subject that reaches its lock is audited. */
export async function recordFailure(
  tx: TenantTransaction,
  actor: ActorContext,
  subjects: ThrottleSubjects,
  at?: Date,
): Promise<void> {
  const states = await readStates(tx, subjects);
  const now = at ?? new Date();
  for (const scope of ['account', 'ip'] as const) {
    const subject = scope === 'account' ? subjects.loginId : subjects.ip;
    // A lock is never lengthened: failures during it (from an exempt known address, or racing
    // the check) do not count, so nobody can keep an account locked for others (ADR 0009).
    const lockedUntil = states[scope]?.lockedUntil;
    if (lockedUntil && lockedUntil > now) continue;
    const next = afterFailure(states[scope], throttlePolicies[scope], now);
    const values = {
      failures: next.failures,
      lastFailureAt: next.lastFailureAt,
      lockedUntil: next.lockedUntil,
    };
    await tx.db
      .insert(loginThrottles)
      .values({ tenantId: tx.tenantId, scope, subject, ...values })
      .onConflictDoUpdate({
        target: [loginThrottles.tenantId, loginThrottles.scope, loginThrottles.subject],
        set: values,
      });
    if (next.lockedNow) {
      await writeAudit(tx, actor, {
        event: 'auth.login_locked',
        targetType: scope === 'account' ? 'login_id' : 'ip',
        targetId: subject,
        after: { failures: next.failures, lockedUntil: next.lockedUntil?.toISOString() },
      });
    }
  }
}

/** A successful sign-in, an admin unlock or a new password clears the account's counter. */
export async function clearAccountThrottle(
  tx: TenantTransaction,
  loginIds: string[],
): Promise<number> {
  if (loginIds.length === 0) return 0;
  const deleted = await tx.db
    .delete(loginThrottles)
    .where(
      and(
        eq(loginThrottles.tenantId, tx.tenantId),
        eq(loginThrottles.scope, 'account'),
        inArray(loginThrottles.subject, loginIds),
      ),
    )
    .returning({ subject: loginThrottles.subject });
  return deleted.length;
}
