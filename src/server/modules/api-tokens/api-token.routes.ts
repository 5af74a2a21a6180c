import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../platform/access/route-access';
import { standardErrorResponses } from '../../platform/http/problem';
import { apiTokenAccess } from './api-token.permissions';
import {
  apiTokenCreateSchema,
  apiTokenIdParamsSchema,
  apiTokenListSchema,
  createdApiTokenSchema,
} from './api-token.schema';
import { apiTokens } from './api-token.table';
import { selectApiTokens } from './api-token-row';
import { createApiToken } from './create-api-token';
import { revokeApiToken } from './revoke-api-token';

const tags = ['APIトークン'];

export const apiTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api-tokens',
    {
      config: { access: apiTokenAccess.own },
      schema: {
        tags,
        summary: '自分の API トークン一覧',
        response: { 200: apiTokenListSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, principal } = tenantContext(request);
      return { items: await selectApiTokens(tx, eq(apiTokens.userId, principal.userId)) };
    },
  );

  app.post(
    '/api-tokens',
    {
      config: { access: apiTokenAccess.own },
      schema: {
        tags,
        summary: 'API トークンを発行 (自分の権限の範囲内、最長1年、値は一度だけ表示)',
        body: apiTokenCreateSchema,
        response: { 201: createdApiTokenSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, principal, actor } = tenantContext(request);
      const created = await createApiToken(tx, principal, actor, request.body);
      reply.code(201);
      return created;
    },
  );

  app.delete(
    '/api-tokens/:tokenId',
    {
      config: { access: apiTokenAccess.own },
      schema: {
        tags,
        summary: '自分の API トークンを無効化',
        params: apiTokenIdParamsSchema,
        response: { 204: z.null(), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, principal, actor } = tenantContext(request);
      await revokeApiToken(tx, actor, request.params.tokenId, principal.userId);
      reply.code(204);
      return null;
    },
  );

  app.get(
    '/admin/api-tokens',
    {
      config: { access: apiTokenAccess.tenantWide },
      schema: {
        tags,
        summary: '組織の全 API トークン一覧 (組織管理者)',
        response: { 200: apiTokenListSchema, ...standardErrorResponses },
      },
    },
    async (request) => ({ items: await selectApiTokens(tenantContext(request).tx) }),
  );

  app.delete(
    '/admin/api-tokens/:tokenId',
    {
      config: { access: apiTokenAccess.tenantWide },
      schema: {
        tags,
        summary: '組織の API トークンを無効化 (組織管理者)',
        params: apiTokenIdParamsSchema,
        response: { 204: z.null(), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await revokeApiToken(tx, actor, request.params.tokenId, null);
      reply.code(204);
      return null;
    },
  );
};
