/**
 * `npm run bench`: the customer list (issue 2) against its practical limit.
 *
 * 1. Fresh embedded PostgreSQL in a temp dir → migrations → demo tenant with 100,000 customers
 *    (plus two small tenants) → VACUUM ANALYZE → CHECKPOINT. Then the statements the API's
 *    findCustomers sends for each request are captured (lib/capture-sql.ts).
 * 2. Child processes: the real app (startAkinai) and a bare node:http + pg baseline replaying
 *    those statements. The load generator (autocannon) stays in this process, so it competes
 *    with the servers for CPU only, not for an event loop.
 * 3. A correctness pass (every server answers every prefix identically), then alternating
 *    rounds (ABBA order) of warm-up + measurement at 50 connections over one prefix list, then
 *    a short run of each target over a single connection: its latency is the service time
 *    without any queueing, the floor under the 50-connection figures.
 * 4. Tables on stdout; the generated block of docs/benchmarks.md is rewritten.
 *
 * Flags: --no-docs (leave docs/benchmarks.md alone), --diagnose (adds the baseline handler as
 * the runtime role inside a tenant transaction, which splits the API's gap into database and
 * framework).
 * Environment: BENCH_CUSTOMERS (100000), BENCH_CONNECTIONS (50), BENCH_WARMUP (3 s),
 * BENCH_DURATION (15 s), BENCH_ROUNDS (2), BENCH_PREFIXES (24), BENCH_SINGLE_DURATION (5 s;
 * 0 skips the single-connection run), DATABASE_POOL_SIZE (10, both sides), BENCH_CPU_PROF=1
 * (V8 CPU profiles of the servers in bench/profiles/; summarise with bench/profile-summary.ts).
 *
 * Exits non-zero only when the harness itself fails (including errors or non-2xx responses
 * under load); missing the performance target is reported, not fatal. */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTenant } from '../src/server/modules/organization/create-tenant';
import { ensureDemoTenant } from '../src/server/modules/organization/demo-tenant';
import { findTenantIdByCode } from '../src/server/modules/organization/find-tenant-id-by-code';
import { CUSTOMER_COUNT_CAP } from '../src/server/modules/partners/customers/customer.schema';
import { createPool } from '../src/server/platform/db/pool';
import { captureStatements, type Statement } from './lib/capture-sql';
import { createCleanups, createLog } from './lib/cleanups';
import { cpuBetween, postmasterPid, readCpu } from './lib/cpu';
import { countMatches, generateCustomers, pickPrefixes } from './lib/data';
import { startBenchDatabase } from './lib/database';
import { type LoadRun, runLoad } from './lib/load';
import {
  benchApiEnv,
  databaseUrlOf,
  loginDemoAdmin,
  type ServerProcess,
  startServerProcess,
  unlimitedRequestBudgets,
} from './lib/processes';
import {
  cpuTable,
  judge,
  type MeasuredRun,
  type PrefixInfo,
  prefixTable,
  roundsTable,
  singleConnectionTable,
  summarise,
  summaryTable,
  type TargetName,
  updateDocs,
  verdictLines,
} from './lib/report';
import { insertCustomers } from './lib/seed';
import { envInt } from './lib/text';

const PAGE_SIZE = 50;
const DEMO_PASSWORD = 'bench-demo-password-0123';

const settings = {
  customers: envInt('BENCH_CUSTOMERS', 100_000),
  connections: Math.max(1, envInt('BENCH_CONNECTIONS', 50)),
  warmupSeconds: envInt('BENCH_WARMUP', 3),
  durationSeconds: Math.max(1, envInt('BENCH_DURATION', 15)),
  rounds: Math.max(1, envInt('BENCH_ROUNDS', 2)),
  prefixCount: Math.max(1, envInt('BENCH_PREFIXES', 24)),
  singleSeconds: envInt('BENCH_SINGLE_DURATION', 5),
  poolSize: Math.max(1, envInt('DATABASE_POOL_SIZE', 10)),
  cpuProfile: process.env.BENCH_CPU_PROF === '1',
  writeDocs: !process.argv.includes('--no-docs'),
  diagnose: process.argv.includes('--diagnose'),
};

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const docsPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const cores = availableParallelism();

