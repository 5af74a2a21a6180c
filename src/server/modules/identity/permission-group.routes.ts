import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { copyPermissionGroup } from './copy-permission-group';
import { createPermissionGroup } from './create-permission-group';
import { deletePermissionGroup } from './delete-permission-group';
import { findPermissionGroups } from './find-permission-groups';
import { getPermissionGroup } from './get-permission-group';
import { permissionGroupAccess } from './permission-group.permissions';
import {
  groupIdParamsSchema,
  permissionGroupCopySchema,
  permissionGroupCreateSchema,
  permissionGroupListSchema,
  permissionGroupSchema,
  permissionGroupUpdateSchema,
} from './permission-group.schema';
import { updatePermissionGroup } from './update-permission-group';

const tags = ['アクセス権限グループ'];

export const permissionGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/permission-groups',
    {
      config: { access: permissionGroupAccess.manage },
      schema: {
        tags,
        summary: 'アクセス権限グループの一覧 (所属する担当者の数つき)',
        response: { 200: permissionGroupListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findPermissionGroups(tenantContext(request).tx),
  );

  app.post(
    '/permission-groups',
    {
      config: { access: permissionGroupAccess.manage },
      schema: {
        tags,
        summary: 'アクセス権限グループを作成 (登録・修正・削除・印刷・出力は参照を含みます)',
        body: permissionGroupCreateSchema,
        response: { 201: permissionGroupSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const created = await createPermissionGroup(tx, actor, request.body);
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/permission-groups/:groupId',
    {
      config: { access: permissionGroupAccess.manage },
      schema: {
        tags,
        summary: 'アクセス権限グループを取得',
        params: groupIdParamsSchema,
        response: { 200: permissionGroupSchema, ...standardErrorResponses },
      },
    },
    async (request) => getPermissionGroup(tenantContext(request).tx, request.params.groupId),
  );

  app.put(
    '/permission-groups/:groupId',
    {
      config: { access: permissionGroupAccess.manage },
      schema: {
        tags,
        summary: 'グループ名と権限を修正 (version による楽観的排他、次のリクエストから有効)',
        params: groupIdParamsSchema,
        body: permissionGroupUpdateSchema,
        response: { 200: permissionGroupSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updatePermissionGroup(tx, actor, request.params.groupId, request.body);
    },
  );

  app.post(
    '/permission-groups/:groupId/copy',
    {
      config: { access: permissionGroupAccess.manage },
      schema: {
        tags,
        summary: 'コピーして作成 (同じ権限で別名のグループを作成)',
        params: groupIdParamsSchema,
        body: permissionGroupCopySchema,
        response: { 201: permissionGroupSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const created = await copyPermissionGroup(tx, actor, request.params.groupId, request.body);
      reply.code(201);
      return created;
    },
  );

  app.delete(
    '/permission-groups/:groupId',
    {
      config: { access: permissionGroupAccess.manage },
      schema: {
        tags,
        summary: 'アクセス権限グループを削除 (所属する担当者がいる場合は 409)',
        params: groupIdParamsSchema,
        response: { 204: z.null(), 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deletePermissionGroup(tx, actor, request.params.groupId);
      reply.code(204);
      return null;
    },
  );
};
