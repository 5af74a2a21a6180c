import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerRouteAccess } from '../../src/server/platform/access/route-access';
import { createPool } from '../../src/server/platform/db/pool';

describe('route access declarations', () => {
  it('refuses to build an app with an /api route that declares no access', async () => {
    const app = Fastify();
    const pool = createPool('postgres://unused@127.0.0.1:1/unused', 1);
    registerRouteAccess(app, {
      pool,
      operatorCookieName: 'akinai_ops',
      cookieName: 'akinai_session',
    });
    expect(() => app.get('/api/v1/forgotten', async () => 'open')).toThrow(
      'Route GET /api/v1/forgotten declares no access',
    );
    await pool.end();
  });
});
