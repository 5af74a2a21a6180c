import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';

export interface LoadOptions {
  url: string;
  paths: readonly string[];
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadRun {
  result: AutocannonResult;
  /** Latency of every 2xx response (ms), for exact percentiles across rounds. */
  latencies: number[];
}

/**
 * One autocannon run cycling through `paths`. Each connection starts at a different offset of
 * the list, so at any moment the server sees a mix of prefixes rather than 50 connections
 * asking for the same one.
 */
export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const requests: AutocannonRequest[] = options.paths.map((path) => ({ method: 'GET', path }));
  let clientIndex = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    headers: options.headers,
    requests,
    setupClient: (client) => {
      const offset = (clientIndex++ * 7) % requests.length;
      client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
    },
  });
  const latencies: number[] = [];
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  return { result, latencies };
}

/** Nearest-rank percentile of ascending-sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
