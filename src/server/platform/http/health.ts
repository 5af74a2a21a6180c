import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { access } from '../../../domain/access/permissions';
import { expectedMigrationCount } from '../db/migrate';
import { ntpSyncState } from './ntp-status';
import { problemSchema } from './problem';

const healthSchema = z.object({
  status: z.literal('ok'),
  serverTime: z.iso.datetime({ offset: true }),
  serverTimeJst: z.string().describe('The same instant in JST with its +09:00 offset'),
  ntp: z
    .enum(['synchronized', 'unsynchronized', 'unknown'])
    .describe('NTP synchronisation of the host clock as systemd reports it; unknown elsewhere'),
});

const readinessSchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  database: z.enum(['ok', 'unreachable', 'migrations_pending']),
});

export function formatJst(instant: Date): string {
  const shifted = new Date(instant.getTime() + 9 * 60 * 60 * 1000);
  return `${shifted.toISOString().slice(0, 23)}+09:00`;
}

/** Liveness (the process answers) and readiness (the database is reachable and migrated). */
export const healthRoutes: FastifyPluginAsyncZod<{ pool: pg.Pool }> = async (app, { pool }) => {
  const migrations = expectedMigrationCount();

  const liveness = async () => {
    const ntp = await ntpSyncState();
    const now = new Date();
    return {
      status: 'ok' as const,
      serverTime: now.toISOString(),
      serverTimeJst: formatJst(now),
      ntp,
    };
  };
  for (const url of ['/healthz', '/health']) {
    app.get(
      url,
      {
        config: { access: access.public, rateLimit: false },
        schema: {
          tags: ['運用'],
          summary: 'Liveness: server time (UTC and JST) and NTP state',
          // Every route answers 400 to unstorable text in the query (reject-unstorable-text).
          response: { 200: healthSchema, 400: problemSchema },
        },
      },
      liveness,
    );
  }

  app.get(
    '/readyz',
    {
      config: { access: access.public, rateLimit: false },
      schema: {
        tags: ['運用'],
        summary: 'Readiness: database reachable and migrations current',
        response: { 200: readinessSchema, 400: problemSchema, 503: readinessSchema },
      },
    },
    async (_request, reply) => {
      try {
        const { rows } = await pool.query<{ applied: number }>(
          'SELECT count(*)::int AS applied FROM drizzle.__drizzle_migrations',
        );
        if (rows[0]?.applied !== migrations) {
          reply.code(503);
          return { status: 'unavailable' as const, database: 'migrations_pending' as const };
        }
        return { status: 'ready' as const, database: 'ok' as const };
      } catch {
        reply.code(503);
        return { status: 'unavailable' as const, database: 'unreachable' as const };
      }
    },
  );
};
