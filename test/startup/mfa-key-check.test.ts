import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMfaKey, MfaKeyMismatchError } from '../../src/server/platform/auth/mfa-key-check';
import { createSecretBox } from '../../src/server/platform/auth/secret-box';
import { currentTotp } from '../../src/server/platform/auth/totp';
import { loadConfig } from '../../src/server/platform/config';
import { startAkinai } from '../../src/server/server';
import {
  api,
  createSignedInTenant,
  createTestApp,
  createUser,
  TEST_PASSWORD,
} from '../support/app';
import { startAppProcess } from '../support/app-process';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * Start-up with MFA_ENCRYPTION_KEY (ADR 0027): the right key starts, another one stops the app
 * before it listens, with a message naming the variable and both ways out.
 */
const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const boxOf = (key: string) => createSecretBox(Buffer.from(key, 'base64'));
const dirs: string[] = [];
let db: TestDatabase;

const storedChecks = async (target: TestDatabase) =>
  (await target.superuser.query('SELECT sealed FROM app.mfa_key_check')).rows;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function startConfig(target: TestDatabase, key: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'akinai-mfakey-'));
  dirs.push(dataDir);
  return loadConfig({
    NODE_ENV: 'development',
    MFA_ENCRYPTION_KEY: key,
    DATABASE_URL: target.runtimeUrl,
    DATABASE_OWNER_URL: target.ownerUrl,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DEMO_TENANT: 'false',
    LIFECYCLE_JOB: 'false',
  });
}

describe('the start-up key check', () => {
  it('stores the check value on the first start, passes with the same key and refuses another', async () => {
    expect(await storedChecks(db)).toEqual([]);
    expect(await checkMfaKey(db.pool, boxOf(keyA))).toBe('created');
    expect(await checkMfaKey(db.pool, boxOf(keyA))).toBe('matched');
    const [row] = await storedChecks(db);
    expect(row.sealed).toMatch(/^v1\./);

    const refused = checkMfaKey(db.pool, boxOf(keyB));
    await expect(refused).rejects.toBeInstanceOf(MfaKeyMismatchError);
    await expect(refused).rejects.toThrow(/MFA_ENCRYPTION_KEY/);
    await expect(refused).rejects.toThrow(/npm run ops -- mfa:forget-key --yes/);
    // The refused key did not replace the stored value.
    expect(await storedChecks(db)).toEqual([row]);
  });

  it('is hidden from transactions outside the operator plane and fixed for the runtime role', async () => {
    const { rows } = await db.pool.query('SELECT * FROM app.mfa_key_check');
    expect(rows).toEqual([]);
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SET LOCAL app.operator_plane = 'on'");
      await expect(client.query("UPDATE app.mfa_key_check SET sealed = 'x'")).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('lets instances starting together on an empty database agree on one value', async () => {
    const fresh = await createTestDatabase();
    try {
      const outcomes = await Promise.all(
        [1, 2, 3, 4].map(() => checkMfaKey(fresh.pool, boxOf(keyA))),
      );
      expect(outcomes.every((o) => o === 'created' || o === 'matched')).toBe(true);
      expect(await storedChecks(fresh)).toHaveLength(1);
    } finally {
      await fresh.drop();
    }
    const raced = await createTestDatabase();
    try {
      const results = await Promise.allSettled([
        checkMfaKey(raced.pool, boxOf(keyA)),
        checkMfaKey(raced.pool, boxOf(keyB)),
      ]);
      // Whichever inserted first wins; the other key is refused, never written over it.
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
      expect(await storedChecks(raced)).toHaveLength(1);
    } finally {
      await raced.drop();
    }
  });

  it('on its first run refuses a key that does not open the secrets already enrolled', async () => {
    // buildApp alone (as before this check existed) enrols a user without storing a check value.
    const t = await createTestApp({ MFA_ENCRYPTION_KEY: keyA });
    const legacy = t.db;
    try {
      const tenant = await createSignedInTenant(t);
      const user = await createUser(t, tenant, { loginId: 'enrolled', permissions: [] });
      const started = await api(t, user.cookie).post('/api/v1/auth/mfa/enrolment', {
        password: TEST_PASSWORD,
      });
      const confirmed = await api(t, user.cookie).post('/api/v1/auth/mfa/enrolment/confirm', {
        code: currentTotp(started.json().secret),
      });
      expect(confirmed.statusCode).toBe(200);
      expect(await storedChecks(legacy)).toEqual([]);

      await expect(checkMfaKey(legacy.pool, boxOf(keyB))).rejects.toBeInstanceOf(
        MfaKeyMismatchError,
      );
      expect(await storedChecks(legacy)).toEqual([]);
      expect(await checkMfaKey(legacy.pool, boxOf(keyA))).toBe('created');
    } finally {
      await t.close();
    }
  });
});

describe('startAkinai', () => {
  it('starts with the key of the database and refuses another one before listening', async () => {
    const target = await createTestDatabase();
    try {
      const akinai = await startAkinai(startConfig(target, keyA));
      try {
        expect(
          (await fetch(`${akinai.url.replace('localhost', '127.0.0.1')}/healthz`)).status,
        ).toBe(200);
      } finally {
        await akinai.stop();
      }
      await expect(startAkinai(startConfig(target, keyB))).rejects.toBeInstanceOf(
        MfaKeyMismatchError,
      );
      const again = await startAkinai(startConfig(target, keyA));
      await again.stop();
    } finally {
      await target.drop();
    }
  });

  it('exits non-zero with the message when run as a process with another key', async () => {
    const target = await createTestDatabase();
    try {
      const first = await startAppProcess(target, {
        MFA_ENCRYPTION_KEY: keyA,
        DEMO_TENANT: 'false',
      });
      await first.stop();
      const failed = startAppProcess(target, { MFA_ENCRYPTION_KEY: keyB, DEMO_TENANT: 'false' });
      await expect(failed).rejects.toThrow(/exited with code 1 during start/);
      await expect(failed).rejects.toThrow(/MFA_ENCRYPTION_KEY is not the key/);
      await expect(failed).rejects.toThrow(/mfa:forget-key --yes/);
    } finally {
      await target.drop();
    }
  });
});
