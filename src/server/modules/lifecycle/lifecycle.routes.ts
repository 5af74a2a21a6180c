import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { tenantContext } from '../../platform/access/route-access';
import { standardErrorResponses } from '../../platform/http/problem';
import { lifecycleAccess } from './lifecycle.permissions';
import { startTenantExport, tenantExportStream } from './tenant-export';

const tags = ['契約終了・データ'];

export const lifecycleRoutes: FastifyPluginAsyncZod<{ pool: pg.Pool }> = async (app, options) => {
  app.get(
    '/data-export',
    {
      config: { access: lifecycleAccess.export, bulk: true },
      schema: {
        tags,
        summary: '全データのエクスポート (ZIP: 表ごとの CSV、操作ログ、帳票 PDF、説明書き)',
        description:
          '契約中でも契約終了後 (参照専用) でもダウンロードできます。CSV は BOM 付き UTF-8、日時は +09:00。' +
          'パスワードのハッシュなどの秘密情報は含みません。出力自体も操作ログに記録します。',
        produces: ['application/zip'],
        response: { 200: z.any().describe('ZIP (application/zip)'), ...standardErrorResponses },
      },
    },
    async (request, reply) => {
      const { tx, actor } = tenantContext(request);
      const started = await startTenantExport(tx, actor);
      reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${started.filename}"`)
        .header('cache-control', 'no-store');
      return tenantExportStream(options.pool, tx.tenantId, started.upToSeq);
    },
  );
};