const cleanups = createCleanups({ onSignal: true });
const cleanUp = cleanups.cleanUp;
const started = Date.now();
const log = createLog(started);

async function main(): Promise<void> {
  const loadBefore = loadavg();
  // 1. Database and data
  const { dataDir, db } = await startBenchDatabase('akinai-bench-', cleanups, log);
  const postgresPid = postmasterPid(join(dataDir, 'pgdata'));

  const pool = createPool(db.runtimeUrl, 4);
  cleanups.push(() => pool.end());
  await ensureDemoTenant(pool, DEMO_PASSWORD);
  const tenantId = await findTenantIdByCode(pool, 'demo');
  if (!tenantId) throw new Error('demo tenant was not created');

  const rows = generateCustomers(settings.customers, 20_260_101);
  log(`inserting ${rows.length.toLocaleString('en-US')} customers into tenant demo…`);
  await insertCustomers(pool, tenantId, rows);
  for (const [index, code] of ['bench-small-1', 'bench-small-2'].entries()) {
    const small = await createTenant(
      pool,
      {
        code,
        name: `ベンチ小規模${index + 1}株式会社`,
        admin: { loginId: 'admin', name: '管理者', password: DEMO_PASSWORD },
      },
      { actorLabel: 'bench', ip: '127.0.0.1', userAgent: 'akinai-bench', requestId: 'bench' },
    );
    await insertCustomers(pool, small.tenantId, generateCustomers(1_000, index + 7));
  }
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  await owner.query('VACUUM (ANALYZE) app.customers');
  await owner.end();
  // Flush the bulk load now rather than in the middle of the first measured round.
  const superuser = new pg.Client({ connectionString: db.superuserUrl });
  await superuser.connect();
  await superuser.query('CHECKPOINT');
  await superuser.end();
  log('seeded, vacuumed, analysed and checkpointed');

  const prefixes: PrefixInfo[] = pickPrefixes(rows, settings.prefixCount, 42).map((prefix) => ({
    prefix,
    matches: countMatches(rows, prefix),
  }));
  const paths = prefixes.map(
    ({ prefix }) =>
      `/api/v1/customers?kana=${encodeURIComponent(prefix)}&sort=kana&limit=${PAGE_SIZE}`,
  );

  // The API's statements for every path, for the baseline to replay
  const statements = await captureStatements(pool, tenantId, paths);
  const statementsFile = join(dataDir, 'statements.json');
  writeFileSync(statementsFile, JSON.stringify(statements));

  // 2. Servers
  const profileStamp = new Date().toISOString().replace(/[:.]/g, '-');
  const profileArgs = (name: string) =>
    settings.cpuProfile
      ? [
          '--cpu-prof',
          // One directory per server: tsx's loader thread writes a profile of its own.
          `--cpu-prof-dir=${join(benchDir, 'profiles', `${name}-${profileStamp}`)}`,
        ]
      : [];
  const baselineEnv = {
    PATH: process.env.PATH,
    BASELINE_DATABASE_URL: databaseUrlOf(db.superuserUrl, 'akinai'),
    BASELINE_TENANT_ID: tenantId,
    BASELINE_STATEMENTS_FILE: statementsFile,
    BASELINE_POOL_SIZE: String(settings.poolSize),
  };
  const launched = await Promise.allSettled([
    startServerProcess(
      'api',
      join(benchDir, 'servers/api.ts'),
      {
        ...benchApiEnv({
          dataDir,
          runtimeUrl: db.runtimeUrl,
          ownerUrl: db.ownerUrl,
          poolSize: String(settings.poolSize),
        }),
        ...unlimitedRequestBudgets,
        DEMO_ADMIN_PASSWORD: DEMO_PASSWORD,
      },
      profileArgs('api'),
    ),
    startServerProcess(
      'baseline',
      join(benchDir, 'servers/baseline.ts'),
      baselineEnv,
      profileArgs('baseline'),
    ),
    settings.diagnose
      ? startServerProcess(
          'baseline-rls',
          join(benchDir, 'servers/baseline.ts'),
          { ...baselineEnv, BASELINE_DATABASE_URL: db.runtimeUrl, BASELINE_MODE: 'tenant-tx' },
          profileArgs('baseline-rls'),
        )
      : Promise.resolve(undefined),
  ]);
  for (const outcome of launched) {
    if (outcome.status === 'fulfilled' && outcome.value) {
      const server = outcome.value;
      cleanups.push(() => server.stop());
    }
  }
  const failed = launched.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  const [api, baseline, baselineRls] = launched.map((outcome) =>
    outcome.status === 'fulfilled' ? outcome.value : undefined,
  );
  const servers: Partial<Record<TargetName, ServerProcess>> = {
    baseline: baseline!,
    api: api!,
    ...(baselineRls ? { 'baseline-rls': baselineRls } : {}),
  };
  const targets = Object.keys(servers) as TargetName[];
  log(targets.map((target) => `${target} on ${servers[target]!.url}`).join(', '));

  const headers = { cookie: await loginDemoAdmin(api!.url, DEMO_PASSWORD) };
  for (const other of targets.filter((target) => target !== 'api')) {
    await verifySameAnswers(api!, servers[other]!, paths, prefixes, headers);
  }
  log(`all servers return identical pages and totals for all ${paths.length} prefixes`);

  // 3a. Throughput: alternate the order each round so drift hits every target alike
  const measured: MeasuredRun[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    const order = round % 2 === 1 ? targets : [...targets].reverse();
    for (const target of order) {
      const server = servers[target]!;
      log(
        `round ${round}/${settings.rounds}: ${target}, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s at ${settings.connections} connections`,
      );
      const load = {
        url: server.url,
        paths,
        headers,
        connections: settings.connections,
      };
      if (settings.warmupSeconds > 0) {
        await runLoad({ ...load, durationSeconds: settings.warmupSeconds });
      }
      const before = readCpu(server.child.pid!, postgresPid);
      const run = await runLoad({ ...load, durationSeconds: settings.durationSeconds });
      const cpu = cpuBetween(before, readCpu(server.child.pid!, postgresPid));
      measured.push({ ...run, round, target, cpu });
      log(`  ${formatRun(run)}`);
    }
  }
  const summaries = targets.map((target) =>
    summarise(
      target,
      measured.filter((run) => run.target === target),
      cores,
    ),
  );
  const apiSummary = summaries.find((s) => s.target === 'api')!;
  const baselineSummary = summaries.find((s) => s.target === 'baseline')!;

  // 3b. Service time: one connection, so nothing ever waits for the server or the pool
  const singleRuns: (LoadRun & { target: TargetName })[] = [];
  if (settings.singleSeconds > 0) {
    for (const target of targets) {
      log(`single connection: ${target}, ${settings.singleSeconds} s`);
      const run = await runLoad({
        url: servers[target]!.url,
        paths,
        headers,
        connections: 1,
        durationSeconds: settings.singleSeconds,
      });
      singleRuns.push({ ...run, target });
      log(`  ${formatRun(run)}`);
    }
  }

  // 4. Report
  const verdict = judge(apiSummary, baselineSummary, settings.connections);
  const tables = {
    summary: summaryTable(summaries),
    cpu: cpuTable(summaries),
    rounds: roundsTable(measured),
    single: singleRuns.length > 0 ? singleConnectionTable(singleRuns) : '',
    prefixes: prefixTable(prefixes, PAGE_SIZE, CUSTOMER_COUNT_CAP),
    sql: sqlListing(statements[paths[0]!] ?? []),
  };
  const verdicts = verdictLines(verdict, apiSummary, summaries);
  console.log(
    [
      '',
      tables.summary,
      '',
      `CPU ms per response (${cores} cores):`,
      tables.cpu,
      '',
      tables.rounds,
      ...(tables.single ? ['', 'One connection (service time):', tables.single] : []),
      '',
      ...verdicts,
      '',
    ].join('\n'),
  );

  if (settings.writeDocs) {
    const block = docsBlock({
      tables,
      verdicts,
      loadBefore,
      totalSeconds: (Date.now() - started) / 1000,
    });
    if (updateDocs(docsPath, block)) log(`results written to ${docsPath}`);
    else console.warn(`WARNING: ${docsPath} has no generated-block markers; not updated`);
  }
  const dirty = [...measured, ...singleRuns].some(
    ({ result }) => result.errors + result.timeouts + result.non2xx > 0,
  );
  if (dirty) throw new Error('errors, timeouts or non-2xx responses during the measurement');
}

