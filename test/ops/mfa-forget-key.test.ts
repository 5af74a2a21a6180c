import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { main } from '../../src/server/ops/cli';
import { checkMfaKey, MfaKeyMismatchError } from '../../src/server/platform/auth/mfa-key-check';
import { createSecretBox } from '../../src/server/platform/auth/secret-box';
import { currentTotp } from '../../src/server/platform/auth/totp';
import { loadConfig } from '../../src/server/platform/config';
import { startAkinai } from '../../src/server/server';
import {
  api,
  createSignedInOperator,
  createSignedInTenant,
  createTestApp,
  createUser,
  login,
  OPERATOR_PASSWORD,
  operatorCookieFrom,
  TEST_PASSWORD,
  type TestApp,
  type TestTenant,
} from '../support/app';

/**
 * `npm run ops -- mfa:forget-key` for a lost MFA_ENCRYPTION_KEY (ADR 0027): users and operators
 * enrolled under key A, the app now configured with key B.
 */
const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const boxOf = (key: string) => createSecretBox(Buffer.from(key, 'base64'));

let t: TestApp;
let required: TestTenant;
let optional: TestTenant;
let untouched: TestTenant;
let strictUser: { userId: string; cookie: string };
let casualUser: { userId: string; cookie: string };
let operator: { cookie: string; loginId: string };
const dataDir = mkdtempSync(join(tmpdir(), 'akinai-forget-'));

async function enrol(cookie: string) {
  const started = await api(t, cookie).post('/api/v1/auth/mfa/enrolment', {
    password: TEST_PASSWORD,
  });
  const confirmed = await api(t, cookie).post('/api/v1/auth/mfa/enrolment/confirm', {
    code: currentTotp(started.json().secret),
  });
  expect(confirmed.statusCode).toBe(200);
}

