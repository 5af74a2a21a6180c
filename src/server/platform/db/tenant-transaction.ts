import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { isUuid } from './uuid';

/**
 * The one way to touch tenant data: a transaction whose tenant is fixed by a transaction-local
 * setting, so row-level security filters every statement in it and nothing leaks to the next
 * user of the pooled connection.
 */
export interface TenantTransaction {
  readonly tenantId: string;
  readonly client: pg.PoolClient;
  readonly db: NodePgDatabase;
}

export interface OpenTenantTransaction extends TenantTransaction {
  /** Results of the prelude statements, in order. */
  readonly preludeResults: pg.QueryResult[];
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * Opens the transaction in one round trip: BEGIN, the tenant setting and optional prelude
 * statements travel as one simple-protocol message. The tenant id is inlined only after a
 * strict UUID check; a prelude must likewise contain nothing but validated literals.
 */
export async function openTenantTransaction(
  pool: pg.Pool,
  tenantId: string,
  prelude: readonly string[] = [],
): Promise<OpenTenantTransaction> {
  if (!isUuid(tenantId)) throw new Error('Tenant id is not a UUID');
  const client = await pool.connect();
  // While checked out, a client has no pool listener: a backend killed mid-request (restart,
  // failover) would raise an unhandled 'error' and crash the process. The failing query
  // rejects anyway; this only keeps the event from being fatal.
  const onConnectionError = () => {};
  client.on('error', onConnectionError);
  let results: pg.QueryResult[];
  try {
    const text = [
      'BEGIN',
      `SELECT set_config('app.tenant_id', '${tenantId}', true)`,
      ...prelude,
    ].join(';\n');
    results = (await client.query(text)) as unknown as pg.QueryResult[];
  } catch (error) {
    client.off('error', onConnectionError);
    await releaseAfterFailure(client);
    throw error;
  }
  let finished = false;
  const finish = async (statement: 'COMMIT' | 'ROLLBACK') => {
    if (finished) return;
    finished = true;
    client.off('error', onConnectionError);
    try {
      await client.query(statement);
      client.release();
    } catch (error) {
      client.release(error as Error);
      if (statement === 'COMMIT') throw error;
    }
  };
  return {
    tenantId,
    client,
    db: drizzle(client),
    preludeResults: results.slice(2),
    commit: () => finish('COMMIT'),
    rollback: () => finish('ROLLBACK'),
  };
}

export async function withTenantTransaction<T>(
  pool: pg.Pool,
  tenantId: string,
  work: (tx: TenantTransaction) => Promise<T>,
): Promise<T> {
  const tx = await openTenantTransaction(pool, tenantId);
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (error) {
    await tx.rollback();
    throw error;
  }
}

async function releaseAfterFailure(client: pg.PoolClient): Promise<void> {
  try {
    await client.query('ROLLBACK');
    client.release();
  } catch (error) {
    client.release(error as Error);
  }
}