/** The captured statements as SQL with their parameters, for the record. */
function sqlListing(statements: readonly Statement[]): string {
  return statements
    .map(
      ({ text, values }) => `\`\`\`sql\n${text}\n-- parameters: ${JSON.stringify(values)}\n\`\`\``,
    )
    .join('\n\n');
}

function formatRun({ result }: LoadRun): string {
  return `${Math.round(result['2xx'] / result.duration)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.timeouts}, non-2xx ${result.non2xx}`;
}

interface ListBody {
  items: { code: string }[];
  nextCursor: string | null;
  total: { count: number; isCapped: boolean } | null;
}

/** Both targets must do the same work: same rows in the same order, same total, every prefix. */
async function verifySameAnswers(
  api: ServerProcess,
  other: ServerProcess,
  paths: readonly string[],
  prefixes: readonly PrefixInfo[],
  headers: Record<string, string>,
): Promise<void> {
  for (const [index, path] of paths.entries()) {
    const [fromApi, fromOther] = await Promise.all(
      [api, other].map(async (server) => {
        const response = await fetch(`${server.url}${path}`, { headers });
        if (response.status !== 200) {
          throw new Error(`${server.name} ${path}: ${response.status} ${await response.text()}`);
        }
        return (await response.json()) as ListBody;
      }),
    );
    const codes = (body: ListBody) => body.items.map((item) => item.code).join(',');
    const expected = Math.min(prefixes[index]!.matches, CUSTOMER_COUNT_CAP);
    if (
      codes(fromApi!) !== codes(fromOther!) ||
      fromApi!.nextCursor !== fromOther!.nextCursor ||
      fromApi!.total?.count !== expected ||
      fromOther!.total?.count !== expected
    ) {
      throw new Error(`api and ${other.name} disagree for ${decodeURIComponent(path)}`);
    }
  }
}

