import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../../domain/errors/error-codes';
import { AppError } from './problem';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Marks a route whose one request is a lot of work for the database and the event loop
     * (full data export, audit CSV, imports): it counts against the bulk concurrency caps.
     */
    bulk?: true;
  }
}

export interface TenantLimitSettings {
  requestsPerMinutePerTenant: number;
  requestsPerMinutePerUser: number;
  bulkPerTenant: number;
  bulkPerUser: number;
  bulkRetryAfterSeconds: number;
}

/**
 * Per-tenant fairness (ADR 0025). The per-address limit runs before anything else; these run
 * once the request is authenticated, because only then is the tenant known:
 *
 * 1. a request budget per user and per tenant (fixed one-minute windows in the rate-limit
 *    plugin's store), so that one organisation's scripts or one runaway browser tab cannot
 *    take the whole server;
 * 2. a cap on bulk operations running at once per tenant and per user. A data export holds a
 *    pooled connection and the event loop for as long as the download lasts, so a budget
 *    counted in requests does not bound it: only a concurrency cap does.
 *
 * Both are per process: with several app instances, each enforces its own share.
 */
export function registerTenantLimits(app: FastifyInstance, settings: TenantLimitSettings): void {
  const perUser = app.createRateLimit({
    max: settings.requestsPerMinutePerUser,
    timeWindow: 60_000,
    keyGenerator: (request) => `user:${request.principal?.tenantId}:${request.principal?.userId}`,
  });
  const perTenant = app.createRateLimit({
    max: settings.requestsPerMinutePerTenant,
    timeWindow: 60_000,
    keyGenerator: (request) => `tenant:${request.principal?.tenantId}`,
  });
  const running = new RunningCounter();

  // Registered after the access layer's preHandler, so the principal is known here.
  app.addHook('preHandler', async (request, reply) => {
    const principal = request.principal;
    if (!principal) return;
    for (const [check, code] of [
      [perUser, 'rate_limited'],
      [perTenant, 'tenant_rate_limited'],
    ] as const) {
      const limit = await check(request);
      if (!limit.isAllowed && limit.isExceeded) {
        await refuse(request, code, Math.max(1, limit.ttlInSeconds));
      }
    }
    if (!request.routeOptions.config.bulk) return;
    const tenantKey = `tenant:${principal.tenantId}`;
    const userKey = `user:${principal.tenantId}:${principal.userId}`;
    if (
      running.count(tenantKey) >= settings.bulkPerTenant ||
      running.count(userKey) >= settings.bulkPerUser
    ) {
      await refuse(request, 'bulk_operation_busy', settings.bulkRetryAfterSeconds);
    }
    running.add(tenantKey);
    running.add(userKey);
    // 'close' comes once the response has been sent in full or the client has gone away: a
    // streamed export holds its slot for exactly as long as it runs.
    reply.raw.once('close', () => {
      running.remove(tenantKey);
      running.remove(userKey);
    });
  });
}

async function refuse(
  request: FastifyRequest,
  code: ErrorCode,
  retryAfterSeconds: number,
): Promise<never> {
  // Hand the connection back now rather than after the 429 has been written.
  await request.tenantTx?.rollback();
  throw new AppError(code, { retryAfterSeconds });
}

/** How many operations are running per key; a key at zero is forgotten. */
class RunningCounter {
  private readonly counts = new Map<string, number>();

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  add(key: string): void {
    this.counts.set(key, this.count(key) + 1);
  }

  remove(key: string): void {
    const next = this.count(key) - 1;
    if (next > 0) this.counts.set(key, next);
    else this.counts.delete(key);
  }
}
