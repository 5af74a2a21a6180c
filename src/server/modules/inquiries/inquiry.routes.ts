import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/permissions';
import { tenantContext } from '../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { createInquiry } from './create-inquiry';
import {
  createInquiryRequestSchema,
  inquiryDetailSchema,
  inquiryIdParamsSchema,
  inquiryListSchema,
  inquiryMessageRequestSchema,
} from './inquiry.schema';
import { getOwnInquiry, listOwnInquiries } from './inquiry-queries';
import { replyInquiry } from './reply-inquiry';

const tags = ['問い合わせ'];
const errors = { 409: problemSchema, ...standardErrorResponses };

/** A signed-in user's own 問い合わせ to the provider (ADR 0020). */
export const inquiryRoutes: FastifyPluginAsyncZod<{
  supportEmail: string | undefined;
  appOrigin: string;
}> = async (app, options) => {
  const config = { access: access.authenticated };

  app.get(
    '/inquiries',
    {
      config,
      schema: {
        tags,
        summary: '自分の問い合わせ',
        response: { 200: inquiryListSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, principal } = tenantContext(request);
      return { items: await listOwnInquiries(tx.client, tx.tenantId, principal.userId) };
    },
  );

  app.post(
    '/inquiries',
    {
      config,
      schema: {
        tags,
        summary: '問い合わせを送信 (運営へメール通知)',
        body: createInquiryRequestSchema,
        response: { 201: inquiryDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { tx, principal, actor } = tenantContext(request);
      const inquiryId = await createInquiry(tx, principal, actor, request.body, options);
      reply.code(201);
      return getOwnInquiry(tx.client, tx.tenantId, principal.userId, inquiryId);
    },
  );

  app.get(
    '/inquiries/:inquiryId',
    {
      config,
      schema: {
        tags,
        summary: '問い合わせのやり取り',
        params: inquiryIdParamsSchema,
        response: { 200: inquiryDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, principal } = tenantContext(request);
      return getOwnInquiry(tx.client, tx.tenantId, principal.userId, request.params.inquiryId);
    },
  );

  app.post(
    '/inquiries/:inquiryId/messages',
    {
      config,
      schema: {
        tags,
        summary: '問い合わせに返信',
        params: inquiryIdParamsSchema,
        body: inquiryMessageRequestSchema,
        response: { 200: inquiryDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, principal, actor } = tenantContext(request);
      const { inquiryId } = request.params;
      await replyInquiry(tx, principal, actor, inquiryId, request.body);
      return getOwnInquiry(tx.client, tx.tenantId, principal.userId, inquiryId);
    },
  );
};
