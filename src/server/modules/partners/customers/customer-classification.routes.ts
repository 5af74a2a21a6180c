import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tenantContext } from '../../../platform/access/route-access';
import { problemSchema, standardErrorResponses } from '../../../platform/http/problem';
import { bulkClassifyCustomers } from './bulk-classify-customers';
import { customerAccess } from './customer.permissions';
import {
  customerBulkClassificationResultSchema,
  customerBulkClassificationSchema,
} from './customer-bulk-classification.schema';

export const customerClassificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/customers/bulk-classification',
    {
      config: { access: customerAccess.edit },
      schema: {
        tags: ['得意先'],
        summary: '得意先の分類を一括設定 (選択した得意先、または検索結果すべて)',
        body: customerBulkClassificationSchema,
        response: {
          200: customerBulkClassificationResultSchema,
          409: problemSchema,
          ...standardErrorResponses,
        },
      },
    },
    async (request) => {
      const { tx, actor } = tenantContext(request);
      return bulkClassifyCustomers(tx, actor, request.body);
    },
  );
};
