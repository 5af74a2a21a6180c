import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AutocannonResult } from 'autocannon';
import type { CpuSeconds } from './cpu';
import { type LoadRun, percentile } from './load';

export type TargetName = 'baseline' | 'api' | 'baseline-rls';

export const targetLabels: Record<TargetName, string> = {
  baseline: 'baseline (node:http + pg pool)',
  api: 'API (Fastify + session + tenant tx)',
  'baseline-rls': 'diagnostic: baseline in a tenant tx (RLS)',
};

export interface MeasuredRun extends LoadRun {
  round: number;
  target: TargetName;
  cpu: CpuSeconds;
}

export interface TargetSummary {
  target: TargetName;
  requestsPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  responses: number;
  errors: number;
  non2xx: number;
  bytesPerResponse: number;
  /** CPU milliseconds per response, by consumer. */
  cpuPerResponse: CpuSeconds;
  /** CPU used by the three during the measurement as a share of the machine's capacity. */
  machineUtilisation: number;
  /** CPU used by anything else on the machine meanwhile, same scale. */
  otherUtilisation: number;
}

/** Pools the rounds of one target: throughput over the summed duration, percentiles of all samples. */
export function summarise(
  target: TargetName,
  runs: readonly MeasuredRun[],
  cores: number,
): TargetSummary {
  const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const sum = (value: (run: MeasuredRun) => number) =>
    runs.reduce((total, run) => total + value(run), 0);
  const ok = sum((run) => run.result['2xx']);
  const seconds = sum((run) => run.result.duration);
  const cpu = {
    server: sum((run) => run.cpu.server),
    postgres: sum((run) => run.cpu.postgres),
    loadGenerator: sum((run) => run.cpu.loadGenerator),
    other: sum((run) => run.cpu.other),
  };
  return {
    target,
    requestsPerSecond: ok / seconds,
    p50: percentile(latencies, 50),
    p97_5: percentile(latencies, 97.5),
    p99: percentile(latencies, 99),
    responses: ok,
    errors: sum((run) => run.result.errors + run.result.timeouts),
    non2xx: sum((run) => run.result.non2xx),
    bytesPerResponse: ok > 0 ? sum((run) => run.result.throughput.total) / ok : 0,
    cpuPerResponse: {
      server: (cpu.server * 1000) / ok,
      postgres: (cpu.postgres * 1000) / ok,
      loadGenerator: (cpu.loadGenerator * 1000) / ok,
      other: (cpu.other * 1000) / ok,
    },
    machineUtilisation: (cpu.server + cpu.postgres + cpu.loadGenerator) / (seconds * cores),
    otherUtilisation: cpu.other / (seconds * cores),
  };
}

export interface Verdict {
  ratio: number;
  throughputMet: boolean;
  /** null: the run's concurrency is above the one the latency target is stated for. */
  latencyMet: boolean | null;
  connections: number;
  clean: boolean;
}

export const TARGET_RATIO = 0.6;
export const TARGET_P99_MS = 50;
/**
 * The latency target holds at this concurrency. At 50 connections on 2 cores even the bare
 * baseline's p99 is above 50 ms (Little's law; docs/benchmarks.md, Findings 4), so the
 * 50-connection run judges throughput only.
 */
export const TARGET_P99_CONNECTIONS = 10;

export function judge(api: TargetSummary, baseline: TargetSummary, connections: number): Verdict {
  const ratio = api.requestsPerSecond / baseline.requestsPerSecond;
  return {
    ratio,
    throughputMet: ratio >= TARGET_RATIO,
    latencyMet: connections <= TARGET_P99_CONNECTIONS ? api.p99 < TARGET_P99_MS : null,
    connections,
    clean: api.errors + api.non2xx + baseline.errors + baseline.non2xx === 0,
  };
}

const ms = (value: number) => value.toFixed(1);
const ms2 = (value: number) => value.toFixed(2);
const int = (value: number) => Math.round(value).toLocaleString('en-US');

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(header),
    line(header.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map(line),
  ].join('\n');
}

export function summaryTable(summaries: readonly TargetSummary[]): string {
  return table(
    [
      'target',
      'req/s',
      'p50 ms',
      'p97.5 ms',
      'p99 ms',
      'responses',
      'errors',
      'non-2xx',
      'bytes/resp',
    ],
    summaries.map((s) => [
      targetLabels[s.target],
      int(s.requestsPerSecond),
      ms(s.p50),
      ms(s.p97_5),
      ms(s.p99),
      int(s.responses),
      String(s.errors),
      String(s.non2xx),
      int(s.bytesPerResponse),
    ]),
  );
}

