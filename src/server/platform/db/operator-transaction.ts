import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { TenantTransaction } from './tenant-transaction';
import { isUuid } from './uuid';

/**
 * A transaction of the operator plane: `app.operator_plane` is set transaction-locally, which
 * opens the operator tables and the contract columns of app.tenants (ADR 0016). Tenant
 * business tables stay closed: their policies only compare tenant_id with app.tenant_id.
 */
export interface OperatorTransaction {
  readonly client: pg.PoolClient;
  readonly db: NodePgDatabase;
}

export interface OpenOperatorTransaction extends OperatorTransaction {
  readonly preludeResults: pg.QueryResult[];
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** BEGIN, the plane setting and the prelude (validated literals only) in one round trip. */
export async function openOperatorTransaction(
  pool: pg.Pool,
  prelude: readonly string[] = [],
): Promise<OpenOperatorTransaction> {
  const client = await pool.connect();
  const onConnectionError = () => {};
  client.on('error', onConnectionError);
  let results: pg.QueryResult[];
  try {
    const text = ['BEGIN', "SET LOCAL app.operator_plane = 'on'", ...prelude].join(';\n');
    results = (await client.query(text)) as unknown as pg.QueryResult[];
  } catch (error) {
    client.off('error', onConnectionError);
    try {
      await client.query('ROLLBACK');
      client.release();
    } catch (rollbackError) {
      client.release(rollbackError as Error);
    }
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
  let db: NodePgDatabase | undefined;
  return {
    client,
    get db() {
      db ??= drizzle(client);
      return db;
    },
    preludeResults: results.slice(2),
    commit: () => finish('COMMIT'),
    rollback: () => finish('ROLLBACK'),
  };
}

export async function withOperatorTransaction<T>(
  pool: pg.Pool,
  work: (tx: OperatorTransaction) => Promise<T>,
): Promise<T> {
  const tx = await openOperatorTransaction(pool);
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (error) {
    await tx.rollback();
    throw error;
  }
}

/**
 * Points the same transaction at one tenant, so an operator action on its contract row and
 * the row in that tenant's own audit log (and outbox) commit together with the operator log.
 */
export async function enterTenant(
  tx: OperatorTransaction,
  tenantId: string,
): Promise<TenantTransaction> {
  if (!isUuid(tenantId)) throw new Error('Tenant id is not a UUID');
  await tx.client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
  return { tenantId, client: tx.client, db: tx.db };
}
