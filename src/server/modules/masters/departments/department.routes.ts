import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { createDepartment } from './create-department';
import { deleteDepartment } from './delete-department';
import { departmentAccess } from './department.permissions';
import {
  departmentDeleteQuerySchema,
  departmentIdParamsSchema,
  departmentInputSchema,
  departmentListQuerySchema,
  departmentListSchema,
  departmentSchema,
  departmentUpdateSchema,
} from './department.schema';
import { findDepartments } from './find-departments';
import { getDepartment } from './get-department';
import { updateDepartment } from './update-department';

const tags = ['部門'];

export const departmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/departments',
    {
      config: { access: departmentAccess.view },
      schema: {
        tags,
        summary: '部門一覧 (コード順)',
        querystring: departmentListQuerySchema,
        response: { 200: departmentListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findDepartments(tenantContext(request).tx, request.query),
  );

  app.post(
    '/departments',
    {
      config: { access: departmentAccess.create },
      schema: {
        tags,
        summary: '部門を登録',
        body: departmentInputSchema,
        response: { 201: departmentSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const department = await createDepartment(tx, actor, request.body);
      reply.code(201);
      return department;
    },
  );

  app.get(
    '/departments/:departmentId',
    {
      config: { access: departmentAccess.view },
      schema: {
        tags,
        summary: '部門を取得',
        params: departmentIdParamsSchema,
        response: { 200: departmentSchema, ...standardErrorResponses },
      },
    },
    async (request) => getDepartment(tenantContext(request).tx, request.params.departmentId),
  );

  app.put(
    '/departments/:departmentId',
    {
      config: { access: departmentAccess.edit },
      schema: {
        tags,
        summary: '部門を修正 (version による楽観的排他)',
        params: departmentIdParamsSchema,
        body: departmentUpdateSchema,
        response: { 200: departmentSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateDepartment(tx, actor, request.params.departmentId, request.body);
    },
  );

  app.delete(
    '/departments/:departmentId',
    {
      config: { access: departmentAccess.delete },
      schema: {
        tags,
        summary: '部門を削除 (使用中は不可: 無効にしてください)',
        params: departmentIdParamsSchema,
        querystring: departmentDeleteQuerySchema,
        response: { 204: z.null(), 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deleteDepartment(tx, actor, request.params.departmentId, request.query.version);
      reply.code(204);
      return null;
    },
  );
};
