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

const keyOf = (tenantCode: string, loginId: string) => `${tenantCode}\n${loginId}`;

export function unknownTenantRetryAfter(tenantCode: string, loginId: string, now = new Date()) {
  const until = blockedUntil(states.get(keyOf(tenantCode, loginId)), throttlePolicies.account, now);
  return until ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0;
}

export function recordUnknownTenantFailure(tenantCode: string, loginId: string, now = new Date()) {
  if (states.size >= MAX_ENTRIES) states.clear();
  const key = keyOf(tenantCode, loginId);
  const { lockedNow: _, ...next } = afterFailure(states.get(key), throttlePolicies.account, now);
  states.set(key, next);
}
