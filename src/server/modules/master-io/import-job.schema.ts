import { z } from 'zod';

/** Masters with CSV/XLSX import and export (issue 4 item 7), shared by the API and the web. */
export const MASTER_KINDS = ['customers', 'suppliers', 'products', 'customer-prices'] as const;
export type MasterKind = (typeof MASTER_KINDS)[number];

/** 100,000 rows (the benchmark's size) and a file size that holds them with room to spare. */
export const IMPORT_MAX_ROWS = 100_000;
export const IMPORT_MAX_BYTES = 30 * 1024 * 1024;
/** The upload travels as base64 in JSON: 4/3 of the file plus the envelope. */
export const IMPORT_BODY_LIMIT = Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 64 * 1024;
/** Errors kept per job: enough to fix a file, small enough to poll. */
export const IMPORT_MAX_ERRORS = 1_000;
/** Rows the preview shows as they will be stored. */
export const IMPORT_PREVIEW_ROWS = 20;
/** Exports stop at this many rows (narrow the search beyond it). */
export const EXPORT_MAX_ROWS = 100_000;

export const importModes = {
  create: { label: '新規追加のみ' },
  upsert: { label: '追加と更新' },
} as const;
export type ImportMode = keyof typeof importModes;

export const fileFormats = ['csv-utf8', 'csv-sjis', 'xlsx'] as const;
export type FileFormat = (typeof fileFormats)[number];

export const importUploadSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  /** The file, base64: no multipart parser, the same zod contract as every other body. */
  data: z.base64({ error: 'ファイルの形式が正しくありません' }).max(IMPORT_BODY_LIMIT),
  mode: z.enum(['create', 'upsert']).default('create'),
  hasHeader: z.enum(['auto', 'yes', 'no']).default('auto'),
});
export type ImportUpload = z.infer<typeof importUploadSchema>;

export const importJobParamsSchema = z.strictObject({ jobId: z.uuid() });

export const importErrorSchema = z.object({
  line: z.number().int().nullable().describe('ファイルの行番号 (見出し行を含む)'),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportError = z.infer<typeof importErrorSchema>;

export const importJobSchema = z
  .object({
    jobId: z.uuid(),
    master: z.enum(MASTER_KINDS),
    mode: z.enum(['create', 'upsert']),
    stage: z.enum(['preview', 'import']),
    state: z.enum(['queued', 'running', 'succeeded', 'failed']),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']).nullable(),
    encoding: z.string().nullable(),
    hasHeader: z.boolean().nullable(),
    progress: z.number().int().min(0).max(100),
    totalRows: z.number().int(),
    createCount: z.number().int(),
    updateCount: z.number().int(),
    errorCount: z.number().int(),
    errors: z.array(importErrorSchema),
    ignoredHeaders: z.array(z.string()),
    preview: z.object({ headers: z.array(z.string()), rows: z.array(z.array(z.string())) }),
    failure: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    finishedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof importJobSchema>;

export const exportFormatQuery = {
  format: z.enum(fileFormats).default('csv-utf8'),
};
export const templateQuerySchema = z.strictObject(exportFormatQuery);
