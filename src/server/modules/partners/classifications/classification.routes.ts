import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { createAxis, deleteAxis, findAxes, reorderAxes, updateAxis } from './axis-operations';
import { classificationAccess } from './classification.permissions';
import {
  axisCreateSchema,
  axisDeleteQuerySchema,
  axisIdParamsSchema,
  axisListQuerySchema,
  axisOrderSchema,
  axisUpdateSchema,
  classificationAxisListSchema,
  classificationAxisSchema,
  classificationItemSchema,
  itemDeleteQuerySchema,
  itemIdParamsSchema,
  itemInputSchema,
  itemOrderSchema,
  itemUpdateSchema,
} from './classification.schema';
import { createItem, deleteItem, reorderItems, updateItem } from './item-operations';

const tags = ['分類'];
const conflict = { 409: problemSchema };

export const classificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/classification-axes',
    {
      config: { access: classificationAccess.view },
      schema: {
        tags,
        summary: '分類と項目の一覧 (得意先分類 / 仕入先分類)',
        querystring: axisListQuerySchema,
        response: { 200: classificationAxisListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findAxes(tenantContext(request).tx, request.query.partnerType),
  );

  app.post(
    '/classification-axes',
    {
      config: { access: classificationAccess.edit },
      schema: {
        tags,
        summary: '分類を追加 (種類ごとに5つまで)',
        body: axisCreateSchema,
        response: { 201: classificationAxisSchema, ...conflict, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const axis = await createAxis(tx, actor, request.body);
      reply.code(201);
      return axis;
    },
  );

  app.put(
    '/classification-axes/order',
    {
      config: { access: classificationAccess.edit },
      schema: {
        tags,
        summary: '分類の並び順を変更 (全分類を version 付きで指定)',
        body: axisOrderSchema,
        response: { 200: classificationAxisListSchema, ...conflict, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return reorderAxes(tx, actor, request.body);
    },
  );

  app.put(
    '/classification-axes/:axisId',
    {
      config: { access: classificationAccess.edit },
      schema: {
        tags,
        summary: '分類名を変更 (version による楽観的排他)',
        params: axisIdParamsSchema,
        body: axisUpdateSchema,
        response: { 200: classificationAxisSchema, ...conflict, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateAxis(tx, actor, request.params.axisId, request.body);
    },
  );

  app.delete(
    '/classification-axes/:axisId',
    {
      config: { access: classificationAccess.edit },
      schema: {
        tags,
        summary: '分類を削除 (使用中は resolution=clear の指定が必要)',
        params: axisIdParamsSchema,
        querystring: axisDeleteQuerySchema,
        response: { 204: z.null(), ...conflict, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deleteAxis(tx, actor, request.params.axisId, request.query);
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/classification-axes/:axisId/items',
    {
      config: { access: classificationAccess.edit },
      schema: {
        tags,
        summary: '分類項目を追加 (末尾に)',
        params: axisIdParamsSchema,
        body: itemInputSchema,
        response: { 201: classificationItemSchema, ...conflict, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const item = await createItem(tx, actor, request.params.axisId, request.body);
      reply.code(201);
      return item;
    },
  );

  app.put(
    '/classification-axes/:axisId/items/order',
    {
      config: { access: classificationAccess.edit },
      schema: {
        tags,
        summary: '分類項目の並び順を変更 (全項目を version 付きで指定)',
        params: axisIdParamsSchema,
        body: itemOrderSchema,
        response: {
          200: z.object({ items: z.array(classificationItemSchema) }),
          ...conflict,
          ...standardErrorResponses,
        },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return { items: await reorderItems(tx, actor, request.params.axisId, request.body) };
    },
  );

  app.put(
    '/classification-items/:itemId',
    {
      config: { access: classificationAccess.edit },
      schema: {
        tags,
        summary: '分類項目を修正 (version による楽観的排他)',
        params: itemIdParamsSchema,
        body: itemUpdateSchema,
        response: { 200: classificationItemSchema, ...conflict, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateItem(tx, actor, request.params.itemId, request.body);
    },
  );

  app.delete(
    '/classification-items/:itemId',
    {
      config: { access: classificationAccess.edit },
      schema: {
        tags,
        summary:
          '分類項目を削除 (使用中は resolution=move と targetItemId、または resolution=clear の指定が必要)',
        params: itemIdParamsSchema,
        querystring: itemDeleteQuerySchema,
        response: { 204: z.null(), ...conflict, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deleteItem(tx, actor, request.params.itemId, request.query);
      reply.code(204);
      return null;
    },
  );
};
