import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../../platform/access/route-access';
import { fastSerializerCompiler } from '../../../platform/http/fast-serializer';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { createSupplier } from './create-supplier';
import { deleteSupplier } from './delete-supplier';
import { findSuppliers } from './find-suppliers';
import { getSupplier } from './get-supplier';
import { supplierAccess } from './supplier.permissions';
import {
  supplierDeleteQuerySchema,
  supplierIdParamsSchema,
  supplierInputSchema,
  supplierListQuerySchema,
  supplierListSchema,
  supplierSchema,
  supplierUpdateSchema,
} from './supplier.schema';
import { updateSupplier } from './update-supplier';

const tags = ['仕入先'];

export const supplierRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/suppliers',
    {
      config: { access: supplierAccess.view },
      // Up to 200 rows per response: serialised by the function generated from the schema.
      serializerCompiler: fastSerializerCompiler,
      schema: {
        tags,
        summary: '仕入先一覧 (検索・キーセットページング)',
        querystring: supplierListQuerySchema,
        response: { 200: supplierListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findSuppliers(tenantContext(request).tx, request.query),
  );

  app.post(
    '/suppliers',
    {
      config: { access: supplierAccess.create },
      schema: {
        tags,
        summary: '仕入先を登録',
        body: supplierInputSchema,
        response: { 201: supplierSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const supplier = await createSupplier(tx, actor, request.body);
      reply.code(201);
      return supplier;
    },
  );

  app.get(
    '/suppliers/:supplierId',
    {
      config: { access: supplierAccess.view },
      schema: {
        tags,
        summary: '仕入先を取得',
        params: supplierIdParamsSchema,
        response: { 200: supplierSchema, ...standardErrorResponses },
      },
    },
    async (request) => getSupplier(tenantContext(request).tx, request.params.supplierId),
  );

  app.put(
    '/suppliers/:supplierId',
    {
      config: { access: supplierAccess.edit },
      schema: {
        tags,
        summary: '仕入先を修正 (version による楽観的排他)',
        params: supplierIdParamsSchema,
        body: supplierUpdateSchema,
        response: { 200: supplierSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateSupplier(tx, actor, request.params.supplierId, request.body);
    },
  );

  app.delete(
    '/suppliers/:supplierId',
    {
      config: { access: supplierAccess.delete },
      schema: {
        tags,
        summary: '仕入先を削除 (使用中は 409: 「使用しない」にする)',
        params: supplierIdParamsSchema,
        querystring: supplierDeleteQuerySchema,
        response: { 204: z.null(), 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deleteSupplier(tx, actor, request.params.supplierId, request.query.version);
      reply.code(204);
      return null;
    },
  );
};
