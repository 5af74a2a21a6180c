import { describe, expect, it } from 'vitest';
import { createApiToken, parseBearerToken } from './api-token';

const TENANT = '01936b2a-0000-7000-8000-000000000001';

describe('API token format', () => {
  it('round-trips a created token through the Authorization header', () => {
    const created = createApiToken(TENANT);
    expect(created.token).toMatch(/^akn_01936b2a-0000-7000-8000-000000000001_[\w-]{43}$/);
    const parsed = parseBearerToken(`Bearer ${created.token}`);
    expect(parsed?.tenantId).toBe(TENANT);
    expect(parsed?.tokenHash.equals(created.tokenHash)).toBe(true);
  });

  it('rejects malformed headers without throwing', () => {
    const { token } = createApiToken(TENANT);
    for (const header of [
      undefined,
      '',
      token,
      `Basic ${token}`,
      `Bearer ${token}x`,
      `Bearer ${token.replace('akn_', 'akx_')}`,
      `Bearer akn_not-a-uuid-at-all-0000000000000000_${'a'.repeat(43)}`,
      `Bearer ${token} extra`,
    ]) {
      expect(parseBearerToken(header)).toBeNull();
    }
  });
});
