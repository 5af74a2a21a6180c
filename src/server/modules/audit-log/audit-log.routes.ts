import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { tenantContext } from '../../platform/access/route-access';
import { standardErrorResponses } from '../../platform/http/problem';
import { auditLogAccess } from './audit-log.permissions';
import { auditExportQuerySchema, auditListQuerySchema, auditListSchema } from './audit-log.schema';
import { auditCsvStream, startAuditExport } from './export-audit-log';
import { findAuditLog } from './find-audit-log';

const tags = ['操作ログ'];

export const auditLogRoutes: FastifyPluginAsyncZod<{ pool: pg.Pool }> = async (app, options) => {
  app.get(
    '/audit-log',
    {
      config: { access: auditLogAccess.read },
      schema: {
        tags,
        summary: '操作ログの一覧 (新しい順、期間は日本時間、変更前・変更後を含む)',
        querystring: auditListQuerySchema,
        response: { 200: auditListSchema, ...standardErrorResponses },
      },
    },
    async (request) => findAuditLog(tenantContext(request).tx, request.query),
  );

  app.get(
    '/audit-log/export',
    {
      config: { access: auditLogAccess.export, bulk: true },
      schema: {
        tags,
        summary: '操作ログをCSV出力 (BOM付きUTF-8 または Shift_JIS、出力自体も記録)',
        description:
          "CRLF 区切り、日時は +09:00 付きの ISO-8601。= + - @ などで始まるセルには先頭に ' を付けます。" +
          'Shift_JIS で表せない文字は〓に置き換えます。',
        querystring: auditExportQuerySchema,
        produces: ['text/csv'],
        // A stream is sent as is (no serialisation); the schema only documents the body.
        response: { 200: z.any().describe('CSV (text/csv)'), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const { encoding, ...filter } = request.query;
      const started = await startAuditExport(tx, actor, request.query);
      reply
        .header('content-type', started.contentType)
        .header('content-disposition', `attachment; filename="${started.filename}"`)
        .header('cache-control', 'no-store');
      return auditCsvStream(options.pool, tx.tenantId, filter, started.upToSeq, encoding);
    },
  );
};
