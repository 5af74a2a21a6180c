import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ActorContext } from '../../platform/auth/principal';
import {
  appSchema,
  bytea,
  tenantIdColumn,
  tenantIsolationPolicy,
} from '../../platform/db/tenant-table';
import { users } from '../identity/user.table';
import { tenants } from '../organization/tenant.table';
import type { ImportError, ImportMode, MasterKind } from './import-job.schema';

/**
 * 取り込み jobs (ADR 0022): an uploaded file goes through 'preview' (every row validated,
 * nothing saved) and then 'import' (all rows written in one transaction), each stage
 * queued → running → succeeded | failed. The file is kept only until the job is done.
 */
export const importJobs = appSchema
  .table(
    'import_jobs',
    {
      tenantId: tenantIdColumn(),
      jobId: uuid('job_id').notNull(),
      master: text('master').$type<MasterKind>().notNull(),
      mode: text('mode').$type<ImportMode>().notNull(),
      stage: text('stage').$type<'preview' | 'import'>().notNull().default('preview'),
      state: text('state')
        .$type<'queued' | 'running' | 'succeeded' | 'failed'>()
        .notNull()
        .default('queued'),
      fileName: text('file_name').notNull(),
      /** The uploaded bytes; null once the job is done or abandoned. */
      file: bytea('file'),
      format: text('format').$type<'csv' | 'xlsx'>(),
      encoding: text('encoding'),
      /** 'auto' | 'yes' | 'no' as asked; has_header is what was used. */
      headerOption: text('header_option').$type<'auto' | 'yes' | 'no'>().notNull(),
      hasHeader: boolean('has_header'),
      progress: smallint('progress').notNull().default(0),
      totalRows: integer('total_rows').notNull().default(0),
      createCount: integer('create_count').notNull().default(0),
      updateCount: integer('update_count').notNull().default(0),
      errorCount: integer('error_count').notNull().default(0),
      /** At most IMPORT_MAX_ERRORS entries; error_count has the full number. */
      errors: jsonb('errors').$type<ImportError[]>().notNull().default([]),
      ignoredHeaders: jsonb('ignored_headers').$type<string[]>().notNull().default([]),
      preview: jsonb('preview')
        .$type<{ headers: string[]; rows: string[][] }>()
        .notNull()
        .default({ headers: [], rows: [] }),
      failure: text('failure'),
      /** Who uploaded: the audit rows of the import name them, not the worker. */
      createdBy: uuid('created_by').notNull(),
      actor: jsonb('actor').$type<ActorContext>().notNull(),
      /** The app process running the stage, and when it last reported progress. */
      runnerId: text('runner_id'),
      heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      finishedAt: timestamp('finished_at', { withTimezone: true }),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.jobId] }),
      index('import_jobs_created_idx').on(t.tenantId, t.createdAt),
      foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.tenantId] }),
      foreignKey({
        name: 'import_jobs_created_by_fk',
        columns: [t.tenantId, t.createdBy],
        foreignColumns: [users.tenantId, users.userId],
      }),
      index('import_jobs_created_by_idx').on(t.tenantId, t.createdBy),
      check('import_jobs_progress_check', sql`${t.progress} BETWEEN 0 AND 100`),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();

/**
 * One row per record an import created or updated, with its cells before and after: the
 * import's single audit event (counts and a digest of these rows) points here, so a 100,000-row
 * file costs one hash-chain step instead of 100,000 (ADR 0022).
 */
export const importJobRecords = appSchema
  .table(
    'import_job_records',
    {
      tenantId: tenantIdColumn(),
      jobId: uuid('job_id').notNull(),
      line: integer('line').notNull(),
      recordId: uuid('record_id').notNull(),
      action: text('action').$type<'create' | 'update'>().notNull(),
      before: jsonb('before').$type<Record<string, string>>(),
      after: jsonb('after').$type<Record<string, string>>().notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.jobId, t.line] }),
      foreignKey({
        name: 'import_job_records_job_fk',
        columns: [t.tenantId, t.jobId],
        foreignColumns: [importJobs.tenantId, importJobs.jobId],
      }),
      index('import_job_records_record_idx').on(t.tenantId, t.recordId),
      tenantIsolationPolicy(),
    ],
  )
  .enableRLS();
