import { and, eq, getTableColumns, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { ActorContext } from '../../platform/auth/principal';
import { toIsoString } from '../../platform/db/iso-timestamp';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { AppError } from '../../platform/http/problem';
import {
  IMPORT_MAX_BYTES,
  type ImportJob,
  type ImportUpload,
  type MasterKind,
} from './import-job.schema';
import { importJobs } from './import-job.table';

/** A stage reporting no progress for this long is taken as lost (its process stopped). */
export const STALE_AFTER_MS = 5 * 60_000;
/** An uploaded file nobody imported is dropped after a day. */
const ABANDONED_AFTER_MS = 24 * 60 * 60_000;

/**
 * Every column but the uploaded file: the screen polls the job while it runs, and reading a
 * 17 MB file back as 35 MB of hex on every poll took about a quarter of a 100,000-row
 * import's Node CPU (docs/benchmarks.md). Only the runner reads the file.
 */
const { file: _file, ...jobColumns } = getTableColumns(importJobs);
type JobRow = Omit<typeof importJobs.$inferSelect, 'file'>;

export function toImportJob(row: JobRow): ImportJob {
  return {
    jobId: row.jobId,
    master: row.master,
    mode: row.mode,
    stage: row.stage,
    state: row.state,
    fileName: row.fileName,
    format: row.format,
    encoding: row.encoding,
    hasHeader: row.hasHeader,
    progress: row.progress,
    totalRows: row.totalRows,
    createCount: row.createCount,
    updateCount: row.updateCount,
    errorCount: row.errorCount,
    errors: row.errors,
    ignoredHeaders: row.ignoredHeaders,
    preview: row.preview,
    failure: row.failure,
    createdAt: toIsoString(row.createdAt),
    finishedAt: row.finishedAt ? toIsoString(row.finishedAt) : null,
  };
}

/** Stores the upload as a queued preview; the runner validates it after the commit. */
export async function createImportJob(
  tx: TenantTransaction,
  actor: ActorContext,
  master: MasterKind,
  upload: ImportUpload,
): Promise<ImportJob> {
  const file = Buffer.from(upload.data, 'base64');
  if (file.length > IMPORT_MAX_BYTES) throw new AppError('import_file_too_large');
  if (file.length === 0) throw new AppError('import_file_empty');
  await tx.db
    .update(importJobs)
    .set({ file: null })
    .where(
      and(
        eq(importJobs.tenantId, tx.tenantId),
        isNotNull(importJobs.file),
        ne(importJobs.state, 'running'),
        lt(importJobs.createdAt, new Date(Date.now() - ABANDONED_AFTER_MS)),
      ),
    );
  const [row] = await tx.db
    .insert(importJobs)
    .values({
      tenantId: tx.tenantId,
      jobId: uuidv7(),
      master,
      mode: upload.mode,
      fileName: upload.fileName,
      file,
      headerOption: upload.hasHeader,
      createdBy: actor.userId!,
      actor,
    })
    .returning(jobColumns);
  return toImportJob(row!);
}

function jobKey(tx: TenantTransaction, master: MasterKind, jobId: string) {
  return and(
    eq(importJobs.tenantId, tx.tenantId),
    eq(importJobs.jobId, jobId),
    eq(importJobs.master, master),
  );
}

/**
 * The job as it stands. A stage whose runner stopped reporting (the process ended) is marked
 * failed here, so the screen never polls forever; nothing of it was saved (one transaction).
 */
export async function getImportJob(
  tx: TenantTransaction,
  master: MasterKind,
  jobId: string,
): Promise<ImportJob> {
  const [row] = await tx.db
    .select(jobColumns)
    .from(importJobs)
    .where(jobKey(tx, master, jobId));
  if (!row) throw new AppError('not_found');
  if (row.state === 'running' && (row.heartbeatAt?.getTime() ?? 0) < Date.now() - STALE_AFTER_MS) {
    const [failed] = await tx.db
      .update(importJobs)
      .set({
        state: 'failed',
        failure: '処理が中断されました。何も保存されていません。もう一度やり直してください。',
        file: null,
        finishedAt: sql`now()`,
      })
      .where(and(jobKey(tx, master, jobId), eq(importJobs.state, 'running')))
      .returning(jobColumns);
    if (failed) return toImportJob(failed);
  }
  return toImportJob(row);
}

/** 「取り込む」: a clean preview becomes a queued import, by whoever asks (the audit's actor). */
export async function requestImport(
  tx: TenantTransaction,
  actor: ActorContext,
  master: MasterKind,
  jobId: string,
): Promise<ImportJob> {
  const [row] = await tx.db
    .update(importJobs)
    .set({ stage: 'import', state: 'queued', progress: 0, actor, heartbeatAt: null })
    .where(
      and(
        jobKey(tx, master, jobId),
        eq(importJobs.stage, 'preview'),
        eq(importJobs.state, 'succeeded'),
        eq(importJobs.errorCount, 0),
        isNotNull(importJobs.file),
      ),
    )
    .returning(jobColumns);
  if (!row) {
    const [exists] = await tx.db
      .select({ jobId: importJobs.jobId })
      .from(importJobs)
      .where(jobKey(tx, master, jobId));
    throw new AppError(exists ? 'import_job_not_ready' : 'not_found');
  }
  return toImportJob(row);
}

export async function jobMode(tx: TenantTransaction, master: MasterKind, jobId: string) {
  const [row] = await tx.db
    .select({ mode: importJobs.mode })
    .from(importJobs)
    .where(jobKey(tx, master, jobId));
  if (!row) throw new AppError('not_found');
  return row.mode;
}
