import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/server/ops/cli';
import { currentTotp } from '../../src/server/platform/auth/totp';
import { withOperatorTransaction } from '../../src/server/platform/db/operator-transaction';
import {
  api,
  createSignedInOperator,
  createTestApp,
  OPERATOR_PASSWORD,
  operatorCookieFrom,
  type TestApp,
} from '../support/app';

/** Operator MFA recovery (ADR 0026): recovery codes at enrolment, regeneration, CLI reset. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
});
afterAll(() => t.close());

async function signInPending(loginId: string) {
  const response = await api(t).post('/api/ops/v1/auth/login', {
    loginId,
    password: OPERATOR_PASSWORD,
  });
  expect(response.statusCode, response.body).toBe(200);
  return { cookie: operatorCookieFrom(response), stage: response.json().sessionStage as string };
}

async function operatorLog(loginId: string) {
  return withOperatorTransaction(t.db.pool, async (tx) => {
    const { rows } = await tx.client.query<{ event: string; detail: unknown }>(
      `SELECT l.event, l.detail FROM app.operator_audit_log l
         JOIN app.operators o ON o.operator_id::text = l.target_id
        WHERE o.login_id = $1 ORDER BY l.seq`,
      [loginId],
    );
    return rows;
  });
}

async function storedHashes(loginId: string): Promise<string[]> {
  return withOperatorTransaction(t.db.pool, async (tx) => {
    const { rows } = await tx.client.query<{ h: string[] }>(
      'SELECT mfa_recovery_hashes AS h FROM app.operators WHERE login_id = $1',
      [loginId],
    );
    return rows[0]?.h ?? [];
  });
}

describe('operator recovery codes', () => {
  it('are shown once at enrolment, stored only as keyed digests, and each signs in once', async () => {
    const op = await createSignedInOperator(t, 'ops-rec');
    expect(op.recoveryCodes).toHaveLength(10);
    expect(new Set(op.recoveryCodes).size).toBe(10);
    const hashes = await storedHashes('ops-rec');
    expect(hashes).toHaveLength(10);
    for (const code of op.recoveryCodes) {
      expect(hashes.join()).not.toContain(code.replace('-', ''));
      expect(hashes.every((h) => h.startsWith('h1:'))).toBe(true);
    }
    const me = await api(t, op.cookie).get('/api/ops/v1/auth/me');
    expect(me.json().recoveryCodesLeft).toBe(10);

    const [code] = op.recoveryCodes;
    const pending = await signInPending('ops-rec');
    // Typed with spaces and upper case, as people copy them.
    const typed = ` ${code?.toUpperCase()} `;
    const used = await api(t, pending.cookie).post('/api/ops/v1/auth/mfa/verify', { code: typed });
    expect(used.statusCode, used.body).toBe(204);
    const full = operatorCookieFrom(used);
    expect((await api(t, full).get('/api/ops/v1/tenants')).statusCode).toBe(200);
    expect((await api(t, full).get('/api/ops/v1/auth/me')).json().recoveryCodesLeft).toBe(9);

    const again = await signInPending('ops-rec');
    const replay = await api(t, again.cookie).post('/api/ops/v1/auth/mfa/verify', { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('mfa_code_invalid');

    const log = await operatorLog('ops-rec');
    const usedEntry = log.find((entry) => entry.event === 'operator.recovery_code_used');
    expect(usedEntry?.detail).toEqual({ recoveryCodesLeft: 9 });
    expect(log.filter((entry) => entry.event === 'operator.mfa_failed')).toHaveLength(1);
  });

  it('exchanges a pending session once, even for a TOTP and a recovery code sent together', async () => {
    const op = await createSignedInOperator(t, 'ops-race');
    const pending = await signInPending('ops-race');
    const [byTotp, byRecovery] = await Promise.all([
      api(t, pending.cookie).post('/api/ops/v1/auth/mfa/verify', {
        code: currentTotp(op.secret, Date.now() + 30_000),
      }),
      api(t, pending.cookie).post('/api/ops/v1/auth/mfa/verify', { code: op.recoveryCodes[0] }),
    ]);
    expect([byTotp.statusCode, byRecovery.statusCode].sort()).toEqual([204, 401]);
    const sessions = await withOperatorTransaction(t.db.pool, async (tx) => {
      const { rows } = await tx.client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM app.operator_sessions s
           JOIN app.operators o USING (operator_id)
          WHERE o.login_id = 'ops-race' AND s.stage = 'full' AND s.revoked_at IS NULL`,
      );
      return rows[0]?.n;
    });
    // The one from enrolment plus the one from this sign-in.
    expect(sessions).toBe(2);
  });

  it('does not accept another operator’s recovery code', async () => {
    const alice = await createSignedInOperator(t, 'ops-alice');
    await createSignedInOperator(t, 'ops-bob');
    const bob = await signInPending('ops-bob');
    const response = await api(t, bob.cookie).post('/api/ops/v1/auth/mfa/verify', {
      code: alice.recoveryCodes[0],
    });
    expect(response.statusCode).toBe(400);
    expect(await storedHashes('ops-alice')).toHaveLength(10);
  });

  it('are regenerated only with a fresh TOTP code, and the old ones stop working', async () => {
    const op = await createSignedInOperator(t, 'ops-regen');
    const client = api(t, op.cookie);
    const wrong = await client.post('/api/ops/v1/auth/mfa/recovery-codes', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    // A recovery code is not a fresh TOTP check.
    const withRecovery = await client.post('/api/ops/v1/auth/mfa/recovery-codes', {
      code: op.recoveryCodes[0],
    });
    expect(withRecovery.statusCode).toBe(400);
    const before = await storedHashes('ops-regen');

    const fresh = await client.post('/api/ops/v1/auth/mfa/recovery-codes', {
      code: currentTotp(op.secret, Date.now() + 30_000),
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
    const { recoveryCodes } = fresh.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    const after = await storedHashes('ops-regen');
    expect(after.some((h) => before.includes(h))).toBe(false);

    const pending = await signInPending('ops-regen');
    const old = await api(t, pending.cookie).post('/api/ops/v1/auth/mfa/verify', {
      code: op.recoveryCodes[1],
    });
    expect(old.statusCode).toBe(400);
    const renewed = await api(t, pending.cookie).post('/api/ops/v1/auth/mfa/verify', {
      code: recoveryCodes[0],
    });
    expect(renewed.statusCode).toBe(204);
    const events = (await operatorLog('ops-regen')).map((entry) => entry.event);
    expect(events).toContain('operator.recovery_codes_regenerated');
  });
});

describe('ops operator:reset-mfa', () => {
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      argv,
      { DATABASE_URL: t.db.runtimeUrl, DATABASE_OWNER_URL: t.db.ownerUrl },
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('removes TOTP and recovery codes, ends sessions, is audited, and forces re-enrolment', async () => {
    const op = await createSignedInOperator(t, 'ops-lost');
    const result = await run('operator:reset-mfa', 'ops-lost');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('1 sessions ended');
    expect((await api(t, op.cookie).get('/api/ops/v1/auth/me')).statusCode).toBe(401);
    expect(await storedHashes('ops-lost')).toEqual([]);

    const next = await signInPending('ops-lost');
    expect(next.stage).toBe('mfa_enrol');
    const blocked = await api(t, next.cookie).get('/api/ops/v1/tenants');
    expect(blocked.json().code).toBe('mfa_enrolment_required');
    // The old authenticator no longer works: there is no code step to give it to.
    const oldCode = await api(t, next.cookie).post('/api/ops/v1/auth/mfa/verify', {
      code: currentTotp(op.secret, Date.now() + 30_000),
    });
    expect(oldCode.json().code).toBe('mfa_not_pending');

    const reset = (await operatorLog('ops-lost')).find((e) => e.event === 'operator.mfa_reset');
    expect(reset?.detail).toEqual({ loginId: 'ops-lost', hadMfa: true, sessionsEnded: 1 });
  });

  it('refuses an unknown login ID and a missing argument', async () => {
    const unknown = await run('operator:reset-mfa', 'nobody-here');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No operator "nobody-here"');
    expect((await run('operator:reset-mfa')).code).toBe(2);
  });
});
