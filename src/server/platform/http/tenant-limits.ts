import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../../domain/errors/error-codes';
import { parseBearerToken } from '../auth/api-token';
import { parseSessionCookie } from '../auth/session-token';
import { type BulkPacing, pacedStream } from './bulk-pacing';
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
  bulkTotal: number;
  bulkPacing: BulkPacing;
  bulkRetryAfterSeconds: number;
  /** The tenant session cookie's name: its value names the tenant before authentication. */
  cookieName: string;
}

/** The tenant a not yet authenticated request claims (its cookie or token names it). */
const claimedTenant = new WeakMap<FastifyRequest, string>();

function tenantOf(request: FastifyRequest): string | undefined {
  return request.principal?.tenantId ?? claimedTenant.get(request);
}

/**
 * Per-tenant fairness (ADR 0025). The per-address limit runs before anything else; these run
 * once the request is authenticated, because only then is the tenant known:
 *
 * 1. a request budget per user and per tenant (fixed one-minute windows in the rate-limit
 *    plugin's store), so that one organisation's scripts or one runaway browser tab cannot
 *    take the whole server;
 * 2. a cap on bulk operations running at once per tenant, per user and in all (the last keeps
 *    many tenants' exports together from taking every core). A data export holds a
 *    pooled connection and the event loop for as long as the download lasts, so a budget
 *    counted in requests does not bound it: only a concurrency cap does.
 *
 * 3. bulk downloads are paced (bulk-pacing.ts): they yield to interactive requests when the
 *    event loop is busy, because even one export's CSV batches and compression would otherwise
 *    make every other tenant's requests queue behind them.
 *
 * All are per process: with several app instances, each enforces its own share.
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
    keyGenerator: (request) => `tenant:${tenantOf(request)}`,
  });
  const running = new RunningCounter();
  const bulkSlotsFull = (tenantId: string) =>
    running.count(`tenant:${tenantId}`) >= settings.bulkPerTenant ||
    running.count(ALL_TENANTS) >= settings.bulkTotal;

  // A tenant that is over its budget, or asks for a bulk operation while its slots are full,
  // is refused before authentication, so a client that ignores Retry-After costs no database
  // round trip (the refusals would otherwise queue for the pool with everyone else's requests).
  // The tenant named by the cookie or token is only a claim here, so this check never lets
  // anything through and never counts: a forged claim can at most learn that a tenant whose id
  // it knows is busy. Counting and the per-user checks wait for authentication below.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access.kind === 'public' || access.kind === 'operator') return;
    const claim = /^Bearer\s/i.test(request.headers.authorization ?? '')
      ? parseBearerToken(request.headers.authorization)
      : parseSessionCookie(request.cookies[settings.cookieName]);
    if (!claim) return;
    claimedTenant.set(request, claim.tenantId);
    const limit = await perTenant(request, { increment: false });
    if (!limit.isAllowed && limit.isExceeded) {
      throw new AppError('tenant_rate_limited', {
        retryAfterSeconds: Math.max(1, limit.ttlInSeconds),
      });
    }
    if (request.routeOptions.config.bulk && bulkSlotsFull(claim.tenantId)) {
      throw new AppError('bulk_operation_busy', {
        retryAfterSeconds: settings.bulkRetryAfterSeconds,
      });
    }
  });

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
    const keys = [tenantKey, userKey, ALL_TENANTS];
    if (bulkSlotsFull(principal.tenantId) || running.count(userKey) >= settings.bulkPerUser) {
      await refuse(request, 'bulk_operation_busy', settings.bulkRetryAfterSeconds);
    }
    for (const key of keys) running.add(key);
    // 'close' comes once the response has been sent in full or the client has gone away: a
    // streamed export holds its slot for exactly as long as it runs.
    reply.raw.once('close', () => {
      for (const key of keys) running.remove(key);
    });
  });

  if (settings.bulkPacing.maxLoopShare < 1) {
    app.addHook('onSend', async (request, _reply, payload) =>
      request.routeOptions.config.bulk && payload instanceof Readable
        ? pacedStream(payload, settings.bulkPacing)
        : payload,
    );
  }
}

const ALL_TENANTS = 'all';

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
