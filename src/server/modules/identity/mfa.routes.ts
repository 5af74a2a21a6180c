import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../../domain/access/permissions';
import { tenantContext } from '../../platform/access/route-access';
import type { SecretBox } from '../../platform/auth/secret-box';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { disableMfa } from './disable-mfa';
import {
  mfaCodeSchema,
  mfaDisableSchema,
  mfaEnrolmentSchema,
  mfaEnrolmentStartSchema,
  mfaSettingsSchema,
  mfaStatusSchema,
  recoveryCodesSchema,
} from './mfa.schema';
import { confirmMfaEnrolment, startMfaEnrolment } from './mfa-enrolment';
import { getMfaSettings, updateMfaSettings } from './mfa-settings';
import { getMfaStatus } from './mfa-status';
import { verifyMfa } from './verify-mfa';

export interface MfaRouteOptions {
  cookieName: string;
  secureCookie: boolean;
  secretBox: SecretBox;
  loginRateLimitPerMinute: number;
}

const tags = ['2段階認証'];
const errors = { 409: problemSchema, ...standardErrorResponses };

export const mfaRoutes: FastifyPluginAsyncZod<MfaRouteOptions> = async (app, options) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: options.secureCookie,
  };
  const { secretBox } = options;
  const rateLimit = { max: options.loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.get(
    '/auth/mfa',
    {
      config: { access: access.authenticated },
      schema: {
        tags,
        summary: '自分の2段階認証の状態',
        response: { 200: mfaStatusSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, principal } = tenantContext(request);
      return getMfaStatus(tx, principal);
    },
  );

  app.post(
    '/auth/mfa/enrolment',
    {
      config: { access: access.authenticated },
      schema: {
        tags,
        summary: '2段階認証の設定を開始 (秘密鍵と QR コードを発行、通常はパスワードの再入力が必要)',
        body: mfaEnrolmentStartSchema,
        response: { 200: mfaEnrolmentSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, principal, actor } = tenantContext(request);
      return startMfaEnrolment(tx, principal, actor, secretBox, request.body);
    },
  );

  app.post(
    '/auth/mfa/enrolment/confirm',
    {
      config: { access: access.authenticated, rateLimit },
      schema: {
        tags,
        summary: '最初の確認コードで2段階認証を有効化 (リカバリーコードを一度だけ返す)',
        body: mfaCodeSchema,
        response: { 200: recoveryCodesSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { tx, principal, actor } = tenantContext(request);
      const result = await confirmMfaEnrolment(tx, principal, actor, secretBox, request.body);
      if (result.cookieValue)
        reply.setCookie(options.cookieName, result.cookieValue, cookieOptions);
      return { recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/auth/mfa/verify',
    {
      config: { access: access.authenticated, rateLimit },
      schema: {
        tags,
        summary: 'ログイン2段階目: 確認コードまたはリカバリーコード',
        body: mfaCodeSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { tx, principal, actor } = tenantContext(request);
      const { cookieValue } = await verifyMfa(tx, principal, actor, secretBox, request.body);
      reply.setCookie(options.cookieName, cookieValue, cookieOptions).code(204);
      return null;
    },
  );

  app.post(
    '/auth/mfa/disable',
    {
      config: { access: access.authenticated, rateLimit },
      schema: {
        tags,
        summary: '2段階認証を解除 (パスワードと確認コードが必要)',
        body: mfaDisableSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { tx, principal, actor } = tenantContext(request);
      await disableMfa(tx, principal, actor, secretBox, request.body);
      reply.code(204);
      return null;
    },
  );

  app.get(
    '/settings/mfa',
    {
      config: { access: access.orgAdmin },
      schema: {
        tags,
        summary: '2段階認証の必須設定',
        response: { 200: mfaSettingsSchema, ...errors },
      },
    },
    async (request) => getMfaSettings(tenantContext(request).tx),
  );

  app.put(
    '/settings/mfa',
    {
      config: { access: access.orgAdmin },
      schema: {
        tags,
        summary: '2段階認証の必須設定を変更 (次回ログインから適用)',
        body: mfaSettingsSchema,
        response: { 200: mfaSettingsSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateMfaSettings(tx, actor, request.body);
    },
  );
};