function docsBlock(parts: {
  tables: {
    summary: string;
    cpu: string;
    rounds: string;
    single: string;
    prefixes: string;
    sql: string;
  };
  verdicts: string[];
  loadBefore: number[];
  totalSeconds: number;
}): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const { tables } = parts;
  return `
Last run: **${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC**, ${cores} cores (${cpu}),
${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}. Load average before the run:
${parts.loadBefore.map((value) => value.toFixed(2)).join(' / ')} (1/5/15 min). Whole bench: ${Math.round(parts.totalSeconds)} s.

Settings: ${settings.customers.toLocaleString('en-US')} customers in the measured tenant, ${settings.connections} connections,
${settings.rounds} rounds × (${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s measured) per target in ABBA order,
pool size ${settings.poolSize} on both sides, ${parts.tables.prefixes.split('\n').length - 2} kana prefixes cycled by every connection.

${tables.summary}

${parts.verdicts.map((line) => `- ${line}`).join('\n')}

CPU per response in milliseconds (from /proc; "machine busy" is the three over ${cores} cores, "other
processes" the rest of the machine's CPU use meanwhile, kernel network work included; much above
a few per cent means something else was running):

${tables.cpu}
${
  tables.single
    ? `
Service time: each target over a single connection for ${settings.singleSeconds} s (no queueing anywhere;
the floor under the latencies above):

${tables.single}
`
    : ''
}
Per round (autocannon's own figures; its latency histogram has 1 ms resolution):

${tables.rounds}

<details><summary>Prefixes used (the same list for every target)</summary>

${tables.prefixes}

</details>

<details><summary>Statements the API ran for the first prefix (the baseline replays them)</summary>

${tables.sql}

</details>
`;
}

// `npm run bench -- mixed` and `-- noisy` run the other scenarios; no argument keeps this one.
const scenario = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
try {
  const onCleanUp = (step: () => Promise<void>) => cleanups.push(step);
  if (scenario === 'mixed') await (await import('./mixed')).runMixed(onCleanUp);
  else if (scenario === 'noisy') await (await import('./noisy')).runNoisy(onCleanUp);
  else if (scenario === undefined) await main();
  else throw new Error(`unknown bench "${scenario}" (try: mixed, noisy)`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
