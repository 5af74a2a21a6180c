/** Retry policy of the delivery job: exponential back-off, capped, then give up. */
export interface RetryPolicy {
  /** Delay after the first failure. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts (including the first) before a mail is marked failed. */
  maxAttempts: number;
}

/** About 30 s, 1, 2, 4 … minutes, at most an hour apart: roughly nine hours of retries. */
export const defaultRetryPolicy: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 15,
};

/** Delay before the next try after `attempts` failed attempts (1 = the first failed). */
export function retryDelayMs(attempts: number, policy: RetryPolicy = defaultRetryPolicy): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
}
