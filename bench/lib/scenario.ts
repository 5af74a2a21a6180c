import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTenant } from '../../src/server/modules/organization/create-tenant';
import { hashPassword } from '../../src/server/platform/auth/passwords';
import type { startEmbeddedPostgres } from '../../src/server/platform/db/embedded';
import { createPool } from '../../src/server/platform/db/pool';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import { uuidv7 } from '../../src/server/platform/db/uuid';
import { createCleanups } from './cleanups';
import { postmasterPid } from './cpu';
import { type GeneratedCustomer, generateCustomers } from './data';
import { startBenchDatabase } from './database';
import { benchApiEnv, type ServerProcess, startServerProcess } from './processes';
import { insertCustomers } from './seed';

/**
 * The set-up the mixed and noisy-neighbour benches share: a fresh embedded PostgreSQL,
 * several tenants each with staff users and a customer master, and the real app in child
 * processes (one per configuration asked for).
 */

export const BENCH_PASSWORD = 'bench-user-password-0123';

export const STAFF_PERMISSIONS = [
  'customers:view',
  'customers:create',
  'products:view',
  'products:create',
];

export interface BenchTenant {
  code: string;
  tenantId: string;
  /** Login ids of the staff users (all with BENCH_PASSWORD). */
  users: string[];
  customers: GeneratedCustomer[];
}

export interface TenantPlan {
  code: string;
  customers: number;
  users: number;
  /** Staff get STAFF_PERMISSIONS; admins are 組織管理者 (exports need it). */
  admins?: boolean;
}

export interface Scenario {
  dataDir: string;
  db: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  postgresPid: number;
  tenants: BenchTenant[];
  startApi(name: string, env?: Record<string, string>): Promise<ServerProcess>;
  cleanUp(): Promise<void>;
}

const benchDir = fileURLToPath(new URL('..', import.meta.url));

export async function createScenario(
  plans: readonly TenantPlan[],
  log: (message: string) => void,
): Promise<Scenario> {
  // The scenario's caller owns Ctrl-C (bench/run.ts) and calls cleanUp from there.
  const cleanups = createCleanups({ onSignal: false });
  const { cleanUp } = cleanups;
  try {
    const { dataDir, db } = await startBenchDatabase('akinai-bench-', cleanups, log);
    const pool = createPool(db.runtimeUrl, 4);
    cleanups.push(() => pool.end());

    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const tenants: BenchTenant[] = [];
    for (const [index, plan] of plans.entries()) {
      const { tenantId } = await createTenant(
        pool,
        {
          code: plan.code,
          name: `ベンチ${index + 1}株式会社`,
          admin: { loginId: 'admin', name: '管理者', password: BENCH_PASSWORD },
        },
        { actorLabel: 'bench', ip: '127.0.0.1', userAgent: 'akinai-bench', requestId: 'bench' },
      );
      const customers = generateCustomers(plan.customers, 1000 + index);
      await insertCustomers(pool, tenantId, customers);
      const users = await insertStaff(pool, tenantId, plan, passwordHash);
      tenants.push({ code: plan.code, tenantId, users, customers });
      log(
        `tenant ${plan.code}: ${plan.customers.toLocaleString('en-US')} customers, ${users.length} users`,
      );
    }
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    await owner.query('VACUUM (ANALYZE)');
    await owner.end();
    const superuser = new pg.Client({ connectionString: db.superuserUrl });
    await superuser.connect();
    await superuser.query('CHECKPOINT');
    await superuser.end();

    const startApi = async (name: string, env: Record<string, string> = {}) => {
      const server = await startServerProcess(name, join(benchDir, 'servers/api.ts'), {
        ...benchApiEnv({
          dataDir,
          runtimeUrl: db.runtimeUrl,
          ownerUrl: db.ownerUrl,
          poolSize: process.env.DATABASE_POOL_SIZE ?? '10',
        }),
        DEMO_TENANT: 'false',
        LIFECYCLE_JOB: 'false',
        // Every simulated user comes from 127.0.0.1: the per-address limits would otherwise
        // treat the whole benchmark as one client. The per-tenant limits stay as configured.
        RATE_LIMIT_PER_MINUTE: '100000000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '100000000',
        ...env,
      });
      cleanups.push(() => server.stop());
      return server;
    };
    return {
      dataDir,
      db,
      postgresPid: postmasterPid(join(dataDir, 'pgdata')),
      tenants,
      startApi,
      cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** Staff users in one permission group (or 組織管理者), inserted like the tests' createUser. */
async function insertStaff(
  pool: pg.Pool,
  tenantId: string,
  plan: TenantPlan,
  passwordHash: string,
): Promise<string[]> {
  const groupId = uuidv7();
  const loginIds = Array.from({ length: plan.users }, (_, i) => `user${i + 1}`);
  await withTenantTransaction(pool, tenantId, async (tx) => {
    await tx.client.query(
      'INSERT INTO app.permission_groups (tenant_id, group_id, name, permissions) VALUES ($1, $2, $3, $4)',
      [tenantId, groupId, '営業', STAFF_PERMISSIONS],
    );
    for (const loginId of loginIds) {
      await tx.client.query(
        `INSERT INTO app.users (tenant_id, user_id, login_id, name, password_hash, group_id, is_org_admin)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          tenantId,
          uuidv7(),
          loginId,
          `担当 ${loginId}`,
          passwordHash,
          groupId,
          plan.admins ?? false,
        ],
      );
    }
  });
  return loginIds;
}
