import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

/** A port nobody listens on right now (the OS picks it; we release it straight away). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Forks a TypeScript server module (through tsx) and waits for its `{ type: 'ready', url }`
 * IPC message. stop() asks it to shut down cleanly (so --cpu-prof profiles get written) and
 * kills it if it has not exited after 10 s.
 */
export async function startServerProcess(
  name: string,
  modulePath: string,
  env: NodeJS.ProcessEnv,
  nodeOptions: string[] = [],
): Promise<ServerProcess> {
  const child = fork(modulePath, [], {
    env,
    execArgv: ['--import', 'tsx', ...nodeOptions],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send('stop');
    else child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} did not start within 60 s`)),
        60_000,
      );
      child.on('message', (message: { type?: string; url?: string }) => {
        if (message?.type === 'ready' && message.url) {
          clearTimeout(timer);
          resolve(message.url);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited before it was ready (code ${code}, signal ${signal})`));
      });
    });
    return { name, url, child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Env for an app whose request budgets (per IP, per user and per tenant, ADR 0025) must not
 * answer 429: a bench that sends everything as one user measures the endpoint, not the limiter.
 */
export const unlimitedRequestBudgets = {
  RATE_LIMIT_PER_MINUTE: '100000000',
  USER_RATE_LIMIT_PER_MINUTE: '100000000',
  TENANT_RATE_LIMIT_PER_MINUTE: '100000000',
} as const;

/**
 * One key per bench run: an app restarted on the same database must bring the key it was first
 * started with, or the start-up key check refuses it (ADR 0027).
 */
const benchMfaKey = randomBytes(32).toString('base64');

/** The env of an app started by a bench (bench/servers/api.ts) on its embedded PostgreSQL. */
export function benchApiEnv(options: {
  dataDir: string;
  runtimeUrl: string;
  ownerUrl: string;
  poolSize: string;
}): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    APP_ORIGIN: 'http://127.0.0.1',
    MFA_ENCRYPTION_KEY: benchMfaKey,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.runtimeUrl,
    DATABASE_OWNER_URL: options.ownerUrl,
    DATABASE_POOL_SIZE: options.poolSize,
    LOG_LEVEL: 'warn',
  };
}

/** The superuser URL points at the maintenance database; the data lives in the app's. */
export function databaseUrlOf(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Signs in as the demo tenant's admin; the session cookie for the bench's requests. */
export async function loginDemoAdmin(apiUrl: string, password: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'akinai' },
    body: JSON.stringify({ tenantCode: 'demo', loginId: 'admin', password }),
  });
  const session = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0]!)
    .find((value) => value.startsWith('akinai_session='));
  if (response.status !== 204 || !session) {
    throw new Error(`login failed: ${response.status} ${await response.text()}`);
  }
  return session;
}
