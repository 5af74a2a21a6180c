import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../../domain/access/permissions';
import { operatorContext } from '../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { grantBreakGlass } from './grant-break-glass';
import {
  breakGlassRequestSchema,
  convertTenantRequestSchema,
  createdTenantSchema,
  createTenantRequestSchema,
  endContractRequestSchema,
  operatorAuditListSchema,
  operatorAuditQuerySchema,
  operatorListSchema,
  seatLimitRequestSchema,
  tenantDetailSchema,
  tenantIdParamsSchema,
  tenantListQuerySchema,
  tenantListSchema,
} from './operator.schema';
import { findOperatorAudit, listOperators } from './operator-audit-query';
import { changeSeatLimit, convertTrial, endContract } from './ops-contract';
import { opsCreateTenant } from './ops-create-tenant';
import { getOpsTenant, listOpsTenants } from './ops-tenant-queries';

const tags = ['運用: 組織と契約'];
const errors = { 409: problemSchema, ...standardErrorResponses };
const params = tenantIdParamsSchema;

/** The console's tenant and contract API: contract columns only, never business data. */
export const opsTenantRoutes: FastifyPluginAsyncZod<{ trialDays: number }> = async (
  app,
  options,
) => {
  const config = { access: access.operator };

  app.get(
    '/tenants',
    {
      config,
      schema: {
        tags,
        summary: '組織の一覧 (契約情報のみ)',
        querystring: tenantListQuerySchema,
        response: { 200: tenantListSchema, ...errors },
      },
    },
    async (request) => {
      const { tx } = operatorContext(request);
      return { items: await listOpsTenants(tx, request.query) };
    },
  );

  app.post(
    '/tenants',
    {
      config,
      schema: {
        tags,
        summary: '組織を作成 (最初の組織管理者と初期パスワード)',
        body: createTenantRequestSchema,
        response: { 201: createdTenantSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { tx, actor } = operatorContext(request);
      const created = await opsCreateTenant(tx, actor, request.body, options.trialDays);
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/tenants/:tenantId',
    {
      config,
      schema: {
        tags,
        summary: '組織の契約情報と緊急アクセスの記録',
        params,
        response: { 200: tenantDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { tx } = operatorContext(request);
      return getOpsTenant(tx, request.params.tenantId);
    },
  );

  app.post(
    '/tenants/:tenantId/convert',
    {
      config,
      schema: {
        tags,
        summary: '無料トライアルから有料契約に切り替え',
        params,
        body: convertTenantRequestSchema,
        response: { 200: tenantDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, actor } = operatorContext(request);
      await convertTrial(tx, actor, request.params.tenantId, request.body);
      return getOpsTenant(tx, request.params.tenantId);
    },
  );

  app.put(
    '/tenants/:tenantId/seat-limit',
    {
      config,
      schema: {
        tags,
        summary: '契約席数を変更 (利用中の人数未満は不可)',
        params,
        body: seatLimitRequestSchema,
        response: { 200: tenantDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, actor } = operatorContext(request);
      await changeSeatLimit(tx, actor, request.params.tenantId, request.body.seatLimit);
      return getOpsTenant(tx, request.params.tenantId);
    },
  );

  app.post(
    '/tenants/:tenantId/end-contract',
    {
      config,
      schema: {
        tags,
        summary: '契約を終了 (状態を「終了」にし、終了日時を記録)',
        params,
        body: endContractRequestSchema,
        response: { 200: tenantDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, actor } = operatorContext(request);
      await endContract(tx, actor, request.params.tenantId, request.body.confirmCode);
      return getOpsTenant(tx, request.params.tenantId);
    },
  );

  app.post(
    '/tenants/:tenantId/break-glass',
    {
      config,
      schema: {
        tags,
        summary: '緊急アクセス (理由と4時間以内の期限; 組織の操作ログと管理者へのメール)',
        params,
        body: breakGlassRequestSchema,
        response: {
          201: z.object({ grantId: z.uuid(), expiresAt: z.iso.datetime({ offset: true }) }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { tx, operator, actor } = operatorContext(request);
      const grant = await grantBreakGlass(
        tx,
        operator,
        actor,
        request.params.tenantId,
        request.body,
      );
      reply.code(201);
      return grant;
    },
  );

  app.get(
    '/audit-log',
    {
      config,
      schema: {
        tags,
        summary: '運用者の操作ログ (新しい順)',
        querystring: operatorAuditQuerySchema,
        response: { 200: operatorAuditListSchema, ...errors },
      },
    },
    async (request) => {
      const { tx } = operatorContext(request);
      return findOperatorAudit(tx, request.query);
    },
  );

  app.get(
    '/operators',
    {
      config,
      schema: {
        tags,
        summary: '運用者の一覧 (操作ログの絞り込み用)',
        response: { 200: operatorListSchema, ...errors },
      },
    },
    async (request) => {
      const { tx } = operatorContext(request);
      return { items: await listOperators(tx) };
    },
  );
};
