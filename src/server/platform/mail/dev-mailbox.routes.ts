import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { access } from '../../../domain/access/permissions';
import { standardErrorResponses } from '../http/problem';
import { listDevMailbox } from './dev-mailbox';
import { devMailboxQuerySchema, devMailboxSchema } from './dev-mailbox.schema';

/**
 * Development only (registered when NODE_ENV is not production and SMTP_URL is unset; every
 * other deployment answers 404): shows a tenant's outgoing mail, reset links included, to
 * anyone who knows the 組織コード, so a developer can follow them without a mail server.
 */
export const devMailboxRoutes: FastifyPluginAsyncZod<{ pool: pg.Pool }> = async (app, options) => {
  app.get(
    '/dev/mailbox',
    {
      config: { access: access.public },
      schema: {
        tags: ['開発用'],
        summary: '開発用メールボックス (本番では 404)',
        querystring: devMailboxQuerySchema,
        response: { 200: devMailboxSchema, ...standardErrorResponses },
      },
    },
    async (request) => listDevMailbox(options.pool, request.query.tenantCode),
  );
};
