import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSignedInTenant,
  createTestApp,
  login,
  TEST_PASSWORD,
  type TestApp,
  type TestTenant,
} from '../support/app';

/** White paper §8 and SECURITY.md: argon2id at m=19456 KiB, t=2, p=1, raised at sign-in. */
const CURRENT = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;

let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

async function storedHash(): Promise<string> {
  const { rows } = await t.db.superuser.query<{ password_hash: string }>(
    "SELECT password_hash FROM app.users WHERE tenant_id = $1 AND login_id = 'admin'",
    [tenant.tenantId],
  );
  return rows[0]!.password_hash;
}

describe('password storage', () => {
  it('keeps only an argon2id hash with the current parameters, never the password', async () => {
    const stored = await storedHash();
    expect(stored).toMatch(CURRENT);
    expect(stored).not.toContain(TEST_PASSWORD);
  });

  it('replaces a hash made with weaker parameters at the next sign-in', async () => {
    const weak = await hash(TEST_PASSWORD, {
      algorithm: 2,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    });
    await t.db.superuser.query(
      "UPDATE app.users SET password_hash = $2 WHERE tenant_id = $1 AND login_id = 'admin'",
      [tenant.tenantId, weak],
    );
    await login(t, tenant.code, 'admin', TEST_PASSWORD);
    const upgraded = await storedHash();
    expect(upgraded).toMatch(CURRENT);
    expect(upgraded).not.toBe(weak);
    // The new hash still opens the account.
    await login(t, tenant.code, 'admin', TEST_PASSWORD);
  });
});
