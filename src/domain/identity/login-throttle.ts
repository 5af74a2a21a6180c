/**
 * Sign-in throttling policy (SECURITY.md "Throttling", ADR 0009). Failures are counted per
 * login ID and per client IP; after a few free failures each further one makes the caller
 * wait twice as long, and at the lock threshold the subject is locked for a fixed time.
 * Attempts while blocked are refused without checking the password and are not counted, so
 * an attacker cannot lengthen a lock; a lock always ends on its own.
 */
export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  readonly freeFailures: number;
  /** Failures at which the subject is locked. */
  readonly lockAfter: number;
  readonly lockMinutes: number;
  /** Longest back-off before the lock. */
  readonly maxDelaySeconds: number;
}

export const throttlePolicies = {
  /** 5th failure waits 2 s, then 4, 8, 16, 32 s; the 10th locks for 15 minutes. */
  account: { freeFailures: 4, lockAfter: 10, lockMinutes: 15, maxDelaySeconds: 300 },
  /** An office behind one NAT address shares this, hence the higher thresholds. */
  ip: { freeFailures: 19, lockAfter: 50, lockMinutes: 15, maxDelaySeconds: 300 },
} as const satisfies Record<string, ThrottlePolicy>;

export type ThrottleScope = keyof typeof throttlePolicies;

/** Failures older than this are forgotten, so occasional typos never add up to a lock. */
export const FAILURE_MEMORY_MS = 60 * 60 * 1000;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** Failures that still count at `now`: none once a lock has run out or they are stale. */
export function liveFailures(state: ThrottleState | undefined, now: Date): number {
  if (!state) return 0;
  if (state.lockedUntil && state.lockedUntil.getTime() <= now.getTime()) return 0;
  if (!state.lockedUntil && now.getTime() - state.lastFailureAt.getTime() > FAILURE_MEMORY_MS) {
    return 0;
  }
  return state.failures;
}

/** Seconds to wait after the given number of failures. */
export function delaySeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures >= policy.lockAfter) return policy.lockMinutes * 60;
  if (failures <= policy.freeFailures) return 0;
  return Math.min(2 ** (failures - policy.freeFailures), policy.maxDelaySeconds);
}

/** When the subject may try again, or null when it may try now. */
export function blockedUntil(
  state: ThrottleState | undefined,
  policy: ThrottlePolicy,
  now: Date,
): Date | null {
  const failures = liveFailures(state, now);
  if (!state || failures === 0) return null;
  if (!state.lockedUntil && delaySeconds(failures, policy) === 0) return null;
  const until =
    state.lockedUntil ??
    new Date(state.lastFailureAt.getTime() + delaySeconds(failures, policy) * 1000);
  return until.getTime() > now.getTime() ? until : null;
}

/** The state after one more failure at `now`. */
export function afterFailure(
  state: ThrottleState | undefined,
  policy: ThrottlePolicy,
  now: Date,
): ThrottleState & { lockedNow: boolean } {
  const failures = liveFailures(state, now) + 1;
  const lockedNow = failures >= policy.lockAfter;
  return {
    failures,
    lastFailureAt: now,
    lockedUntil: lockedNow ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null,
    lockedNow,
  };
}
