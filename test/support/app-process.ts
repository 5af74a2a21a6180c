import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestDatabase } from './database';

/**
 * The app as a real process (`node src/server/main.ts`, what `npm start` runs after the web
 * build) against an existing database: for tests that must kill it with SIGKILL or run two of
 * them side by side, which an in-process Fastify instance cannot stand in for.
 */
export interface AppProcess {
  url: string;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL: no shutdown hook runs, open transactions are cut off mid-way. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the clean shutdown. */
  stop(): Promise<void>;
}

export const APP_PROCESS_PASSWORD = 'multi-process-demo-password';

export async function startAppProcess(
  db: Pick<TestDatabase, 'runtimeUrl' | 'ownerUrl'>,
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'akinai-proc-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      DATABASE_URL: db.runtimeUrl,
      DATABASE_OWNER_URL: db.ownerUrl,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_ADMIN_PASSWORD: APP_PROCESS_PASSWORD,
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      LIFECYCLE_JOB: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => rmSync(dataDir, { recursive: true, force: true }));
  const url = await waitForBanner(child, () => output);
  return {
    url,
    pid: child.pid!,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitForBanner(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const port = /Akinai is running on https?:\/\/localhost:(\d+)/.exec(output())?.[1];
    // 127.0.0.1, not localhost: the app listens on IPv4 only and fetch may try ::1 first.
    if (port) return `http://127.0.0.1:${port}`;
    if (child.exitCode !== null || child.signalCode !== null) {
      // Its last words (why it stopped) may still be in the pipe when the exit is seen.
      if (!child.stdout?.readableEnded || !child.stderr?.readableEnded) {
        await new Promise((resolve) => child.once('close', resolve));
      }
      throw new Error(
        `app process exited with code ${child.exitCode ?? child.signalCode} during start:\n${output()}`,
      );
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`app process did not start:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One JSON call to an app process as a signed-in browser would make it (CSRF header set). */
export async function callApi<T = unknown>(
  baseUrl: string,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'x-requested-with': 'akinai',
      cookie,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