export function cpuTable(summaries: readonly TargetSummary[]): string {
  return table(
    [
      'target',
      'server process',
      'PostgreSQL',
      'load generator',
      'total',
      'machine busy',
      'other processes',
    ],
    summaries.map((s) => {
      const { server, postgres, loadGenerator } = s.cpuPerResponse;
      return [
        targetLabels[s.target],
        ms2(server),
        ms2(postgres),
        ms2(loadGenerator),
        ms2(server + postgres + loadGenerator),
        `${Math.round(s.machineUtilisation * 100)} %`,
        `${Math.round(s.otherUtilisation * 100)} %`,
      ];
    }),
  );
}

export function roundsTable(runs: readonly MeasuredRun[]): string {
  return table(
    ['round', 'target', 'req/s (mean)', 'p50 ms', 'p97.5 ms', 'p99 ms', 'errors', 'non-2xx'],
    runs.map(({ round, target, result }) => [
      String(round),
      target,
      int(result.requests.average),
      String(result.latency.p50),
      String(result.latency.p97_5),
      String(result.latency.p99),
      String(result.errors + result.timeouts),
      String(result.non2xx),
    ]),
  );
}

export function singleConnectionTable(
  runs: readonly { target: TargetName; result: AutocannonResult; latencies: number[] }[],
): string {
  return table(
    ['target', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'errors', 'non-2xx'],
    runs.map(({ target, result, latencies }) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      return [
        targetLabels[target],
        int(result['2xx'] / result.duration),
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 97.5)),
        ms(percentile(sorted, 99)),
        String(result.errors + result.timeouts),
        String(result.non2xx),
      ];
    }),
  );
}

/** Share of the machine other processes may take before a run counts as disturbed. */
export const DISTURBANCE_LIMIT = 0.05;

export function verdictLines(
  verdict: Verdict,
  api: TargetSummary,
  summaries: readonly TargetSummary[],
): string[] {
  const mark = (met: boolean) => (met ? 'MET' : 'NOT MET');
  const disturbed = Math.max(...summaries.map((s) => s.otherUtilisation));
  return [
    ...(disturbed > DISTURBANCE_LIMIT
      ? [
          `WARNING: other processes used up to ${Math.round(disturbed * 100)} % of the machine during a measurement; the figures are disturbed, run again on a quiet machine`,
        ]
      : []),
    `API / baseline throughput: ${(verdict.ratio * 100).toFixed(1)} % (target ≥ ${TARGET_RATIO * 100} %): ${mark(verdict.throughputMet)}`,
    verdict.latencyMet === null
      ? `API p99 at ${verdict.connections} connections: ${ms(api.p99)} ms (the p99 < ${TARGET_P99_MS} ms target is judged at ≤ ${TARGET_P99_CONNECTIONS} connections: BENCH_CONNECTIONS=${TARGET_P99_CONNECTIONS})`
      : `API p99 at ${verdict.connections} connections: ${ms(api.p99)} ms (target < ${TARGET_P99_MS} ms): ${mark(verdict.latencyMet)}`,
    `errors / non-2xx: ${verdict.clean ? 'none' : 'PRESENT — results are not valid'}`,
  ];
}

export interface PrefixInfo {
  prefix: string;
  matches: number;
}

export function prefixTable(
  prefixes: readonly PrefixInfo[],
  pageSize: number,
  countCap: number,
): string {
  return table(
    ['kana prefix', 'active matches', 'count query'],
    prefixes.map((p) => [
      p.prefix,
      int(p.matches),
      p.matches > pageSize ? `yes (reads ${int(Math.min(p.matches, countCap + 1))} rows)` : 'no',
    ]),
  );
}

const BEGIN = '<!-- bench:customer-list:begin (generated by npm run bench) -->';
const END = '<!-- bench:customer-list:end -->';

/**
 * Replaces the generated block of docs/benchmarks.md; the hand-written text around it stays.
 * Returns false (and leaves the file alone) when the markers are missing.
 */
export function updateDocs(path: string, block: string): boolean {
  if (!existsSync(path)) return false;
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return false;
  const updated = `${text.slice(0, start + BEGIN.length)}\n${block.trim()}\n${text.slice(end)}`;
  writeFileSync(path, updated);
  return true;
}
