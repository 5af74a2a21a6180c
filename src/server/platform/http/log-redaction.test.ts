import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction';

describe('redactUrl', () => {
  it('hides the token of a reset link and keeps other paths', () => {
    expect(redactUrl('/password-reset/0190.abcDEF_-x?x=1')).toBe('/password-reset/[redacted]?x=1');
    expect(redactUrl('/password-reset')).toBe('/password-reset');
    expect(redactUrl('/api/v1/customers?q=a')).toBe('/api/v1/customers?q=a');
  });
});
