import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../../../domain/access/permissions';
import { tenantContext } from '../../../platform/access/route-access';
import { standardErrorResponses } from '../../../platform/http/problem';
import { findPartnerOptions, partnerOptionsSchema } from './partner-options';

export const partnerOptionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/partner-options',
    {
      // Names of colleagues and departments, which every document prints anyway: any
      // signed-in user filling in a 得意先 or 仕入先 form needs them (the 担当者 list itself is
      // an admin screen).
      config: { access: access.authenticated },
      schema: {
        tags: ['得意先', '仕入先'],
        summary: '得意先・仕入先フォームの担当者と部門の選択肢',
        response: { 200: partnerOptionsSchema, ...standardErrorResponses },
      },
    },
    async (request) => findPartnerOptions(tenantContext(request).tx),
  );
};
