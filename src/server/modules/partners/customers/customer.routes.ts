import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../../platform/access/route-access';
import { fastSerializerCompiler } from '../../../platform/http/fast-serializer';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { createCustomer } from './create-customer';
import { customerAccess } from './customer.permissions';
import {
  customerDeleteQuerySchema,
  customerIdParamsSchema,
  customerInputSchema,
  customerListQuerySchema,
  customerListSchema,
  customerSchema,
  customerUpdateSchema,
} from './customer.schema';
import { deleteCustomer } from './delete-customer';
import { findCustomers } from './find-customers';
import { getCustomer } from './get-customer';
import { updateCustomer } from './update-customer';

const tags = ['得意先'];

export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/customers',
    {
      config: { access: customerAccess.view },
      // Up to 200 rows per response: serialised by the function generated from the schema.
      serializerCompiler: fastSerializerCompiler,
      schema: {
        tags,
        summary: '得意先一覧 (検索・キーセットページング)',
        querystring: customerListQuerySchema,
        response: { 200: customerListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findCustomers(tenantContext(request).tx, request.query),
  );

  app.post(
    '/customers',
    {
      config: { access: customerAccess.create },
      schema: {
        tags,
        summary: '得意先を登録',
        body: customerInputSchema,
        response: { 201: customerSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const customer = await createCustomer(tx, actor, request.body);
      reply.code(201);
      return customer;
    },
  );

  app.get(
    '/customers/:customerId',
    {
      config: { access: customerAccess.view },
      schema: {
        tags,
        summary: '得意先を取得',
        params: customerIdParamsSchema,
        response: { 200: customerSchema, ...standardErrorResponses },
      },
    },
    async (request) => getCustomer(tenantContext(request).tx, request.params.customerId),
  );

  app.put(
    '/customers/:customerId',
    {
      config: { access: customerAccess.edit },
      schema: {
        tags,
        summary: '得意先を修正 (version による楽観的排他)',
        params: customerIdParamsSchema,
        body: customerUpdateSchema,
        response: { 200: customerSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateCustomer(tx, actor, request.params.customerId, request.body);
    },
  );

  app.delete(
    '/customers/:customerId',
    {
      config: { access: customerAccess.delete },
      schema: {
        tags,
        summary: '得意先を削除 (使用中は 409: 「使用しない」にする)',
        params: customerIdParamsSchema,
        querystring: customerDeleteQuerySchema,
        response: { 204: z.null(), 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deleteCustomer(tx, actor, request.params.customerId, request.query.version);
      reply.code(204);
      return null;
    },
  );
};
