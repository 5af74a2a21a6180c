import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/permissions';
import { operatorContext } from '../../platform/access/route-access';
import { standardErrorResponses } from '../../platform/http/problem';
import { mailLogQuerySchema, mailLogSchema } from './mail-log.schema';
import { findMailLog } from './mail-log-query';

/** メールログ: delivery status of every tenant's mail, without bodies or full addresses. */
export const opsMailLogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mail-log',
    {
      config: { access: access.operator },
      schema: {
        tags: ['運用: メールログ'],
        summary: '全組織の送信メール (状態・試行回数・失敗理由; 宛先は伏せ字)',
        querystring: mailLogQuerySchema,
        response: { 200: mailLogSchema, ...standardErrorResponses },
      },
    },
    async (request) => findMailLog(operatorContext(request).tx, request.query),
  );
};
