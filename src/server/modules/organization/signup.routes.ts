import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { access } from '../../../domain/access/permissions';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { signup } from './signup';
import { signupFormSchema, signupRequestSchema, signupResultSchema } from './signup.schema';

export interface SignupRouteOptions {
  pool: pg.Pool;
  appOrigin: string | undefined;
  trialDays: number;
  signupsPerHour: number;
}

export const signupRoutes: FastifyPluginAsyncZod<SignupRouteOptions> = async (app, options) => {
  app.get(
    '/signup',
    {
      config: { access: access.public },
      schema: {
        tags: ['組織'],
        summary: 'お申し込みフォームの案内 (無料トライアルの日数)',
        response: { 200: signupFormSchema, ...standardErrorResponses },
      },
    },
    async () => ({ trialDays: options.trialDays }),
  );

  app.post(
    '/signup',
    {
      config: {
        access: access.public,
        // Per client IP: each sign-up creates a tenant and sends a mail.
        rateLimit: { max: options.signupsPerHour, timeWindow: '1 hour' },
      },
      schema: {
        tags: ['組織'],
        summary: '無料トライアルのお申し込み (組織と最初の組織管理者を作成)',
        body: signupRequestSchema,
        response: { 201: signupResultSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const origin = options.appOrigin ?? `${request.protocol}://${request.host}`;
      const result = await signup(options.pool, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
        requestId: request.id,
        trialDays: options.trialDays,
        loginUrl: `${origin}/login`,
      });
      reply.code(201);
      return result;
    },
  );
};
