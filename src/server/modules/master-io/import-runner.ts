import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { errorCatalogue } from '../../../domain/errors/error-codes';
import { writeAudit } from '../../platform/audit/write-audit';
import {
  type OpenTenantTransaction,
  openTenantTransaction,
  type TenantTransaction,
} from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { decodeTable, TabularError } from '../../platform/tabular/tabular';
import { getCodeNumbering } from '../settings/code-numbering/code-numbering';
import { insertRows } from './bulk-write';
import { importJobRecords, importJobs } from './import-job.table';
import { masterIo } from './master-registry';
import { ImportFileError, type ValidationResult, validateRows } from './validate-rows';

type JobRow = typeof importJobs.$inferSelect;

/**
 * Takes a queued stage for this runner: the row is locked with SKIP LOCKED and moved to
 * 'running' only if still queued, so two app processes (or two kicks) never run one stage twice.
 */
export async function claimImportJob(
  pool: pg.Pool,
  tenantId: string,
  jobId: string,
  runnerId: string,
): Promise<JobRow | null> {
  const tx = await openTenantTransaction(pool, tenantId);
  try {
    const [candidate] = await tx.db
      .select({ jobId: importJobs.jobId })
      .from(importJobs)
      .where(
        and(
          eq(importJobs.tenantId, tenantId),
          eq(importJobs.jobId, jobId),
          eq(importJobs.state, 'queued'),
        ),
      )
      .for('update', { skipLocked: true });
    if (!candidate) {
      await tx.rollback();
      return null;
    }
    const [claimed] = await tx.db
      .update(importJobs)
      .set({ state: 'running', runnerId, heartbeatAt: sql`now()`, progress: 0 })
      .where(and(eq(importJobs.tenantId, tenantId), eq(importJobs.jobId, jobId)))
      .returning();
    await tx.commit();
    return claimed ?? null;
  } catch (error) {
    await tx.rollback();
    throw error;
  }
}

/**
 * Runs import stages inside the app process (ADR 0022). A request that queues a stage kicks
 * the runner after its transaction committed; polling a still-queued job kicks it again, which
 * is harmless thanks to the claim.
 */
