import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { access } from '../../../domain/access/permissions';
import type { PurgePolicy } from '../../../domain/lifecycle/purge-policy';
import { actorContext, tenantContext } from '../../platform/access/route-access';
import { standardErrorResponses } from '../../platform/http/problem';
import { changePassword } from './change-password';
import { getMe } from './get-me';
import { loginRequestSchema, meSchema, passwordChangeSchema } from './identity.schema';
import { login } from './login';
import { logout } from './logout';

export interface IdentityRouteOptions {
  pool: pg.Pool;
  cookieName: string;
  secureCookie: boolean;
  dataRegion: string;
  purgePolicy: PurgePolicy;
  loginRateLimitPerMinute: number;
}

export const identityRoutes: FastifyPluginAsyncZod<IdentityRouteOptions> = async (app, options) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookie,
  };

  app.post(
    '/auth/login',
    {
      config: {
        access: access.public,
        rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['認証'],
        summary: 'ログイン (組織コード + ログインID + パスワード)',
        body: loginRequestSchema,
        response: { 204: z.null(), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { cookieValue } = await login(
        options.pool,
        request.body,
        actorContext(request, undefined),
      );
      reply.setCookie(options.cookieName, cookieValue, cookieOptions).code(204);
      return null;
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: access.authenticated },
      schema: {
        tags: ['認証'],
        summary: 'ログアウト',
        response: { 204: z.null(), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, principal, actor } = tenantContext(request);
      await logout(tx, principal, actor);
      // Returned, not sent: the access layer commits before the response leaves.
      reply.clearCookie(options.cookieName, cookieOptions).code(204);
      return null;
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: access.authenticated },
      schema: {
        tags: ['認証'],
        summary: 'ログイン中の担当者と権限',
        response: { 200: meSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, principal } = tenantContext(request);
      return getMe(tx, principal, options.dataRegion, options.purgePolicy);
    },
  );

  app.post(
    '/auth/password',
    {
      config: {
        access: access.authenticated,
        // Guessing the current password here is as bounded as guessing it at login.
        rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['認証'],
        summary: 'パスワード変更 (他のセッションは終了)',
        body: passwordChangeSchema,
        response: { 204: z.null(), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, principal, actor } = tenantContext(request);
      await changePassword(tx, principal, actor, request.body);
      reply.code(204);
      return null;
    },
  );
};
