import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { markPrepared, missingDefinitions, type PreparedStatement } from './prepared-statement';
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

export interface Prelude {
  /** Statements run right after the tenant setting, in order. */
  readonly statements: readonly string[];
  /** Prepared statements the prelude EXECUTEs; defined on first use of each connection. */
  readonly prepared?: readonly PreparedStatement[];
}

/**
 * Opens the transaction in one round trip: BEGIN, the tenant setting and optional prelude
 * statements travel as one simple-protocol message, preceded on a connection's first use by
 * the PREPAREs the prelude needs. The tenant id is inlined only after a strict UUID check; a
 * prelude must likewise contain nothing but validated literals.
 */
export async function openTenantTransaction(
  pool: pg.Pool,
  tenantId: string,
  prelude: Prelude = { statements: [] },
): Promise<OpenTenantTransaction> {
  if (!isUuid(tenantId)) throw new Error('Tenant id is not a UUID');
  const client = await pool.connect();
  const definitions = missingDefinitions(client, prelude.prepared ?? []);
  let results: pg.QueryResult[];
  try {
    const text = [
      ...definitions.map((statement) => statement.definition),
      'BEGIN',
      // SET LOCAL is set_config(…, true) without a query plan or a result row to send and parse.
      `SET LOCAL app.tenant_id = '${tenantId}'`,
      ...prelude.statements,
    ].join(';\n');
    results = (await client.query(text)) as unknown as pg.QueryResult[];
  } catch (error) {
    // Some of the PREPAREs may have run: a connection whose state we no longer know is dropped.
    if (definitions.length > 0) client.release(error as Error);
    else await releaseAfterFailure(client);
    throw error;
  }
  markPrepared(client, definitions);
  let finished = false;
  const finish = async (statement: 'COMMIT' | 'ROLLBACK') => {
    if (finished) return;
    finished = true;
    try {
      await client.query(statement);
      client.release();
    } catch (error) {
      client.release(error as Error);
      if (statement === 'COMMIT') throw error;
    }
  };
  // Built on first use: routes that never touch drizzle (hot lists) skip its setup.
  let db: NodePgDatabase | undefined;
  return {
    tenantId,
    client,
    get db() {
      db ??= drizzle(client);
      return db;
    },
    preludeResults: results.slice(definitions.length + 2),
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
