import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access, can } from '../../../domain/access/permissions';
import { tenantContext } from '../../platform/access/route-access';
import { AppError, problemSchema, standardErrorResponses } from '../../platform/http/problem';
import { type ExportedFile, exportMaster, importTemplate } from './export-master';
import {
  exportFormatQuery,
  IMPORT_BODY_LIMIT,
  importJobParamsSchema,
  importJobSchema,
  importUploadSchema,
  templateQuerySchema,
} from './import-job.schema';
import { createImportJob, getImportJob, jobMode, requestImport } from './import-jobs';
import type { ImportRunner } from './import-runner';
import type { AnyMasterIo } from './master-io';
import { registeredMasters } from './master-registry';

const tags = ['マスタの取り込み・出力'];

/** Where each master's files live: /customers/export, /customer-prices/imports … */
const exportQuery = (io: AnyMasterIo) =>
  (io.exportFiltersSchema as z.ZodObject).extend(exportFormatQuery);

/** Returned (not sent) so the request's transaction, with its audit row, commits first. */
function sendFile(reply: FastifyReply, file: ExportedFile) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_');
  reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('cache-control', 'no-store');
  return file.bytes;
}

/** 追加と更新 overwrites records: it needs the master's 修正 permission as well as 登録. */
function assertMayUpdate(request: FastifyRequest, io: AnyMasterIo, mode: 'create' | 'upsert') {
  if (mode === 'upsert' && !can(tenantContext(request).principal, io.permissions.edit)) {
    throw new AppError('forbidden');
  }
}

/** The runner starts a stage only once the request's transaction has committed. */
const toKick = new WeakMap<FastifyRequest, { tenantId: string; jobId: string }>();

export const masterIoRoutes: FastifyPluginAsyncZod<{ runner: ImportRunner }> = async (
  app,
  { runner },
) => {
  app.addHook('onResponse', async (request, reply) => {
    const job = toKick.get(request);
    if (job && reply.statusCode < 300) runner.kick(job.tenantId, job.jobId);
  });

  for (const io of registeredMasters()) {
    const base = `/${io.kind}`;
    const label = io.label;

    app.get(
      `${base}/export`,
      {
        config: { access: access.permission(io.permissions.export), bulk: true },
        schema: {
          tags,
          summary: `${label}を CSV / Excel に出力 (一覧と同じ絞り込み)`,
          description:
            'csv-utf8 は BOM 付き UTF-8、csv-sjis は Shift_JIS (CP932)。CP932 で表せない文字があると ' +
            "422 export_unencodable (errors に行・列・文字)。数式に見える値は先頭に ' を付けます。",
          querystring: exportQuery(io),
          produces: [
            'text/csv',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ],
          response: { 200: z.any(), 422: problemSchema, ...standardErrorResponses },
        },
      },
      async (request, reply) => {
        const { tx, actor } = tenantContext(request);
        const { format, ...filters } = request.query as { format: 'csv-utf8' } & Record<
          string,
          unknown
        >;
        return sendFile(reply, await exportMaster(tx, actor, io, filters, format));
      },
    );

    app.get(
      `${base}/import-template`,
      {
        config: { access: access.permission(io.permissions.create) },
        schema: {
          tags,
          summary: `${label}の取り込み用テンプレート (見出し行と記入例1行)`,
          querystring: templateQuerySchema,
          produces: [
            'text/csv',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ],
          response: { 200: z.any(), 422: problemSchema, ...standardErrorResponses },
        },
      },
      async (request, reply) =>
        sendFile(reply, await importTemplate(tenantContext(request).tx, io, request.query.format)),
    );

    app.post(
      `${base}/imports`,
      {
        config: { access: access.permission(io.permissions.create) },
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary: `${label}の取り込み: ファイルをアップロードしてプレビューを開始 (ジョブ)`,
          description:
            'CSV (UTF-8 / BOM 付き / CP932 を自動判別) または XLSX。全行を検証して行ごとのエラーを ' +
            'ジョブに記録します (まだ保存しません)。GET …/imports/{jobId} で進捗と結果を取得。',
          body: importUploadSchema,
          response: { 202: importJobSchema, 413: problemSchema, ...standardErrorResponses },
        },
      },
      async (request, reply) => {
        const { tx, actor } = tenantContext(request);
        assertMayUpdate(request, io, request.body.mode);
        const job = await createImportJob(tx, actor, io.kind, request.body);
        toKick.set(request, { tenantId: tx.tenantId, jobId: job.jobId });
        reply.code(202);
        return job;
      },
    );

    app.get(
      `${base}/imports/:jobId`,
      {
        config: { access: access.permission(io.permissions.create) },
        schema: {
          tags,
          summary: `${label}の取り込みジョブ (進捗・件数・行エラー・プレビュー)`,
          params: importJobParamsSchema,
          response: { 200: importJobSchema, ...standardErrorResponses },
        },
      },
      async (request) => {
        const { tx } = tenantContext(request);
        const job = await getImportJob(tx, io.kind, request.params.jobId);
        // After a restart nobody runs a queued stage: whoever polls starts it again.
        if (job.state === 'queued')
          toKick.set(request, { tenantId: tx.tenantId, jobId: job.jobId });
        return job;
      },
    );

    app.post(
      `${base}/imports/:jobId/commit`,
      {
        config: { access: access.permission(io.permissions.create) },
        schema: {
          tags,
          summary: `${label}の取り込みを実行 (すべて保存するか、何も保存しないか)`,
          params: importJobParamsSchema,
          response: { 202: importJobSchema, 409: problemSchema, ...standardErrorResponses },
        },
      },
      async (request, reply) => {
        const { tx, actor } = tenantContext(request);
        assertMayUpdate(request, io, await jobMode(tx, io.kind, request.params.jobId));
        const job = await requestImport(tx, actor, io.kind, request.params.jobId);
        toKick.set(request, { tenantId: tx.tenantId, jobId: job.jobId });
        reply.code(202);
        return job;
      },
    );
  }
};
