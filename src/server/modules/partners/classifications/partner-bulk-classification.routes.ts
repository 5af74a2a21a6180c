import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tenantContext } from '../../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { customerAccess } from '../customers/customer.permissions';
import { supplierAccess } from '../suppliers/supplier.permissions';
import { bulkClassifyPartners } from './bulk-classify-partners';
import type { PartnerType } from './classification.schema';
import {
  partnerBulkClassificationResultSchema,
  partnerBulkClassificationSchema,
} from './partner-bulk-classification.schema';

/** 一括分類設定 needs the right to edit that kind of partner, not the 分類 admin right. */
const lists = [
  { partnerType: 'customer', path: '/customers', tag: '得意先', access: customerAccess.edit },
  { partnerType: 'supplier', path: '/suppliers', tag: '仕入先', access: supplierAccess.edit },
] as const satisfies readonly { partnerType: PartnerType; [key: string]: unknown }[];

export const partnerBulkClassificationRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const { partnerType, path, tag, access } of lists) {
    app.post(
      `${path}/bulk-classification`,
      {
        config: { access },
        schema: {
          tags: [tag],
          summary: `${tag}の分類を一括設定 (選択した${tag}、または検索結果すべて)`,
          body: partnerBulkClassificationSchema,
          response: {
            200: partnerBulkClassificationResultSchema,
            409: problemSchema,
            ...standardErrorResponses,
          },
        },
      },
      async (request) => {
        const { tx, actor } = tenantContext(request);
        return bulkClassifyPartners(tx, actor, partnerType, request.body);
      },
    );
  }
};
