import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  COMPANY_IMAGE_MAX_BYTES,
  companyImageKinds,
  companyImageLabels,
} from '../../../domain/company/company-images';
import { tenantContext } from '../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { companyAccess } from './company.permissions';
import {
  companyImageInfoSchema,
  companyImageUploadSchema,
  companyProfileSchema,
  companyProfileUpdateSchema,
} from './company-profile.schema';
import { deleteCompanyImage } from './delete-company-image';
import { getCompanyImage } from './get-company-image';
import { getCompanyProfile } from './get-company-profile';
import { putCompanyImage } from './put-company-image';
import { updateCompanyProfile } from './update-company-profile';

const tags = ['自社情報'];

/** Base64 makes 3 bytes 4 characters; the rest is room for the JSON around it. */
const IMAGE_BODY_LIMIT = Math.ceil(COMPANY_IMAGE_MAX_BYTES / 3) * 4 + 1024;

export const companyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/company/profile',
    {
      config: { access: companyAccess.view },
      schema: {
        tags,
        summary: '自社情報を取得 (未登録なら空欄・version 0)',
        response: { 200: companyProfileSchema, ...standardErrorResponses },
      },
    },
    async (request) => getCompanyProfile(tenantContext(request).tx),
  );

  app.put(
    '/company/profile',
    {
      config: { access: companyAccess.edit },
      schema: {
        tags,
        summary:
          '自社情報を保存 (version による楽観的排他。登録番号のチェックデジット不一致は警告のみ)',
        body: companyProfileUpdateSchema,
        response: { 200: companyProfileSchema, 409: problemSchema, ...standardErrorResponses },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return updateCompanyProfile(tx, actor, request.body);
    },
  );

  // One literal path per image (no :kind parameter): the path names a slot, not a row.
  for (const kind of companyImageKinds) {
    const label = companyImageLabels[kind];
    app.get(
      `/company/images/${kind}`,
      {
        config: { access: companyAccess.view },
        schema: {
          tags,
          summary: `${label}の画像 (PNG/JPEG)`,
          produces: ['image/png', 'image/jpeg'],
          response: { 200: z.any(), 304: z.null(), ...standardErrorResponses },
        },
        // Runs after the app-wide `no-store`: the image may be kept, but only after asking.
        onSend: async (_request, reply) => {
          if (reply.statusCode === 200 || reply.statusCode === 304) {
            reply.header('cache-control', 'private, no-cache');
          }
        },
      },
      async (request, reply) => {
        const image = await getCompanyImage(tenantContext(request).tx, kind);
        const etag = `"${image.sha256}"`;
        reply
          .header('etag', etag)
          .header('x-content-type-options', 'nosniff')
          .header(
            'content-disposition',
            `inline; filename="${kind}.${image.contentType === 'image/png' ? 'png' : 'jpg'}"`,
          )
          .header('content-security-policy', "default-src 'none'; sandbox");
        if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
        return reply.type(image.contentType).send(image.content);
      },
    );

    app.put(
      `/company/images/${kind}`,
      {
        config: { access: companyAccess.edit },
        bodyLimit: IMAGE_BODY_LIMIT,
        schema: {
          tags,
          summary: `${label}を登録・差し替え (base64。1MB以下、縦横2000px以内)`,
          body: companyImageUploadSchema,
          response: {
            200: companyImageInfoSchema,
            413: problemSchema,
            ...standardErrorResponses,
          },
        },
      },
      async (request) => {
        const { tx, actor } = tenantContext(request);
        return putCompanyImage(tx, actor, kind, request.body);
      },
    );

    app.delete(
      `/company/images/${kind}`,
      {
        config: { access: companyAccess.edit },
        schema: {
          tags,
          summary: `${label}を削除`,
          response: { 204: z.null(), ...standardErrorResponses },
        },
      },
      async (request, reply) => {
        const { tx, actor } = tenantContext(request);
        await deleteCompanyImage(tx, actor, kind);
        reply.code(204);
        return null;
      },
    );
  }
};
