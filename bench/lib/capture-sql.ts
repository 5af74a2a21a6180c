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
 * parameters, recorded through drizzle's query logger inside a real tenant transaction. The
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
      const db = drizzle(tx.client, {
        logger: { logQuery: (text, values) => statements.push({ text, values }) },
      });
      await findCustomers({ tenantId, client: tx.client, db }, query);
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
