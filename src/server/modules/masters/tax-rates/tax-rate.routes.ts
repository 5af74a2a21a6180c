import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { createTaxRate } from './create-tax-rate';
import { deleteTaxRate } from './delete-tax-rate';
import { findTaxRates } from './find-tax-rates';
import { taxRateAccess } from './tax-rate.permissions';
import {
  taxRateCodeParamsSchema,
  taxRateCreateSchema,
  taxRateDeleteQuerySchema,
  taxRateListSchema,
  taxRateSchema,
  taxRateUpdateSchema,
} from './tax-rate.schema';
import { updateTaxRate } from './update-tax-rate';

const tags = ['税率'];

export const taxRateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tax-rates',
    {
      config: { access: taxRateAccess.view },
      schema: {
        tags,
        summary: '税率一覧 (標準の税率と自社で追加した税率、表示順)',
        response: { 200: taxRateListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findTaxRates(tenantContext(request).tx),
  );

  app.post(
    '/tax-rates',
    {
      config: { access: taxRateAccess.edit },
      schema: {
        tags,
        summary: '税率を追加',
        body: taxRateCreateSchema,
        response: { 201: taxRateSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const created = await createTaxRate(tx, actor, request.body);
      reply.code(201);
      return created;
    },
  );

  app.put(
    '/tax-rates/:code',
    {
      config: { access: taxRateAccess.edit },
      schema: {
        tags,
        summary: '税率を修正 (標準の税率は印字名・表示順・非表示のみ)',
        params: taxRateCodeParamsSchema,
        body: taxRateUpdateSchema,
        response: { 200: taxRateSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateTaxRate(tx, actor, request.params.code, request.body);
    },
  );

  app.delete(
    '/tax-rates/:code',
    {
      config: { access: taxRateAccess.edit },
      schema: {
        tags,
        summary: '自社の税率を削除 / 標準の税率を初期状態に戻す',
        params: taxRateCodeParamsSchema,
        querystring: taxRateDeleteQuerySchema,
        response: { 204: z.null(), 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deleteTaxRate(tx, actor, request.params.code, request.query.version);
      reply.code(204);
      return null;
    },
  );
};