async function run(argv: string[], key: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    { DATABASE_URL: t.db.runtimeUrl, DATABASE_OWNER_URL: t.db.ownerUrl, MFA_ENCRYPTION_KEY: key },
    { out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const sealedLeft = async () => {
  const { rows } = await t.db.superuser.query<{ users: number; operators: number }>(
    `SELECT (SELECT count(*)::int FROM app.users WHERE mfa_secret IS NOT NULL
               OR mfa_pending_secret IS NOT NULL OR cardinality(mfa_recovery_hashes) > 0) AS users,
            (SELECT count(*)::int FROM app.operators WHERE mfa_secret IS NOT NULL
               OR mfa_pending_secret IS NOT NULL OR cardinality(mfa_recovery_hashes) > 0) AS operators`,
  );
  return rows[0];
};

beforeAll(async () => {
  t = await createTestApp({ MFA_ENCRYPTION_KEY: keyA, LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
  expect(await checkMfaKey(t.db.pool, boxOf(keyA))).toBe('created');
  required = await createSignedInTenant(t);
  strictUser = await createUser(t, required, { loginId: 'strict', permissions: [] });
  await enrol(strictUser.cookie);
  const put = await api(t, required.adminCookie).put('/api/v1/settings/mfa', {
    required: 'everyone',
  });
  expect(put.statusCode).toBe(200);
  optional = await createSignedInTenant(t);
  casualUser = await createUser(t, optional, { loginId: 'casual', permissions: [] });
  await enrol(casualUser.cookie);
  untouched = await createSignedInTenant(t);
  operator = await createSignedInOperator(t, 'keyholder');
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('ops mfa:forget-key', () => {
  it('refuses without --yes, and with the key the database already has, changing nothing', async () => {
    const before = await sealedLeft();
    expect(before).toEqual({ users: 2, operators: 1 });

    const unconfirmed = await run(['mfa:forget-key'], keyB);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.err).toMatch(/Add --yes/);

    const sameKey = await run(['mfa:forget-key', '--yes'], keyA);
    expect(sameKey.code).toBe(2);
    expect(sameKey.err).toMatch(/nothing to forget/);

    expect(await sealedLeft()).toEqual(before);
    expect(await checkMfaKey(t.db.pool, boxOf(keyA))).toBe('matched');
  });

  it('clears every secret and recovery code in one go, audits it and seals the check with the new key', async () => {
    const result = await run(['mfa:forget-key', '--yes'], keyB);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain(
      'Two-step verification reset: 2 users in 2 organisations, 1 operators.',
    );
    expect(await sealedLeft()).toEqual({ users: 0, operators: 0 });

    // The tenant's requirement is kept: it is what sends its users back to enrolment.
    const { rows: policy } = await t.db.superuser.query(
      'SELECT mfa_required FROM app.tenants WHERE tenant_id = $1',
      [required.tenantId],
    );
    expect(policy[0].mfa_required).toBe('everyone');

    const { rows: audit } = await t.db.superuser.query(
      `SELECT tenant_id, target_id, actor_label, after FROM app.audit_log
        WHERE event = 'user.mfa_reset' ORDER BY tenant_id`,
    );
    expect(audit).toHaveLength(2);
    expect(new Set(audit.map((row) => row.tenant_id))).toEqual(
      new Set([required.tenantId, optional.tenantId]),
    );
    expect(audit.map((row) => row.target_id).sort()).toEqual(
      [strictUser.userId, casualUser.userId].sort(),
    );
    for (const row of audit) {
      expect(row.actor_label).toMatch(/^CLI /);
      expect(row.after).toMatchObject({ reason: 'mfa_key_forgotten', sessionsEnded: 1 });
    }
    expect(audit.some((row) => row.tenant_id === untouched.tenantId)).toBe(false);

    const { rows: opsLog } = await t.db.superuser.query(
      `SELECT event, detail FROM app.operator_audit_log
        WHERE event IN ('platform.mfa_key_forgotten', 'operator.mfa_reset') ORDER BY seq`,
    );
    expect(opsLog).toEqual([
      {
        event: 'operator.mfa_reset',
        detail: { loginId: 'keyholder', reason: 'mfa_key_forgotten', sessionsEnded: 1 },
      },
      {
        event: 'platform.mfa_key_forgotten',
        detail: { operatorsReset: 1, usersReset: 2, tenantsAffected: 2 },
      },
    ]);

    const verify = await run(['audit:verify'], keyB);
    expect(verify.code, verify.out + verify.err).toBe(0);

    expect(await checkMfaKey(t.db.pool, boxOf(keyB))).toBe('matched');
    await expect(checkMfaKey(t.db.pool, boxOf(keyA))).rejects.toBeInstanceOf(MfaKeyMismatchError);
  });

  it('lets the app start with the new key', async () => {
    const akinai = await startAkinai(
      loadConfig({
        MFA_ENCRYPTION_KEY: keyB,
        DATABASE_URL: t.db.runtimeUrl,
        DATABASE_OWNER_URL: t.db.ownerUrl,
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DEMO_TENANT: 'false',
        LIFECYCLE_JOB: 'false',
      }),
    );
    await akinai.stop();
  });

  it('sends users and operators who were enrolled back to enrolment, where the new key works', async () => {
    const { app } = await buildApp({
      config: loadConfig({
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        MFA_ENCRYPTION_KEY: keyB,
        LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      }),
      pool: t.db.pool,
    });
    const after: TestApp = { ...t, app: app as FastifyInstance };
    try {
      // Sessions opened under the old key ended with it.
      expect((await api(after, strictUser.cookie).get('/api/v1/auth/me')).statusCode).toBe(401);
      expect((await api(after, operator.cookie).get('/api/ops/v1/auth/me')).statusCode).toBe(401);

      const strict = await login(after, required.code, 'strict', TEST_PASSWORD);
      expect((await api(after, strict).get('/api/v1/auth/me')).json().sessionStage).toBe(
        'mfa_enrol',
      );
      const started = await api(after, strict).post('/api/v1/auth/mfa/enrolment', {
        password: TEST_PASSWORD,
      });
      const confirmed = await api(after, strict).post('/api/v1/auth/mfa/enrolment/confirm', {
        code: currentTotp(started.json().secret),
      });
      expect(confirmed.statusCode).toBe(200);

      // Where the organisation does not require it, the password alone signs in until they enrol.
      const casual = await login(after, optional.code, 'casual', TEST_PASSWORD);
      expect((await api(after, casual).get('/api/v1/auth/me')).json().sessionStage).toBe('full');

      const ops = await api(after).post('/api/ops/v1/auth/login', {
        loginId: 'keyholder',
        password: OPERATOR_PASSWORD,
      });
      expect(ops.json()).toEqual({ sessionStage: 'mfa_enrol' });
      const pending = operatorCookieFrom(ops);
      const opsEnrolment = await api(after, pending).post('/api/ops/v1/auth/mfa/enrolment');
      const opsConfirmed = await api(after, pending).post(
        '/api/ops/v1/auth/mfa/enrolment/confirm',
        { code: currentTotp(opsEnrolment.json().secret) },
      );
      expect(opsConfirmed.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
