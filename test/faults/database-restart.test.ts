import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/platform/config';
import { bootstrapDatabase, connectionUrl } from '../../src/server/platform/db/bootstrap';
import {
  type EmbeddedDatabase,
  startEmbeddedPostgres,
} from '../../src/server/platform/db/embedded';
import { type RunningAkinai, startAkinai } from '../../src/server/server';
import { freePort } from '../support/free-port';
import { signIn, startWriteLoad, until } from './write-load';

/**
 * Fault injection (issue 6 item 3): the database stops and starts again while clients write.
 * Requests during the outage fail fast with 503 problem+json, the same app process recovers
 * without a restart, and every write a client saw acknowledged is in the database afterwards.
 */
const PASSWORD = 'fault-injection-demo-password';
const layout = {
  database: 'faults',
  ownerRole: 'faults_owner',
  ownerPassword: 'owner-secret-2',
  runtimeRole: 'faults_web',
  runtimePassword: 'runtime-secret-2',
};
let dataDir: string;
let port: number;
let database: EmbeddedDatabase;
let akinai: RunningAkinai;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'akinai-faults-'));
  port = await freePort();
  database = await startEmbeddedPostgres({ dataDir, port, database: 'unused' });
  await bootstrapDatabase(database.superuserUrl, layout);
  akinai = await startAkinai(
    loadConfig({
      DATABASE_URL: connectionUrl(port, layout.runtimeRole, layout.runtimePassword, 'faults'),
      DATABASE_OWNER_URL: connectionUrl(port, layout.ownerRole, layout.ownerPassword, 'faults'),
      DATA_DIR: join(dataDir, 'app'),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DEMO_ADMIN_PASSWORD: PASSWORD,
      RATE_LIMIT_PER_MINUTE: '1000000',
      TENANT_RATE_LIMIT_PER_MINUTE: '1000000',
      USER_RATE_LIMIT_PER_MINUTE: '1000000',
    }),
  );
}, 120_000);
afterAll(async () => {
  await akinai?.stop();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('database stopped and restarted under write load', () => {
  it('fails fast with 503 during the outage, recovers by itself and loses no acknowledged write', async () => {
    const cookie = await signIn(akinai.url, PASSWORD);
    const load = startWriteLoad({ baseUrl: () => akinai.url, cookie, prefix: 'R', writers: 4 });
    try {
      await until(() => load.acknowledged().length >= 20, 30_000);
      await database.stop();
      const outageStarted = Date.now();
      await until(
        () => load.outcomes.some((o) => o.startedAt > outageStarted && o.status === 503),
        30_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      database = await startEmbeddedPostgres({ dataDir, port, database: 'unused' });
      const restarted = Date.now();
      await until(
        () => load.outcomes.some((o) => o.startedAt > restarted && o.status === 201),
        30_000,
      );
      const recovered = load.acknowledged().length;
      await until(() => load.acknowledged().length >= recovered + 20, 30_000);
    } finally {
      await load.stop();
    }

    const statuses = new Set(load.outcomes.map((o) => o.status));
    expect(
      [...statuses].every((s) => s === 201 || s === 503),
      [...statuses].join(),
    ).toBe(true);
    const refused = load.outcomes.filter((o) => o.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((o) => o.problemCode === 'database_unavailable')).toBe(true);
    // Fail fast: a client learns of the outage in well under the 10 s a browser would wait.
    expect(Math.max(...refused.map((o) => o.millis))).toBeLessThan(5_000);

    const superuser = new pg.Client({
      connectionString: database.superuserUrl.replace(/\/[^/]*$/, '/faults'),
    });
    await superuser.connect();
    try {
      const { rows } = await superuser.query<{ code: string }>(
        `SELECT code FROM app.customers WHERE code LIKE 'WR%'`,
      );
      const stored = new Set(rows.map((row) => row.code));
      const lost = load.acknowledged().filter((code) => !stored.has(code));
      expect(lost).toEqual([]);
      // Each stored customer has its audit row: no write committed half.
      const audited = await superuser.query<{ count: string }>(
        `SELECT count(*) FROM app.audit_log WHERE event = 'customer.created'
           AND after->>'code' LIKE 'WR%'`,
      );
      expect(Number(audited.rows[0]!.count)).toBe(stored.size);
    } finally {
      await superuser.end();
    }
  }, 180_000);
});
