import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { access } from '../../../domain/access/permissions';
import { actorContext } from '../../platform/access/route-access';
import { standardErrorResponses } from '../../platform/http/problem';
import { checkPasswordReset, completePasswordReset } from './complete-password-reset';
import {
  passwordResetCompleteSchema,
  passwordResetRequestSchema,
  passwordResetTargetSchema,
  passwordResetTokenSchema,
} from './password-reset.schema';
import { requestPasswordReset } from './request-password-reset';

export interface PasswordResetRouteOptions {
  pool: pg.Pool;
  /** Base of the mailed links; unset only in development (then the request's own origin). */
  appOrigin: string | undefined;
  rateLimitPerMinute: number;
}

/**
 * Every request answer takes at least this long, so the response time does not tell a
 * registered account (token, mail, audit) from an unknown one (one lookup).
 */
const NEUTRAL_ANSWER_MS = 400;

export const passwordResetRoutes: FastifyPluginAsyncZod<PasswordResetRouteOptions> = async (
  app,
  options,
) => {
  const rateLimit = { max: options.rateLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/auth/password-reset',
    {
      config: { access: access.public, rateLimit },
      schema: {
        tags: ['認証'],
        summary: 'パスワード再設定の申込み (登録の有無にかかわらず同じ 202 応答)',
        body: passwordResetRequestSchema,
        response: { 202: z.null(), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const started = performance.now();
      await requestPasswordReset(options.pool, request.body, {
        ...actorContext(request, undefined),
        appOrigin: options.appOrigin ?? `${request.protocol}://${request.host}`,
      });
      const remaining = NEUTRAL_ANSWER_MS - (performance.now() - started);
      if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
      reply.code(202);
      return null;
    },
  );

  app.post(
    '/auth/password-reset/check',
    {
      config: { access: access.public, rateLimit },
      schema: {
        tags: ['認証'],
        summary: 'パスワード再設定リンクの確認 (対象の担当者)',
        body: passwordResetTokenSchema,
        response: { 200: passwordResetTargetSchema, ...standardErrorResponses },
      },
    },
    async (request) => checkPasswordReset(options.pool, request.body.token),
  );

  app.post(
    '/auth/password-reset/complete',
    {
      config: { access: access.public, rateLimit },
      schema: {
        tags: ['認証'],
        summary: 'パスワード再設定の完了 (全セッション終了・通知メール)',
        body: passwordResetCompleteSchema,
        response: { 204: z.null(), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      await completePasswordReset(options.pool, request.body, actorContext(request, undefined));
      reply.code(204);
      return null;
    },
  );
};
