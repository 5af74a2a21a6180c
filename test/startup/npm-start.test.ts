import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';

/**
 * What `npm start` runs, as a real process: first start creates the embedded database and the
 * demo tenant, Ctrl-C stops the server and PostgreSQL, and the second start reuses the data.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'akinai-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
}

async function start(port: number, pgPort: number): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      DEMO_ADMIN_PASSWORD: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Akinai is running')) {
    if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, output: () => output };
}

function interrupt(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

function postgresRunningFor(dir: string): boolean {
  try {
    return execFileSync('pgrep', ['-f', dir], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('starts, prints the demo login once, stops cleanly on Ctrl-C and reuses its data', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const first = await start(port, pgPort);
    const password = /パスワード\s+(\S+)/.exec(first.output())?.[1];
    expect(first.output()).toMatch(/組織コード\s+demo/);
    expect(password).toBeDefined();
    expect(await interrupt(first.child), first.output()).toBe(0);
    expect(postgresRunningFor(dataDir)).toBe(false);

    const second = await start(port, pgPort);
    try {
      expect(second.output()).not.toMatch(/パスワード/);
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'akinai' },
        body: JSON.stringify({ tenantCode: 'demo', loginId: 'admin', password }),
      });
      expect(login.status).toBe(204);
    } finally {
      expect(await interrupt(second.child), second.output()).toBe(0);
    }
    expect(postgresRunningFor(dataDir)).toBe(false);
  }, 120_000);
});
