import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  blockedUntil,
  delaySeconds,
  type ThrottleState,
  throttlePolicies,
} from './login-throttle';

const policy = throttlePolicies.account;
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('login throttle policy', () => {
  it('doubles the delay after the free failures and locks at the threshold', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 10].map((n) => delaySeconds(n, policy))).toEqual([
      0, 0, 2, 4, 8, 16, 32, 900,
    ]);
  });

  it('locks on the 10th failure for 15 minutes, then forgets everything', () => {
    let state: ThrottleState | undefined;
    let locked = false;
    for (let i = 0; i < 10; i++) {
      const next = afterFailure(state, policy, at(i * 60));
      locked = next.lockedNow;
      state = next;
    }
    expect(locked).toBe(true);
    expect(blockedUntil(state, policy, at(9 * 60 + 1))?.toISOString()).toBe(
      at(9 * 60 + 900).toISOString(),
    );
    expect(blockedUntil(state, policy, at(9 * 60 + 901))).toBeNull();
    // After the lock the count starts over: one typo does not lock again.
    const after = afterFailure(state, policy, at(9 * 60 + 901));
    expect(after).toMatchObject({ failures: 1, lockedNow: false, lockedUntil: null });
  });

  it('forgets failures an hour old', () => {
    const state = { failures: 8, lastFailureAt: t0, lockedUntil: null };
    expect(blockedUntil(state, policy, at(10))).not.toBeNull();
    expect(blockedUntil(state, policy, at(3601))).toBeNull();
    expect(afterFailure(state, policy, at(3601)).failures).toBe(1);
  });
});
