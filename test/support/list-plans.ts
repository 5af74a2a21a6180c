import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import {
  openTenantTransaction,
  type TenantTransaction,
} from '../../src/server/platform/db/tenant-transaction';

/**
 * EXPLAIN of the statements a list function sends for one request, inside the tenant's
 * transaction as the runtime role, with table and bitmap scans ruled out: a plan that still
 * needs one shows `Disabled: true`. Tables should be vacuumed first (index-only scans need the
 * visibility map).
 */
export async function listPlans(
  pool: pg.Pool,
  tenantId: string,
  list: (tx: TenantTransaction) => Promise<unknown>,
): Promise<string> {
  const tx = await openTenantTransaction(pool, tenantId);
  try {
    const sent: pg.QueryConfig[] = [];
    const client = new Proxy(tx.client, {
      get: (target, property, receiver) =>
        property === 'query'
          ? (config: pg.QueryConfig) => {
              sent.push(config);
              return target.query(config);
            }
          : Reflect.get(target, property, receiver),
    });
    await list({ tenantId, client, db: drizzle(client) });
    await tx.client.query('SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off');
    const explained: string[] = [];
    for (const { text, values } of sent) {
      const { rows } = await tx.client.query(`EXPLAIN (COSTS OFF) ${text}`, values);
      explained.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
    }
    return explained.join('\n');
  } finally {
    await tx.rollback();
  }
}
