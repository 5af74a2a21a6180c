import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../../domain/access/permissions';
import { tenantContext } from '../../platform/access/route-access';
import { standardErrorResponses } from '../../platform/http/problem';
import {
  announcementIdParamsSchema,
  announcementListSchema,
  unreadAnnouncementsSchema,
} from './announcement.schema';
import {
  countUnreadAnnouncements,
  listAnnouncements,
  markAllAnnouncementsRead,
  markAnnouncementRead,
} from './tenant-announcements';

const tags = ['お知らせ'];

/** Every signed-in user reads the provider's お知らせ; read marks are per user. */
export const announcementRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { access: access.authenticated };

  app.get(
    '/announcements',
    {
      config,
      schema: {
        tags,
        summary: 'お知らせの一覧 (公開済み、新しい順、未読かどうか)',
        response: { 200: announcementListSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, principal } = tenantContext(request);
      return { items: await listAnnouncements(tx, principal) };
    },
  );

  app.get(
    '/announcements/unread',
    {
      config,
      schema: {
        tags,
        summary: '未読のお知らせの件数 (メニューの「NEW!」)',
        response: { 200: unreadAnnouncementsSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, principal } = tenantContext(request);
      return { unread: await countUnreadAnnouncements(tx, principal) };
    },
  );

  app.post(
    '/announcements/read',
    {
      config,
      schema: {
        tags,
        summary: '公開済みのお知らせをすべて既読にする',
        response: { 204: z.null(), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, principal } = tenantContext(request);
      await markAllAnnouncementsRead(tx, principal);
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/announcements/:announcementId/read',
    {
      config,
      schema: {
        tags,
        summary: 'お知らせを既読にする',
        params: announcementIdParamsSchema,
        response: { 204: z.null(), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, principal } = tenantContext(request);
      await markAnnouncementRead(tx, principal, request.params.announcementId);
      reply.code(204);
      return null;
    },
  );
};
