import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../../domain/access/permissions';
import { operatorContext } from '../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { answerInquiry, closeInquiry } from './answer-inquiry';
import {
  inquiryIdParamsSchema,
  inquiryMessageRequestSchema,
  opsInquiryDetailSchema,
  opsInquiryListSchema,
  opsInquiryQuerySchema,
} from './inquiry.schema';
import { getOpsInquiry, listOpsInquiries } from './inquiry-queries';

const tags = ['運用: 問い合わせ'];
const errors = { 409: problemSchema, ...standardErrorResponses };
const params = inquiryIdParamsSchema;

/** Every tenant's 問い合わせ for the provider's support (ADR 0020). */
export const opsInquiryRoutes: FastifyPluginAsyncZod<{ appOrigin: string }> = async (
  app,
  options,
) => {
  const config = { access: access.operator };

  app.get(
    '/inquiries',
    {
      config,
      schema: {
        tags,
        summary: '問い合わせの一覧 (既定は未回答)',
        querystring: opsInquiryQuerySchema,
        response: { 200: opsInquiryListSchema, ...errors },
      },
    },
    async (request) => {
      const { tx } = operatorContext(request);
      return { items: await listOpsInquiries(tx.client, request.query.status) };
    },
  );

  app.get(
    '/inquiries/:inquiryId',
    {
      config,
      schema: {
        tags,
        summary: '問い合わせのやり取り',
        params,
        response: { 200: opsInquiryDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { tx } = operatorContext(request);
      return getOpsInquiry(tx.client, request.params.inquiryId);
    },
  );

  app.post(
    '/inquiries/:inquiryId/answer',
    {
      config,
      schema: {
        tags,
        summary: '問い合わせに回答 (送信者へメール)',
        params,
        body: inquiryMessageRequestSchema,
        response: { 200: opsInquiryDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, operator, actor } = operatorContext(request);
      const { inquiryId } = request.params;
      await answerInquiry(tx, operator, actor, inquiryId, request.body, options.appOrigin);
      return getOpsInquiry(tx.client, inquiryId);
    },
  );

  app.post(
    '/inquiries/:inquiryId/close',
    {
      config,
      schema: {
        tags,
        summary: '問い合わせを終了',
        params,
        response: { 200: opsInquiryDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { tx, actor } = operatorContext(request);
      await closeInquiry(tx, actor, request.params.inquiryId);
      return getOpsInquiry(tx.client, request.params.inquiryId);
    },
  );
};
