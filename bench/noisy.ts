/**
 * `npm run bench -- noisy`: does one tenant flooding exports hurt another tenant? (issue 6
 * item 5, ADR 0025)
 *
 * Tenant B's users open their customer list and search at a fixed rate (open loop: requests
 * keep coming whether or not the server keeps up, so a slow server shows as latency). B's p95
 * is measured alone (baseline) and then while tenant A's users download the full data export
 * ZIP and the audit CSV in a loop over many connections (a separate process, reading every
 * byte). This is done twice, each on a fresh app process: with the per-tenant limits at their
 * defaults, and with them lifted out of the way ("limits off"). Target: with the limits on,
 * B's p95 under the flood ≤ 2 × its baseline.
 *
 * Environment: BENCH_NOISY_RATE (B's requests per second, 40), BENCH_NOISY_DURATION (20 s per
 * measurement), BENCH_NOISY_WARMUP (5 s), BENCH_NOISY_FLOOD_CONNECTIONS (16),
 * BENCH_NOISY_FLOOD_PAUSE_MS (pause after a 429 before the next request, 100: a client that
 * retries ten times a second instead of honouring Retry-After; 0 = none, which on a small
 * machine mostly measures the flooding client's own CPU),
 * BENCH_NOISY_CUSTOMERS_A (20,000), BENCH_NOISY_CUSTOMERS_B (10,000), DATABASE_POOL_SIZE (10).
 * BENCH_NOISY_OFF=0 skips the "limits off" run. The limit variables of the app (BULK_*,
 * TENANT_RATE_LIMIT_PER_MINUTE, USER_RATE_LIMIT_PER_MINUTE) are passed to the "limits on" run.
 * Flag: --no-docs.
 */
import { fork } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type CpuSeconds, cpuBetween, processCpuSeconds, readCpu } from './lib/cpu';
import { replaceGeneratedBlock } from './lib/docs-block';
import {
  type HttpCall,
  keepAliveAgent,
  openLoop,
  Recorder,
  seededRandom,
  send,
  sessionCookieOf,
} from './lib/http-load';
import { residentMiB } from './lib/memory';
import { BENCH_PASSWORD, type BenchTenant, createScenario } from './lib/scenario';
import { envInt, markdownTable, ms, stamp } from './lib/text';

const settings = {
  rate: Math.max(1, envInt('BENCH_NOISY_RATE', 40)),
  durationSeconds: Math.max(1, envInt('BENCH_NOISY_DURATION', 20)),
  warmupSeconds: envInt('BENCH_NOISY_WARMUP', 5),
  floodConnections: Math.max(1, envInt('BENCH_NOISY_FLOOD_CONNECTIONS', 16)),
  floodPauseMs: envInt('BENCH_NOISY_FLOOD_PAUSE_MS', 100),
  customersA: envInt('BENCH_NOISY_CUSTOMERS_A', 20_000),
  customersB: envInt('BENCH_NOISY_CUSTOMERS_B', 10_000),
  writeDocs: !process.argv.includes('--no-docs'),
};

const TARGET_RATIO = 2;
const FLOOD_USERS = 8;
const QUIET_USERS = 4;

/** "limits off": the same app with every per-tenant limit far out of reach. */
const limitVariables = [
  'TENANT_RATE_LIMIT_PER_MINUTE',
  'USER_RATE_LIMIT_PER_MINUTE',
  'BULK_CONCURRENCY_PER_TENANT',
  'BULK_CONCURRENCY_PER_USER',
  'BULK_CONCURRENCY_TOTAL',
  'BULK_RETRY_AFTER_SECONDS',
];
/** The limits as configured in this environment (the app's defaults when none is set). */
const configuredLimits = Object.fromEntries(
  limitVariables.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])),
);
const allConfigurations = [
  {
    name:
      Object.keys(configuredLimits).length === 0
        ? 'limits on (defaults)'
        : `limits on (${Object.entries(configuredLimits)
            .map(([name, value]) => `${name}=${value}`)
            .join(', ')})`,
    env: configuredLimits,
  },
  {
    name: 'limits off',
    env: {
      TENANT_RATE_LIMIT_PER_MINUTE: '1000000000',
      USER_RATE_LIMIT_PER_MINUTE: '1000000000',
      BULK_CONCURRENCY_PER_TENANT: '100000',
      BULK_CONCURRENCY_PER_USER: '100000',
      BULK_CONCURRENCY_TOTAL: '100000',
    },
  },
];
const configurations =
  envInt('BENCH_NOISY_OFF', 1) === 0 ? allConfigurations.slice(0, 1) : allConfigurations;

const docsPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const floodWorker = fileURLToPath(new URL('./lib/flood-worker.ts', import.meta.url));
const cores = availableParallelism();
const started = Date.now();
function log(message: string): void {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
}

type PhaseCpu = Omit<CpuSeconds, 'other'> & { flooder: number; other: number };

interface FloodSummary {
  kind: string;
  ok: number;
  refused: number;
  failed: number;
  perSecond: number;
  p50: number;
  bytesPerResponse: number;
}

export async function runNoisy(onCleanUp: (step: () => Promise<void>) => void): Promise<void> {
  const loadBefore = loadavg();
  const scenario = await createScenario(
    [
      { code: 'noisy-a', customers: settings.customersA, users: FLOOD_USERS, admins: true },
      { code: 'quiet-b', customers: settings.customersB, users: QUIET_USERS },
    ],
    log,
  );
  onCleanUp(scenario.cleanUp);
  const [tenantA, tenantB] = scenario.tenants as [BenchTenant, BenchTenant];

  const results: {
    name: string;
    alone: ReturnType<Recorder['summary']>;
    flooded: ReturnType<Recorder['summary']>;
    flood: FloodSummary[];
    floodFailures: string[];
    peakRss: number;
    cpu: { alone: PhaseCpu; flooded: PhaseCpu };
  }[] = [];
  for (const configuration of configurations) {
    const api = await scenario.startApi(`api (${configuration.name})`, configuration.env);
    log(`${configuration.name}: API on ${api.url}`);
    const agent = keepAliveAgent(64);
    const signIn = async (tenant: BenchTenant, loginId: string) => {
      const answer = await send(
        agent,
        api.url,
        {
          method: 'POST',
          path: '/api/v1/auth/login',
          body: { tenantCode: tenant.code, loginId, password: BENCH_PASSWORD },
        },
        { keepBody: true },
      );
      const cookie = sessionCookieOf(answer);
      if (answer.status !== 204 || !cookie) {
        throw new Error(`login ${tenant.code}/${loginId}: ${answer.status} ${answer.body}`);
      }
      return cookie;
    };
    const quietCookies: string[] = [];
    for (const loginId of tenantB.users) quietCookies.push(await signIn(tenantB, loginId));
    const floodCookies: string[] = [];
    for (const loginId of tenantA.users) floodCookies.push(await signIn(tenantA, loginId));

    const random = seededRandom(7);
    const quietCall = (sequence: number): HttpCall => {
      const row = tenantB.customers[Math.floor(random() * tenantB.customers.length)]!;
      if (sequence % 2 === 0) {
        const kana = encodeURIComponent(row.kana.slice(0, 1));
        return { method: 'GET', path: `/api/v1/customers?sort=kana&limit=50&kana=${kana}` };
      }
      const term = encodeURIComponent(row.name.slice(0, 2));
      return { method: 'GET', path: `/api/v1/customers?q=${term}&limit=50` };
    };
    const measureQuiet = async (seconds: number, floodPid?: number) => {
      const cpuBefore = readCpu(api.child.pid!, scenario.postgresPid);
      const floodBefore = floodPid ? processCpuSeconds(floodPid) : 0;
      const recorder = new Recorder();
      const kind = 'B list/search';
      await openLoop({
        ratePerSecond: settings.rate,
        durationSeconds: seconds,
        fire: async (sequence) => {
          const call = quietCall(sequence);
          try {
            const answer = await send(agent, api.url, {
              ...call,
              headers: { cookie: quietCookies[sequence % quietCookies.length]! },
            });
            recorder.record(kind, answer);
          } catch (error) {
            recorder.fail(kind, error);
          }
        },
      });
      const cpu = cpuBetween(cpuBefore, readCpu(api.child.pid!, scenario.postgresPid));
      const flooder = floodPid ? processCpuSeconds(floodPid) - floodBefore : 0;
      const share = (value: number) => value / (seconds * cores);
      return {
        recorder,
        summary: recorder.summary(kind, seconds),
        cpu: {
          server: share(cpu.server),
          postgres: share(cpu.postgres),
          loadGenerator: share(cpu.loadGenerator),
          flooder: share(flooder),
          other: share(Math.max(0, cpu.other - flooder)),
        },
      };
    };

    if (settings.warmupSeconds > 0) await measureQuiet(settings.warmupSeconds);
    log(`  B alone: ${settings.rate} req/s for ${settings.durationSeconds} s`);
    const alone = await measureQuiet(settings.durationSeconds);
    log(`  B alone: p50 ${ms(alone.summary.p50)} ms, p95 ${ms(alone.summary.p95)} ms`);

    log(`  A floods exports over ${settings.floodConnections} connections; B measured again`);
    const flood = await startFlood(api.url, floodCookies);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    let peakRss = 0;
    const rssTimer = setInterval(() => {
      peakRss = Math.max(peakRss, residentMiB(api.child.pid!));
    }, 250);
    const flooded = await measureQuiet(settings.durationSeconds, flood.pid);
    clearInterval(rssTimer);
    const floodResult = await flood.stop();
    log(
      `  B under the flood: p50 ${ms(flooded.summary.p50)} ms, p95 ${ms(flooded.summary.p95)} ms, errors ${flooded.summary.failed + flooded.summary.refused}`,
    );
    for (const kind of floodResult.kinds) {
      log(
        `  A ${kind.kind}: ${kind.ok} completed, ${kind.refused} refused (429), ${kind.failed} failed`,
      );
    }
    results.push({
      name: configuration.name,
      alone: alone.summary,
      flooded: flooded.summary,
      flood: floodResult.kinds,
      floodFailures: [...flooded.recorder.failures, ...floodResult.failures].slice(0, 5),
      peakRss,
      cpu: { alone: alone.cpu, flooded: flooded.cpu },
    });
    agent.destroy();
    await api.stop();
  }

  const quietTable = markdownTable(
    [
      'configuration',
      'B p50 alone',
      'B p95 alone',
      'B p50 flooded',
      'B p95 flooded',
      'B p99 flooded',
      'p95 ratio',
      'B errors flooded',
    ],
    results.map((r) => [
      r.name,
      ms(r.alone.p50),
      ms(r.alone.p95),
      ms(r.flooded.p50),
      ms(r.flooded.p95),
      ms(r.flooded.p99),
      `${(r.flooded.p95 / r.alone.p95).toFixed(2)} ×`,
      String(r.flooded.failed + r.flooded.refused),
    ]),
  );
  const floodTable = markdownTable(
    [
      'configuration',
      'A operation',
      'completed',
      'per second',
      'refused (429)',
      'failed',
      'MB each',
      'app peak RSS MiB',
    ],
    results.flatMap((r) =>
      r.flood.map((kind) => [
        r.name,
        kind.kind,
        String(kind.ok),
        kind.perSecond.toFixed(2),
        String(kind.refused),
        String(kind.failed),
        (kind.bytesPerResponse / 1e6).toFixed(2),
        r.peakRss.toFixed(0),
      ]),
    ),
  );
  const percent = (value: number) => `${Math.round(value * 100)} %`;
  const cpuTable = markdownTable(
    ['configuration', 'phase', 'app', 'PostgreSQL', "B's client", "A's client", 'other processes'],
    results.flatMap((r) =>
      (['alone', 'flooded'] as const).map((phase) => {
        const c = r.cpu[phase];
        return [
          r.name,
          phase === 'alone' ? 'B alone' : 'B + A flooding',
          percent(c.server),
          percent(c.postgres),
          percent(c.loadGenerator),
          percent(c.flooder),
          percent(c.other),
        ];
      }),
    ),
  );
  const on = results[0]!;
  const ratio = on.flooded.p95 / on.alone.p95;
  const clean = on.flooded.failed + on.flooded.refused === 0;
  const verdicts = [
    `limits on: B's p95 ${ms(on.flooded.p95)} ms under the flood against ${ms(on.alone.p95)} ms alone = ${ratio.toFixed(2)} × (target ≤ ${TARGET_RATIO} ×): ${ratio <= TARGET_RATIO ? 'MET' : 'NOT MET'}`,
    `limits on: B's requests all answered 2xx under the flood: ${clean ? 'yes' : 'NO'}`,
    ...results
      .slice(1)
      .map(
        (r) =>
          `${r.name}: B's p95 ${ms(r.flooded.p95)} ms against ${ms(r.alone.p95)} ms alone = ${(r.flooded.p95 / r.alone.p95).toFixed(2)} ×, ${r.flooded.failed + r.flooded.refused} of B's requests failed`,
      ),
  ];
  const failures = results.flatMap((r) => r.floodFailures.map((f) => `${r.name}: ${f}`));
  console.log(
    ['', quietTable, '', floodTable, '', cpuTable, '', ...verdicts, '', ...failures].join('\n'),
  );
  const block = `
Last run: **${stamp()} UTC**, ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.
Load average before the run: ${loadBefore.map((v) => v.toFixed(2)).join(' / ')} (1/5/15 min).

Settings: tenant B (${settings.customersB.toLocaleString('en-US')} customers, ${QUIET_USERS} users) sends ${settings.rate} list/search requests per second (open loop) for
${settings.durationSeconds} s alone, then ${settings.durationSeconds} s while tenant A (${settings.customersA.toLocaleString('en-US')} customers, ${FLOOD_USERS} users) downloads the data export ZIP and the
audit CSV in a loop over ${settings.floodConnections} connections (${settings.floodPauseMs > 0 ? `${settings.floodPauseMs} ms pause after a 429` : 'retrying a 429 at once, ignoring Retry-After'}). A fresh app process per configuration; pool size ${process.env.DATABASE_POOL_SIZE ?? '10'}.

Tenant B's latency in ms:

${quietTable}

What tenant A got meanwhile:

${floodTable}

CPU use during each measurement, as a share of the machine's ${cores} cores (the two clients run on the same
machine; "other processes" is everything else, other people's work included):

${cpuTable}

${verdicts.map((line) => `- ${line}`).join('\n')}
`;
  if (settings.writeDocs) {
    if (replaceGeneratedBlock(docsPath, 'noisy', block)) log(`results written to ${docsPath}`);
    else console.warn(`WARNING: ${docsPath} has no bench:noisy markers; not updated`);
  } else {
    console.log(`\n--- ready-to-paste block ---\n${block}`);
  }
}

async function startFlood(url: string, cookies: string[]) {
  const child = fork(floodWorker, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`flood worker exited (${code})`)));
  });
  child.send({
    type: 'start',
    url,
    cookies,
    connections: settings.floodConnections,
    pauseAfterRefusalMs: settings.floodPauseMs,
  });
  return {
    pid: child.pid!,
    stop: () =>
      new Promise<{ kinds: FloodSummary[]; failures: string[] }>((resolve) => {
        child.once('message', (message: { kinds: FloodSummary[]; failures: string[] }) => {
          child.kill();
          resolve(message);
        });
        child.send({ type: 'stop' });
      }),
  };
}
