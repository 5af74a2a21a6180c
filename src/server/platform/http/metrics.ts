import type { FastifyPluginAsync } from 'fastify';
import type pg from 'pg';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { access } from '../../../domain/access/permissions';
import { isLoopback } from './loopback';

/**
 * Prometheus metrics. Served to loopback callers only: expose them to a scraper through the
 * private network, never through the public proxy.
 */
export const metricsRoutes: FastifyPluginAsync<{ pool: pg.Pool }> = async (app, { pool }) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'akinai_http_request_duration_seconds',
    help: 'HTTP request duration by route and status class',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'akinai_http_server_errors_total',
    help: 'Responses with a 5xx status',
    labelNames: ['route'],
    registers: [registry],
  });
  new Gauge({
    name: 'akinai_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = `${Math.floor(reply.statusCode / 100)}xx`;
    duration.observe({ method: request.method, route, status }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });

  app.get(
    '/metrics',
    { config: { access: access.public, rateLimit: false }, schema: { hide: true } },
    async (request, reply) => {
      if (!isLoopback(request.socket.remoteAddress)) {
        reply.code(404);
        return { code: 'not_found' };
      }
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
};
