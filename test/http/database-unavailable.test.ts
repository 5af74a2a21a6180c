import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AkinaiApp } from '../../src/server/app';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/platform/config';
import { createPool } from '../../src/server/platform/db/pool';
import { uuidv7 } from '../../src/server/platform/db/uuid';
import { freePort } from '../support/free-port';

/** With the database gone, requests fail fast with 503 problem+json; liveness stays green. */
let built: AkinaiApp;
let pool: ReturnType<typeof createPool>;

beforeAll(async () => {
  pool = createPool(`postgres://nobody:nothing@127.0.0.1:${await freePort()}/none`, 2);
  built = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), pool });
});
afterAll(async () => {
  await built.app.close();
  await pool.end();
});

describe('database unavailable', () => {
  it('answers 503 with Retry-After on login and on authenticated routes, quickly', async () => {
    const cookie = `akinai_session=${uuidv7()}.${'a'.repeat(43)}`;
    const started = Date.now();
    const responses = await Promise.all([
      built.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-requested-with': 'akinai' },
        payload: { tenantCode: 'demo', loginId: 'admin', password: 'x' },
      }),
      built.app.inject({ method: 'GET', url: '/api/v1/customers', headers: { cookie } }),
    ]);
    expect(Date.now() - started).toBeLessThan(3_000);
    for (const response of responses) {
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json().code).toBe('database_unavailable');
    }
  });

  it('reports not ready, while liveness still answers', async () => {
    expect((await built.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'unavailable',
      database: 'unreachable',
    });
    expect((await built.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
