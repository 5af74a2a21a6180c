import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../../domain/access/permissions';
import { tenantContext } from '../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { listOwnSessions, revokeOtherOwnSessions, revokeOwnSession } from './own-sessions';
import { resetUserMfa } from './reset-user-mfa';
import { revokeUserSessions } from './revoke-user-sessions';
import {
  ownSessionListSchema,
  revokedSessionsSchema,
  sessionIdParamsSchema,
} from './session.schema';
import { unlockUser } from './unlock-user';
import { userAccess } from './user.permissions';
import { userIdParamsSchema } from './user.schema';

const errors = { 409: problemSchema, ...standardErrorResponses };

/** 「ログイン中の端末」 for the user, and the admin's sign-in controls on a user. */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/auth/sessions',
    {
      config: { access: access.authenticated },
      schema: {
        tags: ['認証'],
        summary: 'ログイン中の端末 (自分のセッション一覧)',
        response: { 200: ownSessionListSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, principal } = tenantContext(request);
      return listOwnSessions(tx, principal);
    },
  );

  app.delete(
    '/auth/sessions/:sessionId',
    {
      config: { access: access.authenticated },
      schema: {
        tags: ['認証'],
        summary: '自分の別の端末をログアウトさせる',
        params: sessionIdParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { tx, principal, actor } = tenantContext(request);
      await revokeOwnSession(tx, principal, actor, request.params.sessionId);
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/auth/sessions/revoke-others',
    {
      config: { access: access.authenticated },
      schema: {
        tags: ['認証'],
        summary: 'この端末以外をすべてログアウトさせる',
        response: { 200: revokedSessionsSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, principal, actor } = tenantContext(request);
      return revokeOtherOwnSessions(tx, principal, actor);
    },
  );

  const tags = ['担当者'];

  app.post(
    '/users/:userId/sessions/revoke',
    {
      config: { access: userAccess.manage },
      schema: {
        tags,
        summary: '担当者のすべてのセッションを終了',
        params: userIdParamsSchema,
        response: { 200: revokedSessionsSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return revokeUserSessions(tx, actor, request.params.userId);
    },
  );

  app.post(
    '/users/:userId/unlock',
    {
      config: { access: userAccess.manage },
      schema: {
        tags,
        summary: 'ログインロックを解除',
        params: userIdParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await unlockUser(tx, actor, request.params.userId);
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/users/:userId/mfa/reset',
    {
      config: { access: userAccess.manage },
      schema: {
        tags,
        summary: '2段階認証をリセット (端末紛失時)',
        params: userIdParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      await resetUserMfa(tx, actor, request.params.userId);
      reply.code(204);
      return null;
    },
  );
};
