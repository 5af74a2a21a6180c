import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { customerListQuerySchema } from '../../src/server/modules/partners/customers/customer.schema';
import { findCustomers } from '../../src/server/modules/partners/customers/find-customers';
import { openTenantTransaction } from '../../src/server/platform/db/tenant-transaction';

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The statements the API's findCustomers sends for each request path, in order, with their
 * parameters, recorded at the pg client (whether they come through drizzle or straight from
 * `tx.client`) inside a real tenant transaction. The
 * baseline replays exactly these, so "the same SQL" holds however find-customers.ts evolves
 * (prefix ranges, count cap, columns) without a copy of it in the bench.
 */
export async function captureStatements(
  pool: pg.Pool,
  tenantId: string,
  paths: readonly string[],
): Promise<Record<string, Statement[]>> {
  const captured: Record<string, Statement[]> = {};
  for (const path of paths) {
    const url = new URL(path, 'http://localhost');
    const query = customerListQuerySchema.parse(Object.fromEntries(url.searchParams));
    const statements: Statement[] = [];
    const tx = await openTenantTransaction(pool, tenantId);
    try {
      const client = recordingClient(tx.client, statements);
      await findCustomers({ tenantId, client, db: drizzle(client) }, query);
    } finally {
      await tx.rollback();
    }
    for (const { values } of statements) {
      if (!values.every((value) => ['string', 'number', 'boolean'].includes(typeof value))) {
        throw new Error(`${path}: a captured parameter does not survive JSON`);
      }
    }
    captured[path] = statements;
  }
  return captured;
}

/** The client with every query() call recorded; everything else passes through untouched. */
function recordingClient(client: pg.PoolClient, statements: Statement[]): pg.PoolClient {
  const query = (...args: unknown[]) => {
    const [first, second] = args;
    if (typeof first === 'string') {
      statements.push({ text: first, values: Array.isArray(second) ? second : [] });
    } else if (first && typeof first === 'object' && 'text' in first) {
      const config = first as pg.QueryConfig;
      statements.push({ text: config.text, values: config.values ?? [] });
    } else {
      throw new Error('capture-sql: unrecognised query() call');
    }
    return (client.query as (...a: unknown[]) => unknown)(...args);
  };
  return new Proxy(client, {
    get: (target, property, receiver) =>
      property === 'query' ? query : Reflect.get(target, property, receiver),
  });
}
