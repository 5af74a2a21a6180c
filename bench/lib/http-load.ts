import { Agent, request as httpRequest } from 'node:http';
import { percentile } from './load';

/**
 * A small HTTP load generator for workloads autocannon does not express: a session per user
 * that a login replaces, requests chosen per connection by weight, bodies read to the end
 * (exports), latencies kept per operation kind, and an open-loop (fixed-rate) mode.
 */

export interface HttpCall {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | null;
  bytes: number;
  ms: number;
}

export function keepAliveAgent(sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/**
 * One request. The body is kept only when `keepBody` (logins, errors): an export's megabytes
 * are counted and dropped as they arrive.
 */
export function send(
  agent: Agent,
  baseUrl: string,
  call: HttpCall,
  options: { keepBody?: boolean; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  const url = new URL(call.path, baseUrl);
  const payload = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        agent,
        method: call.method,
        headers: {
          'x-requested-with': 'akinai',
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...call.headers,
        },
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        const keep = options.keepBody || (res.statusCode ?? 0) >= 400;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (keep) chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: keep ? Buffer.concat(chunks) : null,
            bytes,
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${call.method} ${call.path}`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Latencies and outcomes per operation kind. */
export class Recorder {
  readonly kinds = new Map<
    string,
    { latencies: number[]; ok: number; refused: number; failed: number; bytes: number }
  >();
  readonly failures: string[] = [];

  private entry(kind: string) {
    let entry = this.kinds.get(kind);
    if (!entry) {
      entry = { latencies: [], ok: 0, refused: 0, failed: 0, bytes: 0 };
      this.kinds.set(kind, entry);
    }
    return entry;
  }

  record(kind: string, answer: HttpAnswer): void {
    const entry = this.entry(kind);
    if (answer.status >= 200 && answer.status < 300) {
      entry.ok++;
      entry.bytes += answer.bytes;
      entry.latencies.push(answer.ms);
    } else if (answer.status === 429) {
      entry.refused++;
    } else {
      entry.failed++;
      if (this.failures.length < 20) {
        this.failures.push(
          `${kind}: ${answer.status} ${answer.body?.toString('utf8').slice(0, 200)}`,
        );
      }
    }
  }

  fail(kind: string, error: unknown): void {
    this.entry(kind).failed++;
    if (this.failures.length < 20) this.failures.push(`${kind}: ${String(error)}`);
  }

  summary(kind: string, seconds: number) {
    const entry = this.entry(kind);
    const sorted = [...entry.latencies].sort((a, b) => a - b);
    return {
      kind,
      ok: entry.ok,
      refused: entry.refused,
      failed: entry.failed,
      perSecond: entry.ok / seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
      bytesPerResponse: entry.ok > 0 ? entry.bytes / entry.ok : 0,
    };
  }

  all(): { latencies: number[]; ok: number; refused: number; failed: number } {
    const merged = { latencies: [] as number[], ok: 0, refused: 0, failed: 0 };
    for (const entry of this.kinds.values()) {
      merged.latencies.push(...entry.latencies);
      merged.ok += entry.ok;
      merged.refused += entry.refused;
      merged.failed += entry.failed;
    }
    return merged;
  }
}

/**
 * Closed loop: `connections` workers, each sending its next request as soon as the previous
 * one has been answered, until the deadline. `next` picks what worker `index` sends.
 */
export async function closedLoop(options: {
  connections: number;
  durationSeconds: number;
  step: (worker: number) => Promise<void>;
}): Promise<number> {
  const deadline = performance.now() + options.durationSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async (_, worker) => {
      while (performance.now() < deadline) await options.step(worker);
    }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * Open loop: one request every 1/rate seconds whether or not earlier ones have been answered,
 * so a slow server shows as latency, not as fewer requests (no coordinated omission).
 */
export async function openLoop(options: {
  ratePerSecond: number;
  durationSeconds: number;
  fire: (sequence: number) => Promise<void>;
}): Promise<number> {
  const interval = 1000 / options.ratePerSecond;
  const total = Math.round(options.durationSeconds * options.ratePerSecond);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let sequence = 0; sequence < total; sequence++) {
    const due = started + sequence * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(options.fire(sequence));
  }
  await Promise.all(inFlight);
  return (performance.now() - started) / 1000;
}

/** A small deterministic PRNG (mulberry32), so every run sends the same mix. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function sessionCookieOf(answer: HttpAnswer): string | null {
  const cookies = [answer.headers['set-cookie'] ?? []].flat();
  const session = cookies
    .map((value) => value.split(';')[0]!)
    .find((value) => value.startsWith('akinai_session='));
  return session ?? null;
}
