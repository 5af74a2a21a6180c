import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../../domain/access/permissions';
import { operatorContext } from '../../platform/access/route-access';
import { standardErrorResponses } from '../../platform/http/problem';
import {
  announcementIdParamsSchema,
  announcementInputSchema,
  opsAnnouncementListSchema,
  opsAnnouncementSchema,
  publishAnnouncementSchema,
} from './announcement.schema';
import {
  createAnnouncement,
  deleteAnnouncement,
  getOpsAnnouncement,
  listOpsAnnouncements,
  publishAnnouncement,
  unpublishAnnouncement,
  updateAnnouncement,
} from './ops-announcements';

const tags = ['運用: お知らせ'];
const params = announcementIdParamsSchema;
const one = { 200: opsAnnouncementSchema, ...standardErrorResponses };

/** The console writes お知らせ; every change lands in the operator audit log. */
export const opsAnnouncementRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { access: access.operator };

  app.get(
    '/announcements',
    {
      config,
      schema: {
        tags,
        summary: 'お知らせの一覧 (下書き・公開予定を含む)',
        response: { 200: opsAnnouncementListSchema, ...standardErrorResponses },
      },
    },
    async (request) => ({ items: await listOpsAnnouncements(operatorContext(request).tx) }),
  );

  app.post(
    '/announcements',
    {
      config,
      schema: {
        tags,
        summary: 'お知らせを作成 (下書き)',
        body: announcementInputSchema,
        response: { 201: opsAnnouncementSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = operatorContext(request);
      const created = await createAnnouncement(tx, actor, request.body);
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/announcements/:announcementId',
    { config, schema: { tags, summary: 'お知らせ', params, response: one } },
    async (request) =>
      getOpsAnnouncement(operatorContext(request).tx, request.params.announcementId),
  );

  app.put(
    '/announcements/:announcementId',
    {
      config,
      schema: {
        tags,
        summary: 'お知らせを修正',
        params,
        body: announcementInputSchema,
        response: one,
      },
    },
    async (request) => {
      const { tx, actor } = operatorContext(request);
      return updateAnnouncement(tx, actor, request.params.announcementId, request.body);
    },
  );

  app.post(
    '/announcements/:announcementId/publish',
    {
      config,
      schema: {
        tags,
        summary: 'お知らせを公開 (日時を指定すれば、その時刻まで組織には見えない)',
        params,
        body: publishAnnouncementSchema,
        response: one,
      },
    },
    async (request) => {
      const { tx, actor } = operatorContext(request);
      return publishAnnouncement(
        tx,
        actor,
        request.params.announcementId,
        request.body.publishedAt,
      );
    },
  );

  app.post(
    '/announcements/:announcementId/unpublish',
    {
      config,
      schema: { tags, summary: 'お知らせの公開を取り消す (下書きに戻す)', params, response: one },
    },
    async (request) => {
      const { tx, actor } = operatorContext(request);
      return unpublishAnnouncement(tx, actor, request.params.announcementId);
    },
  );

  app.delete(
    '/announcements/:announcementId',
    {
      config,
      schema: {
        tags,
        summary: 'お知らせを削除',
        params,
        response: { 204: z.null(), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = operatorContext(request);
      await deleteAnnouncement(tx, actor, request.params.announcementId);
      reply.code(204);
      return null;
    },
  );
};
