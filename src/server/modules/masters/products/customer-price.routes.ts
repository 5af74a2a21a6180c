import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { createCustomerPrice } from './create-customer-price';
import { deleteCustomerPrice } from './delete-customer-price';
import { findCustomerPrices } from './find-customer-prices';
import {
  customerPriceDeleteQuerySchema,
  customerPriceInputSchema,
  customerPriceListSchema,
  customerPriceParamsSchema,
  customerPriceSchema,
  customerPriceUpdateSchema,
  unitPriceQuerySchema,
  unitPriceSchema,
} from './partner-price.schema';
import { productAccess } from './product.permissions';
import { productIdParamsSchema } from './product.schema';
import { resolveProductUnitPrice } from './resolve-product-unit-price';
import { updateCustomerPrice } from './update-customer-price';

const tags = ['商品'];

/** 得意先別単価 of one product, and the price a document line starts with. */
export const customerPriceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/products/:productId/customer-prices',
    {
      config: { access: productAccess.view },
      schema: {
        tags,
        summary: '得意先別単価の一覧',
        params: productIdParamsSchema,
        response: { 200: customerPriceListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findCustomerPrices(tenantContext(request).tx, request.params.productId),
  );

  app.post(
    '/products/:productId/customer-prices',
    {
      config: { access: productAccess.edit },
      schema: {
        tags,
        summary: '得意先別単価・相手先商品コードを登録',
        params: productIdParamsSchema,
        body: customerPriceInputSchema,
        response: { 201: customerPriceSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const price = await createCustomerPrice(tx, actor, request.params.productId, request.body);
      reply.code(201);
      return price;
    },
  );

  app.put(
    '/products/:productId/customer-prices/:priceId',
    {
      config: { access: productAccess.edit },
      schema: {
        tags,
        summary: '得意先別単価を修正 (version による楽観的排他)',
        params: customerPriceParamsSchema,
        body: customerPriceUpdateSchema,
        response: { 200: customerPriceSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      const { productId, priceId } = request.params;
      return updateCustomerPrice(tx, actor, productId, priceId, request.body);
    },
  );

  app.delete(
    '/products/:productId/customer-prices/:priceId',
    {
      config: { access: productAccess.edit },
      schema: {
        tags,
        summary: '得意先別単価を削除',
        params: customerPriceParamsSchema,
        querystring: customerPriceDeleteQuerySchema,
        response: { 204: z.null(), 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const { productId, priceId } = request.params;
      await deleteCustomerPrice(tx, actor, productId, priceId, request.query.version);
      reply.code(204);
      return null;
    },
  );

  app.get(
    '/products/:productId/unit-price',
    {
      config: { access: productAccess.view },
      schema: {
        tags,
        summary: '得意先への単価 (得意先別単価 → 単価区分 × 掛け率)',
        params: productIdParamsSchema,
        querystring: unitPriceQuerySchema,
        response: { 200: unitPriceSchema, ...standardErrorResponses },
      },
    },
    async (request) =>
      resolveProductUnitPrice(
        tenantContext(request).tx,
        request.params.productId,
        request.query.customerId,
        request.query.date,
      ),
  );
};
