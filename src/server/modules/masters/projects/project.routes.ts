import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantContext } from '../../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { createProject } from './create-project';
import { deleteProject } from './delete-project';
import { findProjects } from './find-projects';
import { getProject } from './get-project';
import { projectAccess } from './project.permissions';
import {
  projectDeleteQuerySchema,
  projectIdParamsSchema,
  projectInputSchema,
  projectListQuerySchema,
  projectListSchema,
  projectSchema,
  projectUpdateSchema,
} from './project.schema';
import { updateProject } from './update-project';

const tags = ['物件'];

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/projects',
    {
      config: { access: projectAccess.view },
      schema: {
        tags,
        summary: '物件一覧 (コード順、得意先で絞り込み)',
        querystring: projectListQuerySchema,
        response: { 200: projectListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findProjects(tenantContext(request).tx, request.query),
  );

  app.post(
    '/projects',
    {
      config: { access: projectAccess.create },
      schema: {
        tags,
        summary: '物件を登録',
        body: projectInputSchema,
        response: { 201: projectSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const project = await createProject(tx, actor, request.body);
      reply.code(201);
      return project;
    },
  );

  app.get(
    '/projects/:projectId',
    {
      config: { access: projectAccess.view },
      schema: {
        tags,
        summary: '物件を取得',
        params: projectIdParamsSchema,
        response: { 200: projectSchema, ...standardErrorResponses },
      },
    },
    async (request) => getProject(tenantContext(request).tx, request.params.projectId),
  );

  app.put(
    '/projects/:projectId',
    {
      config: { access: projectAccess.edit },
      schema: {
        tags,
        summary: '物件を修正 (version による楽観的排他)',
        params: projectIdParamsSchema,
        body: projectUpdateSchema,
        response: { 200: projectSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateProject(tx, actor, request.params.projectId, request.body);
    },
  );

  app.delete(
    '/projects/:projectId',
    {
      config: { access: projectAccess.delete },
      schema: {
        tags,
        summary: '物件を削除 (使用中は不可: 無効にしてください)',
        params: projectIdParamsSchema,
        querystring: projectDeleteQuerySchema,
        response: { 204: z.null(), 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await deleteProject(tx, actor, request.params.projectId, request.query.version);
      reply.code(204);
      return null;
    },
  );
};