export class ImportRunner {
  readonly runnerId = randomUUID();
  private readonly running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: FastifyBaseLogger,
  ) {}

  kick(tenantId: string, jobId: string): void {
    if (this.stopped) return;
    const run = this.run(tenantId, jobId)
      .catch((error) => this.log.error({ err: error, jobId }, 'import job failed to run'))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Claims and runs the job's queued stage; false when another runner has it. */
  async run(tenantId: string, jobId: string): Promise<boolean> {
    const job = await claimImportJob(this.pool, tenantId, jobId, this.runnerId);
    if (!job) return false;
    const started = Date.now();
    try {
      if (job.stage === 'preview') await this.preview(job);
      else await this.import(job);
      this.log.info({ jobId, stage: job.stage, ms: Date.now() - started }, 'import stage done');
    } catch (error) {
      await this.fail(job, error);
    }
    return true;
  }

  /** Resolves once no stage is running (tests compare stored data between requests). */
  async idle(): Promise<void> {
    // A kick from a response's onResponse hook may still be on its way.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.running]);
  }

  private progressReporter(job: JobRow, from: number, to: number) {
    let last = 0;
    return async (fraction: number) => {
      const now = Date.now();
      if (now - last < 500) return;
      last = now;
      const progress = Math.min(99, Math.round(from + (to - from) * Math.min(1, fraction)));
      const tx = await openTenantTransaction(this.pool, job.tenantId);
      try {
        await tx.db
          .update(importJobs)
          .set({ progress, heartbeatAt: sql`now()` })
          .where(
            and(
              eq(importJobs.tenantId, job.tenantId),
              eq(importJobs.jobId, job.jobId),
              eq(importJobs.runnerId, this.runnerId),
            ),
          );
        await tx.commit();
      } catch (error) {
        await tx.rollback();
        throw error;
      }
    };
  }

  private async validate(
    tx: TenantTransaction,
    job: JobRow,
    progress: (fraction: number) => Promise<void>,
    withCells = false,
  ): Promise<{ result: ValidationResult; format: 'csv' | 'xlsx'; encoding: string | null }> {
    const io = masterIo(job.master);
    const file = job.file;
    if (!file)
      throw new ImportFileError('ファイルが残っていません。もう一度アップロードしてください');
    const format = isXlsx(file) ? 'xlsx' : 'csv';
    const decoded = decodeTable(file, format);
    const ctx = await io.loadContext(tx);
    const numbering = io.numbered
      ? (await getCodeNumbering(tx)).items.find((item) => item.kind === io.numbered)
      : undefined;
    const result = await validateRows(tx, io, ctx, decoded.rows, {
      mode: job.mode,
      headerOption: job.headerOption,
      autoNumbering: numbering?.isAuto ?? false,
      progress,
      withCells,
    });
    return { result, format, encoding: decoded.encoding ?? null };
  }

  private async preview(job: JobRow): Promise<void> {
    const tx = await openTenantTransaction(this.pool, job.tenantId);
    let outcome: Awaited<ReturnType<ImportRunner['validate']>>;
    try {
      outcome = await this.validate(tx, job, this.progressReporter(job, 0, 100));
    } finally {
      // Validation reads only: nothing of a preview is ever saved.
      await tx.rollback();
    }
    const { result, format, encoding } = outcome;
    await this.finish(job, {
      state: 'succeeded',
      format,
      encoding,
      hasHeader: result.hasHeader,
      totalRows: result.totalRows,
      createCount: result.createCount,
      updateCount: result.updateCount,
      errorCount: result.errorCount,
      errors: result.errors,
      ignoredHeaders: result.ignoredHeaders,
      preview: { headers: result.headers, rows: result.preview },
      // A file with errors cannot be imported: it is not kept.
      ...(result.errorCount > 0 ? { file: null, finishedAt: sql`now()` } : {}),
    });
  }

  /** All or nothing: validation again (the data may have changed), writes, audit, one commit. */
  private async import(job: JobRow): Promise<void> {
    const io = masterIo(job.master);
    const claimedAt = Date.now();
    const tx: OpenTenantTransaction = await openTenantTransaction(this.pool, job.tenantId);
    try {
      const { result } = await this.validate(tx, job, this.progressReporter(job, 0, 30), true);
      if (result.errorCount > 0) {
        await tx.rollback();
        await this.finish(job, {
          state: 'failed',
          failure:
            'プレビューの後にデータが変わり、取り込めない行があります。何も保存されていません。もう一度ファイルを選んでください。',
          errorCount: result.errorCount,
          errors: result.errors,
          file: null,
          finishedAt: sql`now()`,
        });
        return;
      }
      const validated = Date.now();
      const writeProgress = this.progressReporter(job, 30, 90);
      const total = Math.max(1, result.rows.length);
      await io.write(tx, job.actor, result.rows, (done) => writeProgress(done / total));

      const written = Date.now();
      const digest = createHash('sha256');
      const records = result.rows.map((row) => {
        const record = {
          tenantId: job.tenantId,
          jobId: job.jobId,
          line: row.line,
          recordId: row.id,
          action: row.action,
          before: row.before,
          after: row.after,
        };
        digest.update(JSON.stringify([row.line, row.id, row.action, row.before, row.after]));
        digest.update('\n');
        return record;
      });
      const recordProgress = this.progressReporter(job, 90, 99);
      for (let start = 0; start < records.length; start += 5000) {
        await insertRows(tx, importJobRecords, records.slice(start, start + 5000));
        await recordProgress(start / records.length);
      }
      this.log.info(
        {
          jobId: job.jobId,
          validateMs: validated - claimedAt,
          writeMs: written - validated,
          recordsMs: Date.now() - written,
        },
        'import stage timings',
      );
      await writeAudit(tx, job.actor, {
        event: io.auditEvent,
        targetType: 'import_job',
        targetId: job.jobId,
        after: {
          fileName: job.fileName,
          mode: job.mode,
          created: result.createCount,
          updated: result.updateCount,
          records: records.length,
          recordsSha256: digest.digest('hex'),
        },
      });
      await tx.db
        .update(importJobs)
        .set({
          state: 'succeeded',
          progress: 100,
          totalRows: result.totalRows,
          createCount: result.createCount,
          updateCount: result.updateCount,
          errorCount: 0,
          errors: [],
          file: null,
          finishedAt: sql`now()`,
        })
        .where(and(eq(importJobs.tenantId, job.tenantId), eq(importJobs.jobId, job.jobId)));
      await tx.commit();
    } catch (error) {
      await tx.rollback();
      throw error;
    }
  }

  private async fail(job: JobRow, error: unknown): Promise<void> {
    if (
      !(
        error instanceof ImportFileError ||
        error instanceof TabularError ||
        error instanceof AppError
      )
    ) {
      this.log.error({ err: error, jobId: job.jobId }, 'import stage failed');
    }
    await this.finish(job, {
      state: 'failed',
      failure: failureMessage(error),
      file: null,
      finishedAt: sql`now()`,
    });
  }

  private async finish(job: JobRow, values: Partial<Record<keyof JobRow, unknown>>): Promise<void> {
    const tx = await openTenantTransaction(this.pool, job.tenantId);
    try {
      await tx.db
        .update(importJobs)
        .set({ progress: 100, ...values } as never)
        .where(and(eq(importJobs.tenantId, job.tenantId), eq(importJobs.jobId, job.jobId)));
      await tx.commit();
    } catch (error) {
      await tx.rollback();
      throw error;
    }
  }
}

/** XLSX files are ZIP archives: they start with "PK\x03\x04". */
function isXlsx(file: Buffer): boolean {
  return file.length >= 4 && file.readUInt32BE(0) === 0x504b0304;
}

/** The reason shown to the user, in Japanese; nothing was saved in every case. */
export function failureMessage(error: unknown): string {
  const saved = '何も保存されていません。';
  if (error instanceof ImportFileError) return `${error.message}。${saved}`;
  if (error instanceof TabularError) {
    if (error.code === 'tabular_too_large') return `ファイルが大きすぎます。${saved}`;
    return `ファイルを読み取れませんでした${error.line ? `（${error.line}行目付近）` : ''}。CSV（カンマ区切り）か Excel（.xlsx）のファイルを選んでください。${saved}`;
  }
  if (error instanceof AppError) {
    const detail = error.options.errors?.[0]?.message;
    return `${detail ?? errorCatalogue[error.code].ja}。${saved}`.replace('。。', '。');
  }
  if ((error as { code?: string } | null)?.code === '23505') {
    return `取り込み中に同じコードが別の操作で登録されました。${saved}もう一度やり直してください。`;
  }
  return `取り込み中にエラーが発生しました。${saved}`;
}
