import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../db/uuid';
import { createSessionToken, parseSessionCookie } from './session-token';

describe('session tokens', () => {
  it('round-trips: the parsed cookie names the tenant and hashes to the stored digest', () => {
    const tenantId = uuidv7();
    const token = createSessionToken(tenantId);
    const parsed = parseSessionCookie(token.cookieValue);
    expect(parsed?.tenantId).toBe(tenantId);
    expect(parsed?.tokenHash.equals(token.tokenHash)).toBe(true);
  });

  it('carries 256 bits of randomness and never the same secret twice', () => {
    const tenantId = uuidv7();
    const secrets = new Set(
      Array.from({ length: 1000 }, () => createSessionToken(tenantId).cookieValue.split('.')[1]),
    );
    expect(secrets.size).toBe(1000);
    expect(Buffer.from([...secrets][0]!, 'base64url')).toHaveLength(32);
  });

  it('rejects anything that is not exactly <uuid>.<43 base64url characters>', () => {
    const good = createSessionToken(uuidv7()).cookieValue;
    for (const bad of [
      undefined,
      '',
      'x',
      `${good}.extra`,
      good.replace(/\.[^.]+$/, '.short'),
      `not-a-uuid.${good.split('.')[1]}`,
      good.replace(/.$/, '='),
    ]) {
      expect(parseSessionCookie(bad), String(bad)).toBeNull();
    }
  });
});
