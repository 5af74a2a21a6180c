import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { access } from '../../../domain/access/permissions';
import { isLoopback } from '../http/loopback';
import { AppError, standardErrorResponses } from '../http/problem';
import { listDevMailbox } from './dev-mailbox';
import { devMailboxQuerySchema, devMailboxSchema } from './dev-mailbox.schema';

/**
 * Development only (registered when NODE_ENV is not production and SMTP_URL is unset; every
 * other deployment answers 404): shows a tenant's outgoing mail, reset links included, so a
 * developer can follow them without a mail server. Reset links are as good as passwords, so
 * even then only a browser on this machine gets an answer: a development server reachable
 * from the network (NODE_ENV forgotten) does not hand them out.
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
    async (request) => {
      if (!isLoopback(request.socket.remoteAddress)) throw new AppError('not_found');
      return listDevMailbox(options.pool, request.query.tenantCode);
    },
  );
};
