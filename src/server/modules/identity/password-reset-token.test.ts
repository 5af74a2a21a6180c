import { describe, expect, it } from 'vitest';
import { isSpaNavigation } from '../../platform/http/web-app';
import { createResetToken, parseResetToken } from './password-reset-token';

const tenantId = '01938a2b-0000-7000-8000-000000000001';

describe('reset tokens', () => {
  it('round-trips, keeps 256 bits of secret and makes a page path the web server serves', () => {
    const { token, tokenHash } = createResetToken(tenantId);
    expect(token).toHaveLength(36 + 43);
    expect(parseResetToken(token)).toEqual({ tenantId, tokenHash });
    expect(isSpaNavigation('GET', `/password-reset/${token}`)).toBe(true);
    expect(createResetToken(tenantId).token).not.toBe(token);
  });

  it('rejects anything else', () => {
    const { token } = createResetToken(tenantId);
    for (const bad of [
      '',
      token.slice(0, -1),
      `${token}x`,
      `x${token.slice(1)}`,
      token.replace(/.$/, '.'),
    ]) {
      expect(parseResetToken(bad), bad).toBeNull();
    }
  });
});
