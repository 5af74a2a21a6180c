import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { access } from '../../../domain/access/permissions';
import { operatorActor, operatorContext } from '../../platform/access/route-access';
import { OPERATOR_COOKIE_PATH } from '../../platform/auth/operator-token';
import type { SecretBox } from '../../platform/auth/secret-box';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { mfaCodeSchema, mfaEnrolmentSchema, recoveryCodesSchema } from '../identity/mfa.schema';
import { changeOperatorPassword } from './change-operator-password';
import {
  operatorLoginRequestSchema,
  operatorLoginResultSchema,
  operatorMeSchema,
  operatorPasswordChangeSchema,
} from './operator.schema';
import { operatorLogin } from './operator-login';
import {
  confirmOperatorEnrolment,
  operatorRecoveryCodesLeft,
  regenerateOperatorRecoveryCodes,
  startOperatorEnrolment,
  verifyOperatorMfa,
} from './operator-mfa';
import { revokeOperatorSession } from './operator-sessions';
import { writeOperatorAudit } from './write-operator-audit';

export interface OperatorAuthRouteOptions {
  pool: pg.Pool;
  cookieName: string;
  secureCookie: boolean;
  secretBox: SecretBox;
  loginRateLimitPerMinute: number;
}

const tags = ['運用者'];
const errors = { 409: problemSchema, ...standardErrorResponses };

/** Operator sign-in: password, then TOTP (enrolled on the first sign-in). */
export const operatorAuthRoutes: FastifyPluginAsyncZod<OperatorAuthRouteOptions> = async (
  app,
  options,
) => {
  const cookieOptions = {
    path: OPERATOR_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: options.secureCookie,
  };
  const rateLimit = { max: options.loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/auth/login',
    {
      config: { access: access.public, rateLimit },
      schema: {
        tags,
        summary: '運用者ログイン (ログインID + パスワード、続けて確認コード)',
        body: operatorLoginRequestSchema,
        response: { 200: operatorLoginResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { cookieValue, stage } = await operatorLogin(options.pool, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
        requestId: request.id,
      });
      reply.setCookie(options.cookieName, cookieValue, cookieOptions);
      return { sessionStage: stage };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: access.operator },
      schema: { tags, summary: '運用者ログアウト', response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      const { tx, operator, actor } = operatorContext(request);
      await revokeOperatorSession(tx, operator.sessionId);
      await writeOperatorAudit(tx, actor, {
        event: 'operator.logout',
        targetType: 'operator_session',
        targetId: operator.sessionId,
      });
      reply.clearCookie(options.cookieName, cookieOptions).code(204);
      return null;
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: access.operator },
      schema: {
        tags,
        summary: 'ログイン中の運用者',
        response: { 200: operatorMeSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, operator } = operatorContext(request);
      return {
        operatorId: operator.operatorId,
        loginId: operator.loginId,
        name: operator.name,
        sessionStage: operator.sessionStage,
        mustChangePassword: operator.mustChangePassword,
        recoveryCodesLeft: await operatorRecoveryCodesLeft(tx, operator.operatorId),
      };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: access.operator, rateLimit },
      schema: {
        tags,
        summary: '運用者のパスワード変更 (他のセッションは終了)',
        body: operatorPasswordChangeSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { tx, operator, actor } = operatorContext(request);
      await changeOperatorPassword(tx, operator, actor, request.body);
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/auth/mfa/enrolment',
    {
      config: { access: access.operator },
      schema: {
        tags,
        summary: '初回ログイン時の2段階認証の設定を開始',
        response: { 200: mfaEnrolmentSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, operator } = operatorContext(request);
      return startOperatorEnrolment(tx, operator, options.secretBox);
    },
  );

  app.post(
    '/auth/mfa/enrolment/confirm',
    {
      config: { access: access.operator, rateLimit },
      schema: {
        tags,
        summary: '2段階認証の設定を確認コードで完了 (ログイン完了、リカバリーコードを一度だけ返す)',
        body: mfaCodeSchema,
        response: { 200: recoveryCodesSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { tx, operator, actor } = operatorContext(request);
      const { cookieValue, recoveryCodes } = await confirmOperatorEnrolment(
        tx,
        operator,
        actor,
        options.secretBox,
        request.body,
      );
      reply.setCookie(options.cookieName, cookieValue, cookieOptions);
      return { recoveryCodes };
    },
  );

  app.post(
    '/auth/mfa/recovery-codes',
    {
      config: { access: access.operator, rateLimit },
      schema: {
        tags,
        summary: 'リカバリーコードを再発行 (現在の確認コードが必要、古いコードは無効)',
        body: mfaCodeSchema,
        response: { 200: recoveryCodesSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, operator, actor } = operatorContext(request);
      return regenerateOperatorRecoveryCodes(tx, operator, actor, options.secretBox, request.body);
    },
  );

  app.post(
    '/auth/mfa/verify',
    {
      config: { access: access.operator, rateLimit },
      schema: {
        tags,
        summary: 'ログインの確認コード (またはリカバリーコード) を送信',
        body: mfaCodeSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { tx, operator } = operatorContext(request);
      const { cookieValue } = await verifyOperatorMfa(
        tx,
        operator,
        operatorActor(request, operator),
        options.secretBox,
        request.body,
      );
      reply.setCookie(options.cookieName, cookieValue, cookieOptions).code(204);
      return null;
    },
  );
};
