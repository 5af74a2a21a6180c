import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { unitAccess } from './unit.permissions';
import {
  unitDeleteQuerySchema,
  unitIdParamsSchema,
  unitInputSchema,
  unitListSchema,
  unitSchema,
  unitUpdateSchema,
} from './unit.schema';
import { createUnit, deleteUnit, findUnits, updateUnit } from './unit-operations';

const tags = ['単位'];

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units',
    {
      config: { access: unitAccess.view },
      schema: {
        tags,
        summary: '単位一覧 (表示順)',
        response: { 200: unitListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findUnits(tenantContext(request).tx),
  );

  app.post(
    '/units',
    {
      config: { access: unitAccess.edit },
      schema: {
        tags,
        summary: '単位を追加',
        body: unitInputSchema,
        response: { 201: unitSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const unit = await createUnit(tx, actor, request.body);
      reply.code(201);
      return unit;
    },
  );

  app.put(
    '/units/:unitId',
    {
      config: { access: unitAccess.edit },
      schema: {
        tags,
        summary: '単位を修正 (version による楽観的排他)',
        params: unitIdParamsSchema,
        body: unitUpdateSchema,
        response: { 200: unitSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateUnit(tx, actor, request.params.unitId, request.body);
    },
  );

  app.delete(
    '/units/:unitId',
    {
      config: { access: unitAccess.edit },
      schema: {
        tags,
        summary: '単位を削除 (商品・伝票の単位は文字で残ります)',
        params: unitIdParamsSchema,
        querystring: unitDeleteQuerySchema,
        response: { 204: z.null(), 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deleteUnit(tx, actor, request.params.unitId, request.query.version);
      reply.code(204);
      return null;
    },
  );
};
