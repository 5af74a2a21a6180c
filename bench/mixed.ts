/**
 * `npm run bench -- mixed`: a mixed workload of many users across several tenants against the
 * real app (issue 6 items 5 and 7), with the app's resident memory before, during and after.
 *
 * Every connection acts for one staff user (several connections per user, like browser tabs)
 * and loops without think time: log in (a small share: a fresh session replaces the user's
 * shared one), customer list, customer search, create customer, create product. Sales
 * documents and their PDFs do not exist yet: their operations are listed with weight 0 in
 * `operations` below and must be given a weight (and a request) when those modules land.
 *
 * The per-tenant limits (ADR 0025) stay at their defaults; only the per-address limits are
 * raised, because every simulated user comes from 127.0.0.1. With the default shape (10
 * tenants × 5 users, 200 connections) each tenant and user stays inside its budget unless the
 * machine serves more than ~1,000 requests per second; raise BENCH_MIXED_TENANTS if it does.
 *
 * Environment: BENCH_MIXED_CONNECTIONS (200), BENCH_MIXED_DURATION (60 s), BENCH_MIXED_WARMUP
 * (10 s), BENCH_MIXED_TENANTS (10), BENCH_MIXED_USERS (5 per tenant), BENCH_MIXED_CUSTOMERS
 * (5,000 per tenant), BENCH_MIXED_SETTLE (90 s idle: V8 returns grown heap lazily, 20 s was too short to see it before the "after" memory reading),
 * DATABASE_POOL_SIZE (10). Flag: --no-docs.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cpuBetween, readCpu } from './lib/cpu';
import { replaceGeneratedBlock } from './lib/docs-block';
import {
  closedLoop,
  type HttpCall,
  keepAliveAgent,
  Recorder,
  seededRandom,
  send,
  sessionCookieOf,
} from './lib/http-load';
import { residentMiB, sampleResident } from './lib/memory';
import { BENCH_PASSWORD, type BenchTenant, createScenario } from './lib/scenario';
import { envInt, markdownTable, ms, stamp } from './lib/text';

const settings = {
  connections: Math.max(1, envInt('BENCH_MIXED_CONNECTIONS', 200)),
  durationSeconds: Math.max(1, envInt('BENCH_MIXED_DURATION', 60)),
  warmupSeconds: envInt('BENCH_MIXED_WARMUP', 10),
  tenants: Math.max(1, envInt('BENCH_MIXED_TENANTS', 10)),
  usersPerTenant: Math.max(1, envInt('BENCH_MIXED_USERS', 5)),
  customersPerTenant: envInt('BENCH_MIXED_CUSTOMERS', 5_000),
  settleSeconds: envInt('BENCH_MIXED_SETTLE', 90),
  writeDocs: !process.argv.includes('--no-docs'),
};

/** Peak resident memory of the app process must stay below this (issue 6 item 7). */
const RSS_LIMIT_MIB = 400;
/** "Back near the baseline": at most this much above the reading before the load. */
const RSS_RETURN_MARGIN = { ratio: 1.25, mib: 50 };

interface User {
  tenant: BenchTenant;
  loginId: string;
  cookie: string;
}

type Operation = {
  kind: string;
  weight: number;
  /** null: not available yet (see the header comment). */
  build:
    | ((context: { user: User; worker: number; n: number; random: () => number }) => HttpCall)
    | null;
};

const operations: Operation[] = [
  { kind: 'login', weight: 2, build: null /* handled in step(): it replaces the session */ },
  {
    kind: 'customer list',
    weight: 38,
    build: ({ user, random }) => {
      const row = user.tenant.customers[Math.floor(random() * user.tenant.customers.length)]!;
      // The list screen: by フリガナ, half the time opened at a kana prefix.
      const kana = random() < 0.5 ? `&kana=${encodeURIComponent(row.kana.slice(0, 1))}` : '';
      return { method: 'GET', path: `/api/v1/customers?sort=kana&limit=50${kana}` };
    },
  },
  {
    kind: 'customer search',
    weight: 35,
    build: ({ user, random }) => {
      const row = user.tenant.customers[Math.floor(random() * user.tenant.customers.length)]!;
      // What people type: two or three characters of the name or the フリガナ.
      const source = random() < 0.5 ? row.name : row.kana;
      const start = Math.floor(random() * Math.max(1, source.length - 3));
      const term = source.slice(start, start + 2 + Math.floor(random() * 2)).trim() || source;
      return { method: 'GET', path: `/api/v1/customers?q=${encodeURIComponent(term)}&limit=50` };
    },
  },
  {
    kind: 'create customer',
    weight: 15,
    build: ({ worker, n }) => ({
      method: 'POST',
      path: '/api/v1/customers',
      body: {
        code: `M${worker.toString(36)}-${n.toString(36)}`,
        name: `株式会社ベンチ商事 ${worker}-${n}`,
        kana: 'ベンチショウジ',
        phone: '03-1234-5678',
      },
    }),
  },
  {
    kind: 'create product',
    weight: 10,
    build: ({ worker, n }) => ({
      method: 'POST',
      path: '/api/v1/products',
      body: {
        code: `P${worker.toString(36)}-${n.toString(36)}`,
        name: `ベンチ商品 ${worker}-${n}`,
        unitPrice1: '1200',
        cost: '800',
      },
    }),
  },
  // Hooks for issue 6's "create sale, print PDF": weight them once the modules exist.
  { kind: 'create sale (not built yet)', weight: 0, build: null },
  { kind: 'print PDF (not built yet)', weight: 0, build: null },
];

const docsPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const cores = availableParallelism();
const started = Date.now();
function log(message: string): void {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
}

export async function runMixed(onCleanUp: (step: () => Promise<void>) => void): Promise<void> {
  const loadBefore = loadavg();
  const scenario = await createScenario(
    Array.from({ length: settings.tenants }, (_, i) => ({
      code: `mixed-${i + 1}`,
      customers: settings.customersPerTenant,
      users: settings.usersPerTenant,
    })),
    log,
  );
  onCleanUp(scenario.cleanUp);
  {
    const api = await scenario.startApi('api');
    const pid = api.child.pid!;
    log(`API on ${api.url} (pid ${pid})`);
    const agent = keepAliveAgent(settings.connections);

    const users: User[] = scenario.tenants.flatMap((tenant) =>
      tenant.users.map((loginId) => ({ tenant, loginId, cookie: '' })),
    );
    const login = async (user: User, recorder: Recorder) => {
      const answer = await send(
        agent,
        api.url,
        {
          method: 'POST',
          path: '/api/v1/auth/login',
          body: { tenantCode: user.tenant.code, loginId: user.loginId, password: BENCH_PASSWORD },
        },
        { keepBody: true },
      );
      recorder.record('login', answer);
      const cookie = sessionCookieOf(answer);
      if (answer.status === 204 && cookie) user.cookie = cookie;
    };
    const firstLogins = new Recorder();
    for (const user of users) await login(user, firstLogins);
    if (firstLogins.all().failed > 0) throw new Error(firstLogins.failures.join('\n'));
    log(`${users.length} users signed in (${settings.tenants} tenants)`);

    const rssIdle = residentMiB(pid);
    const available = operations.filter((op) => op.weight > 0);
    const totalWeight = available.reduce((sum, op) => sum + op.weight, 0);
    const workers = Array.from({ length: settings.connections }, (_, worker) => ({
      user: users[worker % users.length]!,
      random: seededRandom(worker + 1),
      n: 0,
    }));
    const step = (recorder: Recorder) => async (worker: number) => {
      const state = workers[worker]!;
      const op = pickWeighted(available, state.random() * totalWeight);
      state.n++;
      try {
        if (op.kind === 'login') return await login(state.user, recorder);
        const call = op.build!({ ...state, worker });
        const answer = await send(agent, api.url, {
          ...call,
          headers: { cookie: state.user.cookie },
        });
        recorder.record(op.kind, answer);
      } catch (error) {
        recorder.fail(op.kind, error);
      }
    };

    if (settings.warmupSeconds > 0) {
      log(`warm-up: ${settings.warmupSeconds} s at ${settings.connections} connections`);
      await closedLoop({
        connections: settings.connections,
        durationSeconds: settings.warmupSeconds,
        step: step(new Recorder()),
      });
    }
    // The "before" figure: after start-up and warm-up, once the warm-up's garbage is settled.
    await sleep(3_000);
    const rssBefore = residentMiB(pid);
    log(`measuring: ${settings.durationSeconds} s at ${settings.connections} connections`);
    const recorder = new Recorder();
    const sampler = sampleResident(pid);
    const cpuBefore = readCpu(pid, scenario.postgresPid);
    const seconds = await closedLoop({
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      step: step(recorder),
    });
    const cpu = cpuBetween(cpuBefore, readCpu(pid, scenario.postgresPid));
    const { peak } = sampler.stop();
    agent.destroy();
    log(`load done; ${settings.settleSeconds} s idle before the "after" memory reading`);
    await sleep(settings.settleSeconds * 1000);
    const rssAfter = residentMiB(pid);

    // Report
    const kinds = operations.map((op) => op.kind);
    const rows = kinds.map((kind) => {
      const op = operations.find((candidate) => candidate.kind === kind)!;
      if (op.weight === 0) return [kind, '—', '—', '—', '—', '—', '—', '—', 'no module yet'];
      const s = recorder.summary(kind, seconds);
      return [
        kind,
        s.ok.toLocaleString('en-US'),
        s.perSecond.toFixed(1),
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        ms(s.max),
        String(s.failed + s.refused),
        `${op.weight} %`,
      ];
    });
    const total = recorder.all();
    const sorted = [...total.latencies].sort((a, b) => a - b);
    const pct = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
    rows.push([
      '**all**',
      total.ok.toLocaleString('en-US'),
      (total.ok / seconds).toFixed(1),
      ms(pct(50)),
      ms(pct(95)),
      ms(pct(99)),
      ms(sorted.at(-1)!),
      String(total.failed + total.refused),
      '100 %',
    ]);
    const operationsTable = markdownTable(
      [
        'operation',
        'responses',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'errors',
        'share',
      ],
      rows,
    );
    const errors = total.failed + total.refused;
    const memoryTable = markdownTable(
      ['app process RSS', 'MiB'],
      [
        ['idle after start-up and first sign-ins', rssIdle.toFixed(0)],
        ['before (after warm-up, 3 s idle)', rssBefore.toFixed(0)],
        ['peak during the measured load', peak.toFixed(0)],
        [`after ${settings.settleSeconds} s idle`, rssAfter.toFixed(0)],
      ],
    );
    const returnLimit = Math.max(
      rssBefore * RSS_RETURN_MARGIN.ratio,
      rssBefore + RSS_RETURN_MARGIN.mib,
    );
    const busy = (cpu.server + cpu.postgres + cpu.loadGenerator) / (seconds * cores);
    const other = cpu.other / (seconds * cores);
    const verdicts = [
      `errors (non-2xx, 429 or network) under load: ${errors} (target 0): ${errors === 0 ? 'MET' : 'NOT MET'}`,
      `peak RSS ${peak.toFixed(0)} MiB (target < ${RSS_LIMIT_MIB} MiB): ${peak < RSS_LIMIT_MIB ? 'MET' : 'NOT MET'}`,
      `RSS after the load ${rssAfter.toFixed(0)} MiB against ${rssBefore.toFixed(0)} MiB before (near = at most ${returnLimit.toFixed(0)} MiB): ${rssAfter <= returnLimit ? 'MET' : 'NOT MET'}`,
      `CPU during the measurement: app + PostgreSQL + load generator ${Math.round(busy * 100)} % of ${cores} cores, other processes ${Math.round(other * 100)} %; per response: app ${((cpu.server * 1000) / total.ok).toFixed(2)} ms, PostgreSQL ${((cpu.postgres * 1000) / total.ok).toFixed(2)} ms`,
    ];
    console.log(['', operationsTable, '', memoryTable, '', ...verdicts].join('\n'));
    if (recorder.failures.length > 0) {
      console.log(['', 'First failures:', ...recorder.failures].join('\n'));
    }
    const block = `
Last run: **${stamp()} UTC**, ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.
Load average before the run: ${loadBefore.map((v) => v.toFixed(2)).join(' / ')} (1/5/15 min).

Settings: ${settings.connections} connections for ${settings.durationSeconds} s (after ${settings.warmupSeconds} s warm-up), ${settings.tenants} tenants × ${settings.usersPerTenant} users
(${users.length} users, ${Math.round(settings.connections / users.length)} connections each), ${settings.customersPerTenant.toLocaleString('en-US')} customers per tenant, pool size ${process.env.DATABASE_POOL_SIZE ?? '10'}, per-tenant limits at their defaults.

${operationsTable}

${memoryTable}

${verdicts.map((line) => `- ${line}`).join('\n')}
`;
    if (settings.writeDocs) {
      if (replaceGeneratedBlock(docsPath, 'mixed', block)) log(`results written to ${docsPath}`);
      else console.warn(`WARNING: ${docsPath} has no bench:mixed markers; not updated`);
    } else {
      console.log(`\n--- ready-to-paste block ---\n${block}`);
    }
    if (errors > 0) process.exitCode = 1;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function pickWeighted<T extends { weight: number }>(items: readonly T[], point: number): T {
  let remaining = point;
  for (const item of items) {
    remaining -= item.weight;
    if (remaining < 0) return item;
  }
  return items[items.length - 1]!;
}
