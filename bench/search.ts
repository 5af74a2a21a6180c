/**
 * `npm run bench:search`: customer search at 1,000 tenants (issue 4 item 6, ADR 0023).
 *
 * 1. Fresh embedded PostgreSQL in a temp dir → migrations → tenant `demo` with 100,000
 *    customers, 12 担当者, 6 部門 and 分類 on three axes, plus 999 tenants with 50–500 customers
 *    each, all inserted as the runtime role inside each tenant's transaction (RLS checks every
 *    row) → VACUUM ANALYZE → CHECKPOINT.
 * 2. The real app in a child process (bench/servers/api.ts); search keys taken from real rows:
 *    code prefix, partial kanji name, kana prefix typed in katakana, half-width kana and
 *    hiragana, phone fragment; each sent plain (sort by code), with a filter, sorted by kana,
 *    and as the second page through the cursor.
 * 3. Every plain search's total is checked against the same matching recomputed in memory.
 * 4. Service time, which the target is judged on: every path over one connection, timed one by
 *    one (per kind and variant). Load: each kind for BENCH_DURATION s at each of
 *    BENCH_CONNECTIONS busy connections, then the whole mix.
 * 5. EXPLAIN (ANALYZE, BUFFERS) as the runtime role of the slowest path of the three slowest
 *    kinds over target (every kind with --explain); tables on stdout, a ready-to-paste block,
 *    and docs/benchmarks.md's generated block rewritten unless --no-docs.
 *
 * Environment: BENCH_CUSTOMERS (100000), BENCH_TENANTS (1000, the measured one included),
 * BENCH_CONNECTIONS (2,10), BENCH_WARMUP (1 s), BENCH_DURATION (5 s per kind), BENCH_MIX_DURATION
 * (10 s), BENCH_KEYS (8 per kind), BENCH_SINGLE_ROUNDS (3), DATABASE_POOL_SIZE (10).
 * Exits non-zero only when the harness fails (wrong totals, errors, non-2xx); a missed target is
 * reported as NOT MET. --keep stops after seeding and keeps the database (URLs printed) until
 * Ctrl-C, for EXPLAIN by hand.
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureDemoTenant } from '../src/server/modules/organization/demo-tenant';
import { findTenantIdByCode } from '../src/server/modules/organization/find-tenant-id-by-code';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { createPool } from '../src/server/platform/db/pool';
import { captureStatements } from './lib/capture-sql';
import { createCleanups, createLog } from './lib/cleanups';
import { createRandom } from './lib/data';
import { startBenchDatabase } from './lib/database';
import { replaceGeneratedBlock } from './lib/docs-block';
import { explainStatements } from './lib/explain';
import { percentile, runLoad } from './lib/load';
import {
  benchApiEnv,
  databaseUrlOf,
  loginDemoAdmin,
  startServerProcess,
  unlimitedRequestBudgets,
} from './lib/processes';
import {
  expectedMatches,
  filterFor,
  pickSearchKeys,
  type SearchKind,
  type SearchVariant,
  searchKinds,
  searchVariants,
} from './lib/search-queries';
import { createSearchTenant, seedExistingTenant } from './lib/search-seed';
import { envInt, envList } from './lib/text';

const TARGET_P95_MS = 50;
const PAGE_SIZE = 50;
const COUNT_CAP = 1_000;
const DEMO_PASSWORD = 'bench-demo-password-0123';

const settings = {
  customers: envInt('BENCH_CUSTOMERS', 100_000),
  tenants: Math.max(1, envInt('BENCH_TENANTS', 1_000)),
  connections: envList('BENCH_CONNECTIONS', [2, 10]),
  warmupSeconds: envInt('BENCH_WARMUP', 1),
  durationSeconds: Math.max(1, envInt('BENCH_DURATION', 5)),
  mixSeconds: envInt('BENCH_MIX_DURATION', 10),
  keysPerKind: Math.max(1, envInt('BENCH_KEYS', 8)),
  singleRounds: envInt('BENCH_SINGLE_ROUNDS', 3),
  poolSize: Math.max(1, envInt('DATABASE_POOL_SIZE', 10)),
  writeDocs: !process.argv.includes('--no-docs'),
  explainAll: process.argv.includes('--explain'),
  keep: process.argv.includes('--keep'),
};

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const docsPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const cores = availableParallelism();

const cleanups = createCleanups({ onSignal: true });
const cleanUp = cleanups.cleanUp;
const started = Date.now();
const log = createLog(started);

interface SearchPath {
  kind: SearchKind;
  variant: SearchVariant;
  key: string;
  path: string;
}

interface Stats {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
}

function stats(latencies: readonly number[]): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(1));
const int = (value: number) => Math.round(value).toLocaleString('en-US');

async function main(): Promise<void> {
  const loadBefore = loadavg();
  // 1. Database and data
  const { dataDir, db } = await startBenchDatabase('akinai-bench-search-', cleanups, log);
  const pool = createPool(db.runtimeUrl, 4);
  cleanups.push(() => pool.end());

  const seedStarted = Date.now();
  await ensureDemoTenant(pool, DEMO_PASSWORD);
  const demoId = await findTenantIdByCode(pool, 'demo');
  if (!demoId) throw new Error('demo tenant was not created');
  const demo = await seedExistingTenant(pool, demoId, {
    code: 'demo',
    name: 'デモ商事株式会社',
    customers: settings.customers,
    seed: 20_260_101,
    staff: 12,
    departments: 6,
  });
  log(`demo: ${int(demo.customers.length)} customers`);
  const adminHash = await hashPassword(DEMO_PASSWORD);
  const sizes = createRandom(4);
  const specs = Array.from({ length: settings.tenants - 1 }, (_, i) => ({
    code: `bench${String(i + 1).padStart(4, '0')}`,
    name: `ベンチ${i + 1}株式会社`,
    customers: 50 + Math.floor(sizes() * 451),
    seed: 1_000 + i,
    staff: 3,
    departments: 2,
  }));
  let next = 0;
  let otherRows = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < specs.length) {
        const spec = specs[next++]!;
        const seeded = await createSearchTenant(pool, spec, adminHash);
        otherRows += seeded.customers.length;
      }
    }),
  );
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  for (const table of ['customers', 'customer_classifications', 'users', 'departments']) {
    await owner.query(`VACUUM (ANALYZE) app.${table}`);
  }
  await owner.end();
  const superuser = new pg.Client({ connectionString: databaseUrlOf(db.superuserUrl, 'akinai') });
  await superuser.connect();
  await superuser.query('CHECKPOINT');
  const storage = (
    await superuser.query<{ name: string; rows: string; size: string }>(
      `SELECT c.relname AS name, c.reltuples::bigint::text AS rows,
              pg_size_pretty(pg_total_relation_size(c.oid)) AS size
         FROM pg_class c
        WHERE c.oid IN ('app.customers'::regclass, 'app.customer_classifications'::regclass)
           OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'app.customers'::regclass)
        ORDER BY c.relname`,
    )
  ).rows;
  await superuser.end();
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const totalRows = demo.customers.length + otherRows;
  log(
    `seeded ${settings.tenants} tenants, ${int(totalRows)} customers in ${seedSeconds.toFixed(0)} s; vacuumed, analysed, checkpointed`,
  );

  if (settings.keep) {
    console.log(
      JSON.stringify({
        runtimeUrl: db.runtimeUrl,
        ownerUrl: db.ownerUrl,
        superuserUrl: db.superuserUrl,
        demoId,
      }),
    );
    log('--keep: database kept until Ctrl-C');
    await new Promise(() => {});
  }

  // 2. The app and the query mix
  const api = await startServerProcess('api', join(benchDir, 'servers/api.ts'), {
    ...benchApiEnv({
      dataDir,
      runtimeUrl: db.runtimeUrl,
      ownerUrl: db.ownerUrl,
      poolSize: String(settings.poolSize),
    }),
    ...unlimitedRequestBudgets,
    DEMO_ADMIN_PASSWORD: DEMO_PASSWORD,
  });
  cleanups.push(() => api.stop());
  const headers = { cookie: await loginDemoAdmin(api.url, DEMO_PASSWORD) };
  const get = async (path: string) => {
    const response = await fetch(`${api.url}${path}`, { headers });
    if (response.status !== 200) {
      throw new Error(`${decodeURIComponent(path)}: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as ListBody;
  };

  // 3. Paths, each plain search checked against the matching recomputed in memory
  const keys = pickSearchKeys(demo.customers, settings.keysPerKind, 42);
  const paths: SearchPath[] = [];
  const matches: { kind: SearchKind; key: string; matches: number }[] = [];
  for (const [index, { kind, text }] of keys.entries()) {
    const base = `/api/v1/customers?q=${encodeURIComponent(text)}&limit=${PAGE_SIZE}`;
    const plain = `${base}&sort=code`;
    const expected = expectedMatches(demo.customers, text);
    matches.push({ kind, key: text, matches: expected });
    const first = await get(plain);
    const found = first.total?.count ?? first.items.length;
    if (found !== Math.min(expected, COUNT_CAP)) {
      throw new Error(`q=${text}: the API counts ${found}, the data has ${expected} matches`);
    }
    paths.push({ kind, variant: 'plain', key: text, path: plain });
    paths.push({
      kind,
      variant: 'filtered',
      key: text,
      path: `${plain}&${filterFor(index, demo)}`,
    });
    paths.push({ kind, variant: 'kanaSort', key: text, path: `${base}&sort=kana` });
    if (first.nextCursor) {
      paths.push({
        kind,
        variant: 'page2',
        key: text,
        path: `${plain}&cursor=${first.nextCursor}`,
      });
    }
  }
  log(`${keys.length} keys, ${paths.length} paths; every plain total matches the data`);

  // 4a. Service time: one request at a time, each timed
  const single = new Map<string, number[]>();
  const singleByPath = new Map<string, number>();
  const record = (group: string, value: number) => {
    const values = single.get(group);
    if (values) values.push(value);
    else single.set(group, [value]);
  };
  for (let round = 0; round < Math.max(1, settings.singleRounds) + 1; round++) {
    for (const entry of paths) {
      const begin = performance.now();
      await get(entry.path);
      const elapsed = performance.now() - begin;
      if (round === 0) continue; // warm-up round
      singleByPath.set(entry.path, Math.max(singleByPath.get(entry.path) ?? 0, elapsed));
      record(`${entry.kind}/${entry.variant}`, elapsed);
      record(`${entry.kind}/*`, elapsed);
      record('*/*', elapsed);
    }
  }
  log(`single connection: ${int(single.get('*/*')!.length)} requests`);

  // 4b. Load per kind, then the whole mix
  const loadRuns: {
    label: string;
    connections: number;
    kind: SearchKind | null;
    rps: number;
    stats: Stats;
    errors: number;
  }[] = [];
  const kinds = Object.keys(searchKinds) as SearchKind[];
  for (const connections of settings.connections) {
    for (const kind of [...kinds, null]) {
      const kindPaths = paths.filter((entry) => kind === null || entry.kind === kind);
      const seconds = kind === null ? settings.mixSeconds : settings.durationSeconds;
      if (seconds === 0) continue;
      const load = {
        url: api.url,
        paths: kindPaths.map((entry) => entry.path),
        headers,
        connections,
      };
      if (settings.warmupSeconds > 0) {
        await runLoad({ ...load, durationSeconds: settings.warmupSeconds });
      }
      const run = await runLoad({ ...load, durationSeconds: seconds });
      const errors = run.result.errors + run.result.timeouts + run.result.non2xx;
      const label = kind === null ? 'whole mix' : searchKinds[kind];
      loadRuns.push({
        label,
        connections,
        kind,
        rps: run.result['2xx'] / run.result.duration,
        stats: stats(run.latencies),
        errors,
      });
      const last = loadRuns.at(-1)!;
      log(
        `${label}, ${connections} connections: ${int(last.rps)} req/s, p50 ${ms(last.stats.p50)} p95 ${ms(last.stats.p95)} p99 ${ms(last.stats.p99)} ms, errors ${errors}`,
      );
    }
  }

  // 5. Plans of the kinds over target (or all)
  // The three slowest kinds over target (every kind with --explain), slowest first.
  const p95Of = (kind: SearchKind) => stats(single.get(`${kind}/*`) ?? []).p95;
  const slow = kinds
    .filter((kind) => settings.explainAll || p95Of(kind) >= TARGET_P95_MS)
    .sort((a, b) => p95Of(b) - p95Of(a))
    .slice(0, settings.explainAll ? kinds.length : 3);
  const plans: string[] = [];
  for (const kind of slow) {
    for (const variant of ['plain', 'kanaSort'] as const) {
      const entry = slowestPath(paths, singleByPath, kind, variant);
      if (!entry) continue;
      const captured = await captureStatements(pool, demoId, [entry.path]);
      const statements = captured[entry.path] ?? [];
      const explained = await explainStatements(pool, demoId, statements);
      plans.push(
        `${searchKinds[kind]}, ${searchVariants[variant]}: \`${decodeURIComponent(entry.path)}\`\n\n${explained
          .map((plan, i) => `\`\`\`\n-- ${statements[i]!.text.slice(0, 120)}…\n${plan}\n\`\`\``)
          .join('\n\n')}`,
      );
    }
  }

  // 6. Report
  const dirty = loadRuns.some((run) => run.errors > 0);
  const kindRows = loadRuns.map((run) => {
    const verdict = run.stats.p95 < TARGET_P95_MS ? 'yes' : 'no';
    return `| ${run.label} | ${run.connections} | ${run.kind ? paths.filter((p) => p.kind === run.kind).length : paths.length} | ${int(run.rps)} | ${ms(run.stats.p50)} | ${ms(run.stats.p95)} | ${ms(run.stats.p99)} | ${int(run.stats.samples)} | ${run.errors} | ${run.kind ? verdict : ''} |`;
  });
  const loadTable = [
    '| query kind | connections | paths | req/s | p50 ms | p95 ms | p99 ms | responses | errors | p95 < 50 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...kindRows,
  ].join('\n');
  const variants = Object.keys(searchVariants) as SearchVariant[];
  const cell = (group: string) => {
    const values = single.get(group);
    return values ? ms(stats(values).p95) : '–';
  };
  const singleTable = [
    `| query kind | ${variants.map((v) => `${searchVariants[v]} p95`).join(' | ')} | all p50 | all p95 | all p99 |`,
    `| --- | ${variants.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`,
    ...[...kinds, '*' as const].map((kind) => {
      const all = stats(single.get(`${kind}/*`) ?? []);
      const label = kind === '*' ? '**all kinds**' : searchKinds[kind];
      return `| ${label} | ${variants.map((v) => cell(`${kind}/${v}`)).join(' | ')} | ${ms(all.p50)} | ${ms(all.p95)} | ${ms(all.p99)} |`;
    }),
  ].join('\n');
  const matchTable = [
    '| kind | key | active matches |',
    '| --- | --- | ---: |',
    ...matches.map((m) => `| ${m.kind} | ${m.key} | ${int(m.matches)} |`),
  ].join('\n');
  const storageTable = [
    '| table or index | rows (estimate) | size (a table with its indexes) |',
    '| --- | ---: | ---: |',
    ...storage.map((s) => `| ${s.name} | ${int(Number(s.rows))} | ${s.size} |`),
  ].join('\n');
  const missed = kinds.filter((kind) => p95Of(kind) >= TARGET_P95_MS);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const block = `
Last run: **${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC**, ${cores} cores (${cpu}),
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Load average before the run:
${loadBefore.map((v) => v.toFixed(2)).join(' / ')} (1/5/15 min); after: ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ')}. Whole bench: ${Math.round((Date.now() - started) / 1000)} s.

Data: ${int(settings.tenants)} tenants, ${int(totalRows)} customers (${int(demo.customers.length)} in the measured
tenant, ${int(otherRows)} in ${int(settings.tenants - 1)} others of 50–500), seeded as the runtime role in
${seedSeconds.toFixed(0)} s. ${keys.length} keys × up to 4 variants = ${paths.length} paths.

${storageTable}

Service time: one connection, every path timed one by one (${settings.singleRounds} rounds after a warm-up round; ms):

${singleTable}

- **Target p95 < ${TARGET_P95_MS} ms for every kind, one request at a time: ${missed.length === 0 ? 'MET' : `NOT MET (${missed.map((kind) => searchKinds[kind]).join(', ')})`}**

Under load: each kind's paths for ${settings.durationSeconds} s (whole mix ${settings.mixSeconds} s) at
${settings.connections.join(' and ')} connections kept busy, after a ${settings.warmupSeconds} s warm-up; pool size ${settings.poolSize}. The bench's own HTTP client, the app and PostgreSQL share the ${cores} cores.

${loadTable}

- errors / non-2xx: ${dirty ? 'SOME (see above)' : 'none'}

<details><summary>Search keys and their active matches in the measured tenant</summary>

${matchTable}

</details>
${
  plans.length > 0
    ? `
<details><summary>EXPLAIN (ANALYZE, BUFFERS) as the runtime role in the tenant's transaction</summary>

${plans.join('\n\n')}

</details>
`
    : ''
}`;
  console.log(`\n----- ready to paste into docs/benchmarks.md -----\n${block.trim()}\n-----\n`);
  if (settings.writeDocs) {
    if (replaceGeneratedBlock(docsPath, 'customer-search', block)) log(`written to ${docsPath}`);
    else console.warn(`WARNING: ${docsPath} has no customer-search markers; not updated`);
  }
  if (dirty) throw new Error('errors, timeouts or non-2xx responses during the measurement');
}

/** The path of a kind and variant that took longest over one connection: the one to EXPLAIN. */
function slowestPath(
  paths: readonly SearchPath[],
  times: ReadonlyMap<string, number>,
  kind: SearchKind,
  variant: SearchVariant,
): SearchPath | undefined {
  return paths
    .filter((p) => p.kind === kind && p.variant === variant)
    .sort((a, b) => (times.get(b.path) ?? 0) - (times.get(a.path) ?? 0))[0];
}

interface ListBody {
  items: { code: string }[];
  nextCursor: string | null;
  total: { count: number; isCapped: boolean } | null;
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
