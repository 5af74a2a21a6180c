import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { access } from '../../../domain/access/permissions';
import { tenantContext } from '../../platform/access/route-access';
import { standardErrorResponses } from '../../platform/http/problem';
import { activeIncidentListSchema, publicStatusSchema } from './incident.schema';
import { activeIncidentsForTenant, publicStatus } from './incident-queries';

/** The public status page's data and the in-app banner of open incidents (ADR 0020). */
export const statusRoutes: FastifyPluginAsyncZod<{ pool: pg.Pool }> = async (app, { pool }) => {
  app.get(
    '/status',
    {
      config: { access: access.public },
      schema: {
        tags: ['障害'],
        summary: '稼働状況 (公開、サインイン不要、組織名は含まない)',
        response: { 200: publicStatusSchema, ...standardErrorResponses },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=30');
      return publicStatus(pool);
    },
  );

  app.get(
    '/incidents/active',
    {
      config: { access: access.orgAdmin },
      schema: {
        tags: ['障害'],
        summary: '自組織に影響する対応中の障害 (組織管理者のバナー)',
        response: { 200: activeIncidentListSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx } = tenantContext(request);
      return { items: await activeIncidentsForTenant(tx) };
    },
  );
};
