import type { z } from 'zod';
import type { Permission } from '../../../domain/access/permissions';
import type { NumberedMaster } from '../../../domain/masters/code-numbering';
import type { AuditEvent } from '../../platform/audit/audit-events';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import type { MasterKind } from './import-job.schema';
import type { MasterColumn } from './master-columns';

/** A stored record in the import's input shape, with its id. */
export interface StoredRecord<Input> {
  id: string;
  input: Input;
}

/** One validated row ready to be written. */
export interface PreparedRow<Input> {
  /** 1-based line of the file (a header counts), as shown in errors. */
  line: number;
  action: 'create' | 'update';
  /** The id the record gets (create) or has (update); assigned before writing so rows of the
   * same file can reference each other. */
  id: string;
  input: Input;
  before: Record<string, string> | null;
  after: Record<string, string>;
}

export type ImportWriter<Input> = (
  tx: TenantTransaction,
  actor: ActorContext,
  rows: readonly PreparedRow<Input>[],
  progress: (done: number) => Promise<void>,
) => Promise<void>;

/**
 * What the generic import/export (master-io) needs of one master: its columns, how to load
 * the lookups and stored records, and how to write validated rows in bulk.
 */
export interface MasterIo<Input, Ctx> {
  kind: MasterKind;
  /** 「得意先」: used in file names and messages. */
  label: string;
  permissions: { view: Permission; create: Permission; edit: Permission; export: Permission };
  auditEvent: AuditEvent;
  /** The create API's schema: import accepts exactly what the form accepts. */
  schema: z.ZodType<Input>;
  /** Auto-numbering kind when an empty code may be numbered (自動採番). */
  numbered?: NumberedMaster;
  loadContext(tx: TenantTransaction): Promise<Ctx>;
  columns(ctx: Ctx): MasterColumn<Input, Ctx>[];
  /** The headers whose cells identify a record (「得意先コード」); empty key = new record. */
  keyHeaders: readonly string[];
  /** The key of a parsed input; '' when the record has no code yet (auto-numbered). */
  keyOf(input: Input, ctx: Ctx): string;
  /** The stored record for a key, if any (for 追加と更新 and duplicates with the database). */
  findExisting(
    tx: TenantTransaction,
    keys: readonly string[],
    ctx: Ctx,
  ): Promise<Map<string, StoredRecord<Input>>>;
  /** Tells the context the id a new record of the file gets, so other rows may point at it. */
  registerNew?(ctx: Ctx, key: string, id: string): void;
  /** Checks beyond the schema that need the context (decimals against the product…). */
  check?(input: Input, ctx: Ctx, stored?: Input): { field: string; message: string }[];
  write: ImportWriter<Input>;
  /** Stored records in export order, for the list's filters. */
  exportRecords(
    tx: TenantTransaction,
    filters: unknown,
    limit: number,
    ctx: Ctx,
  ): Promise<StoredRecord<Input>[]>;
  exportFiltersSchema: z.ZodType;
  /** The message when a key already exists and the mode is 新規追加のみ. */
  duplicateMessage: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds masters of different shapes
export type AnyMasterIo = MasterIo<any, any>;
