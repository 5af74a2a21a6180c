import {
  afterFailure,
  blockedUntil,
  type ThrottleState,
  throttlePolicies,
} from '../../../domain/identity/login-throttle';

/**
 * An unknown 組織コード has no tenant to keep counters in, yet it must throttle like a real one
 * or the 429 would reveal which codes exist. Counters live in memory, bounded: an attacker
 * filling the map only resets it, which the per-IP rate limit in front still bounds.
 */
const MAX_ENTRIES = 10_000;
const states = new Map<string, ThrottleState>();

/** Per login ID and per client address, as in a real tenant (login-throttle.ts). */
const keysOf = (tenantCode: string, loginId: string, ip: string) =>
  [
    [`${tenantCode}\naccount\n${loginId}`, throttlePolicies.account],
    [`${tenantCode}\nip\n${ip}`, throttlePolicies.ip],
  ] as const;

export function unknownTenantRetryAfter(
  tenantCode: string,
  loginId: string,
  ip: string,
  now = new Date(),
): number {
  let wait = 0;
  for (const [key, policy] of keysOf(tenantCode, loginId, ip)) {
    const until = blockedUntil(states.get(key), policy, now);
    if (until) wait = Math.max(wait, Math.ceil((until.getTime() - now.getTime()) / 1000));
  }
  return wait;
}

export function recordUnknownTenantFailure(
  tenantCode: string,
  loginId: string,
  ip: string,
  now = new Date(),
): void {
  if (states.size >= MAX_ENTRIES) states.clear();
  for (const [key, policy] of keysOf(tenantCode, loginId, ip)) {
    const { lockedNow: _, ...next } = afterFailure(states.get(key), policy, now);
    states.set(key, next);
  }
}
