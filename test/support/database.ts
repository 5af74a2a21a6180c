import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectionUrl } from '../../src/server/platform/db/bootstrap';
import { createPool } from '../../src/server/platform/db/pool';
import { TEMPLATE_DATABASE } from './global-setup';

export interface TestDatabase {
  name: string;
  runtimeUrl: string;
  ownerUrl: string;
  superuserUrl: string;
  /** Runtime role: subject to row-level security, as the app is. */
  pool: pg.Pool;
  /** Superuser: bypasses row-level security, for assertions about what is really stored. */
  superuser: pg.Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = inject('databaseServer');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.superuserUrl });
  await admin.connect();
  try {
    await withRetry(() =>
      admin.query(
        `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE} OWNER ${server.ownerRole}`,
      ),
    );
    await admin.query(`GRANT CONNECT ON DATABASE ${name} TO ${server.runtimeRole}`);
  } finally {
    await admin.end();
  }
  const runtimeUrl = connectionUrl(server.port, server.runtimeRole, server.runtimePassword, name);
  const ownerUrl = connectionUrl(server.port, server.ownerRole, server.ownerPassword, name);
  const superuserUrl = server.superuserUrl.replace(/\/postgres$/, `/${name}`);
  const pool = createPool(runtimeUrl, 10);
  const superuser = createPool(superuserUrl, 2);
  return {
    name,
    runtimeUrl,
    ownerUrl,
    superuserUrl,
    pool,
    superuser,
    async drop() {
      await pool.end();
      await superuser.end();
      const client = new pg.Client({ connectionString: server.superuserUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Two files cloning the template at the same instant can collide; a retry settles it. */
async function withRetry<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
