import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles from the base delay and stops at the cap', () => {
    const policy = { baseDelayMs: 1000, maxDelayMs: 10_000, maxAttempts: 5 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, policy))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it('keeps retrying a long SMTP outage for hours before giving up', () => {
    let total = 0;
    for (let n = 1; n < defaultRetryPolicy.maxAttempts; n++) total += retryDelayMs(n);
    expect(total).toBeGreaterThan(6 * 60 * 60_000);
  });
});
