import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { createUser } from './create-user';
import { deleteUser } from './delete-user';
import { findUsers } from './find-users';
import { getUser } from './get-user';
import { reissueInitialPassword } from './reissue-initial-password';
import { updateUser } from './update-user';
import { userAccess } from './user.permissions';
import {
  createdUserSchema,
  initialPasswordRequestSchema,
  issuedInitialPasswordSchema,
  userCreateSchema,
  userIdParamsSchema,
  userListSchema,
  userSchema,
  userUpdateSchema,
} from './user.schema';

const tags = ['担当者'];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: { access: userAccess.manage },
      schema: {
        tags,
        summary: '担当者一覧 (契約の利用人数つき)',
        response: { 200: userListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findUsers(tenantContext(request).tx),
  );

  app.post(
    '/users',
    {
      config: { access: userAccess.manage },
      schema: {
        tags,
        summary: '担当者を登録 (初期パスワードは指定または自動生成)',
        body: userCreateSchema,
        response: { 201: createdUserSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const created = await createUser(tx, actor, request.body);
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/users/:userId',
    {
      config: { access: userAccess.manage },
      schema: {
        tags,
        summary: '担当者を取得',
        params: userIdParamsSchema,
        response: { 200: userSchema, ...standardErrorResponses },
      },
    },
    async (request) => getUser(tenantContext(request).tx, request.params.userId),
  );

  app.put(
    '/users/:userId',
    {
      config: { access: userAccess.manage },
      schema: {
        tags,
        summary: '担当者を修正 (version による楽観的排他)',
        params: userIdParamsSchema,
        body: userUpdateSchema,
        response: { 200: userSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateUser(tx, actor, request.params.userId, request.body);
    },
  );

  app.delete(
    '/users/:userId',
    {
      config: { access: userAccess.manage },
      schema: {
        tags,
        summary: '担当者を削除 (セッションも終了)',
        params: userIdParamsSchema,
        response: { 204: z.null(), 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deleteUser(tx, actor, request.params.userId);
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/users/:userId/initial-password',
    {
      config: { access: userAccess.manage },
      schema: {
        tags,
        summary: '初期パスワードを再発行 (72時間有効・1回限り)',
        params: userIdParamsSchema,
        body: initialPasswordRequestSchema,
        response: { 200: issuedInitialPasswordSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return reissueInitialPassword(tx, actor, request.params.userId, request.body);
    },
  );
};
