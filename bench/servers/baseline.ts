import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import pg from 'pg';
import { CUSTOMER_COUNT_CAP } from '../../src/server/modules/partners/customers/customer.schema';
import { isUuid } from '../../src/server/platform/db/uuid';
import type { Statement } from '../lib/capture-sql';

/**
 * The practical limit for the customer list: bare node:http and a pg pool of the same size as
 * the app's, replaying for each request path exactly the statements the API's findCustomers
 * sends (captured by the bench beforehand: the page, which counts its matches up to the cap,
 * ADR 0023), and JSON.stringify of the rows. No framework, no session lookup, no tenant
 * transaction: it connects as the superuser, which row-level security does not filter.
 *
 * BASELINE_MODE=tenant-tx is a diagnostic variant (npm run bench -- --diagnose): the same
 * handler as the runtime role inside a tenant transaction (BEGIN + set_config in one round
 * trip, the statements, COMMIT), so row-level security applies exactly as in the API. The gap
 * between the two modes is the database side of the tenant model; the gap between this mode
 * and the API is the framework, the session check and the serialisation.
 *
 * env: BASELINE_DATABASE_URL, BASELINE_TENANT_ID, BASELINE_STATEMENTS_FILE (JSON: path →
 * statements), BASELINE_POOL_SIZE, BASELINE_PORT (0 = any), BASELINE_MODE (plain | tenant-tx).
 */

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const tenantId = required('BASELINE_TENANT_ID');
if (!isUuid(tenantId)) throw new Error('BASELINE_TENANT_ID is not a UUID');
const statementsByPath = JSON.parse(
  readFileSync(required('BASELINE_STATEMENTS_FILE'), 'utf8'),
) as Record<string, Statement[]>;
const inTenantTransaction = process.env.BASELINE_MODE === 'tenant-tx';
const pool = new pg.Pool({
  connectionString: required('BASELINE_DATABASE_URL'),
  max: Number(process.env.BASELINE_POOL_SIZE ?? 10),
  idleTimeoutMillis: 30_000,
});
pool.on('error', () => {});

type Row = Record<string, unknown>;

/** Page, then the count if the API counted: the API's statements in the API's order. */
async function run(db: pg.Pool | pg.PoolClient, statements: Statement[]): Promise<Row[][]> {
  const results: Row[][] = [];
  for (const { text, values } of statements) {
    results.push((await db.query<Row>(text, values)).rows);
  }
  return results;
}

async function runInTenantTransaction(statements: Statement[]): Promise<Row[][]> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
    const results = await run(client, statements);
    await client.query('COMMIT');
    client.release();
    return results;
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
}

function body([rows = [], countRows]: Row[][], limit: number): string {
  // The page statement may count its matches in a `hits` column (ADR 0023), as the API reads it.
  const hits = rows[0] && 'hits' in rows[0] ? Number(rows[0].hits) : null;
  const items = rows.slice(0, limit).map(({ hits: _, ...row }) => row);
  const last = items.at(-1);
  // The sort key under whichever name the captured statement gives the column.
  const kana = last && ('searchKana' in last ? last.searchKana : last.search_kana);
  const counted = countRows ? Number(Object.values(countRows[0] ?? {})[0]) : (hits ?? rows.length);
  return JSON.stringify({
    items,
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify([kana, last.code])).toString('base64url')
        : null,
    total: { count: Math.min(counted, CUSTOMER_COUNT_CAP), isCapped: counted > CUSTOMER_COUNT_CAP },
  });
}

let inFlight = 0;
let drained: (() => void) | undefined;

const server = createServer((request, response) => {
  const statements = statementsByPath[request.url ?? ''];
  if (!statements) {
    response.writeHead(404).end();
    return;
  }
  const limit = Number(new URL(request.url!, 'http://localhost').searchParams.get('limit') ?? 50);
  inFlight++;
  (inTenantTransaction ? runInTenantTransaction(statements) : run(pool, statements))
    .then((results) => {
      const text = body(results, limit);
      response
        .writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
        })
        .end(text);
    })
    .catch((error: unknown) => {
      if (!stopping) console.error(error);
      response.writeHead(500).end();
    })
    .finally(() => {
      if (--inFlight === 0) drained?.();
    });
});

server.listen(Number(process.env.BASELINE_PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // Queries of requests whose client already left may still be queued on the pool.
  if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
  await pool.end();
  process.exit(0);
}
process.on('message', (message) => {
  if (message === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
