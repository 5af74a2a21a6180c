import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../../platform/access/route-access';
import { fastSerializerCompiler } from '../../../platform/http/fast-serializer';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { createProduct } from './create-product';
import { deleteProduct } from './delete-product';
import { findProducts } from './find-products';
import { getProduct } from './get-product';
import { productAccess } from './product.permissions';
import {
  productDeleteQuerySchema,
  productIdParamsSchema,
  productInputSchema,
  productListQuerySchema,
  productListSchema,
  productSchema,
  productUpdateSchema,
} from './product.schema';
import { updateProduct } from './update-product';

const tags = ['商品'];

export const productRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/products',
    {
      config: { access: productAccess.view },
      serializerCompiler: fastSerializerCompiler,
      schema: {
        tags,
        summary: '商品一覧 (検索・キーセットページング)',
        querystring: productListQuerySchema,
        response: { 200: productListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findProducts(tenantContext(request).tx, request.query),
  );

  app.post(
    '/products',
    {
      config: { access: productAccess.create },
      schema: {
        tags,
        summary: '商品を登録 (コードが空なら自動発番)',
        body: productInputSchema,
        response: { 201: productSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const product = await createProduct(tx, actor, request.body);
      reply.code(201);
      return product;
    },
  );

  app.get(
    '/products/:productId',
    {
      config: { access: productAccess.view },
      schema: {
        tags,
        summary: '商品を取得',
        params: productIdParamsSchema,
        response: { 200: productSchema, ...standardErrorResponses },
      },
    },
    async (request) => getProduct(tenantContext(request).tx, request.params.productId),
  );

  app.put(
    '/products/:productId',
    {
      config: { access: productAccess.edit },
      schema: {
        tags,
        summary: '商品を修正 (version による楽観的排他)',
        params: productIdParamsSchema,
        body: productUpdateSchema,
        response: { 200: productSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateProduct(tx, actor, request.params.productId, request.body);
    },
  );

  app.delete(
    '/products/:productId',
    {
      config: { access: productAccess.delete },
      schema: {
        tags,
        summary: '商品を削除 (使用中は不可:「使用しない」にしてください)',
        params: productIdParamsSchema,
        querystring: productDeleteQuerySchema,
        response: { 204: z.null(), 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deleteProduct(tx, actor, request.params.productId, request.query.version);
      reply.code(204);
      return null;
    },
  );
};
