import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { ImportRunner } from '../../src/server/modules/master-io/import-runner';
import { createOperator } from '../../src/server/modules/operators/create-operator';
import { createTenant } from '../../src/server/modules/organization/create-tenant';
import type { RegisteredRoute } from '../../src/server/platform/access/route-access';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import { currentTotp } from '../../src/server/platform/auth/totp';
import { loadConfig } from '../../src/server/platform/config';
import { withOperatorTransaction } from '../../src/server/platform/db/operator-transaction';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import { uuidv7 } from '../../src/server/platform/db/uuid';
import { createTestDatabase, type TestDatabase } from './database';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: FastifyInstance;
  routes: RegisteredRoute[];
  db: TestDatabase;
  /** The app's import runner (master import stages run here, ADR 0022). */
  imports: ImportRunner;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
  const { app, routes, imports } = await buildApp({ config, pool: db.pool });
  return {
    app,
    routes,
    db,
    imports,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

export interface TestTenant {
  tenantId: string;
  code: string;
  adminCookie: string;
}

let tenantCounter = 0;

/** A tenant with a signed-in org admin; codes are unique per test database. */
export async function createSignedInTenant(app: TestApp, code?: string): Promise<TestTenant> {
  const tenantCode = code ?? `t${process.pid}-${++tenantCounter}`;
  const { tenantId } = await createTenant(
    app.db.pool,
    {
      code: tenantCode,
      name: `テスト株式会社 ${tenantCode}`,
      admin: { loginId: 'admin', name: '管理者', password: TEST_PASSWORD },
    },
    { actorLabel: 'test', ip: '127.0.0.1', userAgent: 'vitest', requestId: 'test' },
  );
  const adminCookie = await login(app, tenantCode, 'admin', TEST_PASSWORD);
  return { tenantId, code: tenantCode, adminCookie };
}

/** Adds a staff user with exactly the given permissions (in a group of their own). */
export async function createUser(
  app: TestApp,
  tenant: TestTenant,
  options: { loginId: string; permissions: string[]; isActive?: boolean },
): Promise<{ userId: string; cookie: string }> {
  const userId = uuidv7();
  const groupId = uuidv7();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  await withTenantTransaction(app.db.pool, tenant.tenantId, async (tx) => {
    await tx.client.query(
      'INSERT INTO app.permission_groups (tenant_id, group_id, name, permissions) VALUES ($1, $2, $3, $4)',
      [tenant.tenantId, groupId, `group-${options.loginId}`, options.permissions],
    );
    await tx.client.query(
      `INSERT INTO app.users (tenant_id, user_id, login_id, name, password_hash, group_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenant.tenantId, userId, options.loginId, options.loginId, passwordHash, groupId],
    );
  });
  const cookie = await login(app, tenant.code, options.loginId, TEST_PASSWORD);
  return { userId, cookie };
}

export async function login(
  app: TestApp,
  tenantCode: string,
  loginId: string,
  password: string,
): Promise<string> {
  const response = await app.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-requested-with': 'akinai' },
    payload: { tenantCode, loginId, password },
  });
  if (response.statusCode !== 204) {
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  }
  return sessionCookieFrom(response);
}

export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name.endsWith('akinai_session'));
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

/** Request helper that sends what the web client sends. */
export function api(app: TestApp, cookie?: string) {
  const send = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ) =>
    app.app.inject({
      method,
      url,
      headers: {
        'x-requested-with': 'akinai',
        ...(cookie ? { cookie } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, payload?: unknown) => send('POST', url, payload ?? {}),
    put: (url: string, payload?: unknown) => send('PUT', url, payload ?? {}),
    send,
  };
}

export const OPERATOR_PASSWORD = 'operator passphrase for tests';

/** An operator account (as the CLI makes it), not yet signed in. */
export async function createTestOperator(app: TestApp, loginId: string): Promise<void> {
  await withOperatorTransaction(app.db.pool, (tx) =>
    createOperator(
      tx,
      {
        operatorId: null,
        actorLabel: 'test',
        ip: '127.0.0.1',
        userAgent: 'vitest',
        requestId: 't',
      },
      { loginId, name: `運用 ${loginId}`, password: OPERATOR_PASSWORD },
    ),
  );
}

export function operatorCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name.endsWith('akinai_ops'));
  if (!cookie) throw new Error(`no operator cookie: ${response.statusCode} ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

/**
 * A fully signed-in operator: created, password, TOTP enrolment, code. Returns the console
 * cookie and the TOTP secret (for later sign-ins).
 */
export async function createSignedInOperator(
  app: TestApp,
  loginId = `op${++tenantCounter}`,
): Promise<{ cookie: string; secret: string; loginId: string; recoveryCodes: string[] }> {
  await createTestOperator(app, loginId);
  const first = await api(app).post('/api/ops/v1/auth/login', {
    loginId,
    password: OPERATOR_PASSWORD,
  });
  const pending = operatorCookieFrom(first);
  const enrolment = await api(app, pending).post('/api/ops/v1/auth/mfa/enrolment');
  const { secret } = enrolment.json() as { secret: string };
  const confirmed = await api(app, pending).post('/api/ops/v1/auth/mfa/enrolment/confirm', {
    code: currentTotp(secret),
  });
  const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
  return { cookie: operatorCookieFrom(confirmed), secret, loginId, recoveryCodes };
}
