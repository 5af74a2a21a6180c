import type pg from 'pg';
import { openTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import type { Statement } from './capture-sql';

/**
 * EXPLAIN (ANALYZE, BUFFERS) of captured statements as the runtime role inside the tenant's
 * transaction, so the plans are the ones row-level security allows (ADR 0023).
 */
export async function explainStatements(
  pool: pg.Pool,
  tenantId: string,
  statements: readonly Statement[],
): Promise<string[]> {
  const plans: string[] = [];
  const tx = await openTenantTransaction(pool, tenantId);
  try {
    for (const { text, values } of statements) {
      const result = await tx.client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`,
        values,
      );
      plans.push(result.rows.map((row) => row['QUERY PLAN']).join('\n'));
    }
  } finally {
    await tx.rollback();
  }
  return plans;
}
