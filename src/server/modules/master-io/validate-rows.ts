import { headerKey } from '../../../domain/masters/cell-text';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { uuidv7 } from '../../platform/db/uuid';
import { restoreNeutralised } from '../../platform/tabular/tabular';
import {
  IMPORT_MAX_ERRORS,
  IMPORT_MAX_ROWS,
  IMPORT_PREVIEW_ROWS,
  type ImportError,
  type ImportMode,
} from './import-job.schema';
import type { MasterColumn } from './master-columns';
import type { AnyMasterIo, PreparedRow } from './master-io';

export interface ValidationResult {
  hasHeader: boolean;
  headers: string[];
  ignoredHeaders: string[];
  rows: PreparedRow<unknown>[];
  totalRows: number;
  createCount: number;
  updateCount: number;
  errorCount: number;
  errors: ImportError[];
  preview: string[][];
}

/** A problem with the file as a whole (no row to point at): the job fails with this text. */
export class ImportFileError extends Error {}

/**
 * Row-level checks of a whole file, nothing written (ADR 0022). Every row is parsed through
 * the master's columns and validated by the create API's zod schema, then against the file
 * itself (duplicate keys) and the database (existing codes, references). The result carries the
 * rows ready to write; the import runs this again inside its transaction.
 */
export async function validateRows(
  tx: TenantTransaction,
  io: AnyMasterIo,
  ctx: unknown,
  table: string[][],
  options: {
    mode: ImportMode;
    headerOption: 'auto' | 'yes' | 'no';
    autoNumbering: boolean;
    progress?: (fraction: number) => Promise<void>;
    /** The cells before/after of every row, for the import's per-record rows (not the preview). */
    withCells?: boolean;
  },
): Promise<ValidationResult> {
  const columns: MasterColumn<unknown, unknown>[] = io.columns(ctx);
  const rows = table.map((row) => row.map(restoreNeutralised));
  const byHeader = new Map<string, number>();
  columns.forEach((column, index) => {
    for (const name of [column.header, ...(column.aliases ?? [])])
      byHeader.set(headerKey(name), index);
  });

  const first = rows[0] ?? [];
  const known = first.filter((cell) => byHeader.has(headerKey(cell))).length;
  const nonEmpty = first.filter((cell) => cell.trim() !== '').length;
  const hasHeader =
    options.headerOption === 'yes' ||
    (options.headerOption === 'auto' && known > 0 && known * 2 >= nonEmpty);

  // File column → master column.
  const mapping: (number | null)[] = [];
  const ignoredHeaders: string[] = [];
  if (hasHeader) {
    const seen = new Set<number>();
    first.forEach((cell) => {
      const index = byHeader.get(headerKey(cell));
      if (index === undefined) {
        mapping.push(null);
        if (cell.trim() !== '') ignoredHeaders.push(cell.trim());
        return;
      }
      if (seen.has(index)) {
        throw new ImportFileError(`見出し「${columns[index]!.header}」が2回あります`);
      }
      seen.add(index);
      mapping.push(index);
    });
  } else {
    const width = Math.max(0, ...rows.map((row) => row.length));
    for (let i = 0; i < width; i++) mapping.push(i < columns.length ? i : null);
    for (let i = columns.length; i < width; i++) ignoredHeaders.push(`${i + 1}列目`);
  }

  const start = hasHeader ? 1 : 0;
  const dataRows = rows.length - start;
  if (dataRows > IMPORT_MAX_ROWS) {
    throw new ImportFileError(
      `行数が多すぎます（${dataRows.toLocaleString('ja-JP')}行）。1ファイル${IMPORT_MAX_ROWS.toLocaleString('ja-JP')}行までです`,
    );
  }
  const present = new Set(mapping.filter((index): index is number => index !== null));
  for (const header of io.keyHeaders) {
    const index = columns.findIndex((column) => column.header === header);
    if (hasHeader && !present.has(index) && options.mode === 'upsert') {
      throw new ImportFileError(`「追加と更新」には「${header}」の列が必要です`);
    }
  }

  const errors: ImportError[] = [];
  let errorCount = 0;
  const addError = (line: number | null, column: string | null, message: string) => {
    errorCount++;
    if (errors.length < IMPORT_MAX_ERRORS) errors.push({ line, column, message });
  };

  const cellsOf = (row: string[]) => {
    const cells = new Map<number, string>();
    row.forEach((cell, fileIndex) => {
      const index = mapping[fileIndex];
      if (index !== null && index !== undefined) cells.set(index, cell);
    });
    return cells;
  };
  const isBlank = (row: string[]) => row.every((cell) => cell.trim() === '');

  // Pass 1: the key of every row, so existing records are read once and rows of the same file
  // can reference each other (a 請求先 further down the file).
  const keyColumns = io.keyHeaders.map((header) =>
    columns.findIndex((column) => column.header === header),
  );
  const keys: (string | null)[] = [];
  for (let r = start; r < rows.length; r++) {
    const row = rows[r]!;
    if (isBlank(row)) {
      keys.push(null);
      continue;
    }
    const cells = cellsOf(row);
    const keyInput: Record<string, unknown> = {};
    let readable = true;
    for (const index of keyColumns) {
      const column = columns[index]!;
      const parsed = column.parse(cells.get(index) ?? '', ctx);
      if ('error' in parsed) readable = false;
      else assign(column, keyInput, parsed.value);
    }
    keys.push(readable ? io.keyOf(keyInput, ctx) : null);
  }
  const distinctKeys = [...new Set(keys.filter((key): key is string => !!key))];
  const existing = await io.findExisting(tx, distinctKeys, ctx);
  const idOfKey = new Map<string, string>();
  for (const key of distinctKeys) {
    const stored = existing.get(key);
    const id = stored?.id ?? uuidv7();
    idOfKey.set(key, id);
  }
  if (io.registerNew) {
    for (let r = start; r < rows.length; r++) {
      const key = keys[r - start];
      if (key && !existing.has(key)) io.registerNew(ctx, key, idOfKey.get(key)!);
    }
  }

  // Pass 2: every row through the columns and the schema.
  const prepared: PreparedRow<unknown>[] = [];
  const preview: string[][] = [];
  const lineOfKey = new Map<string, number>();
  let createCount = 0;
  let updateCount = 0;
  const keyHeader = io.keyHeaders.join('・');
  for (let r = start; r < rows.length; r++) {
    if (options.progress && (r - start) % 5000 === 4999) {
      await options.progress((r - start) / Math.max(1, dataRows));
    }
    const row = rows[r]!;
    const line = r + 1;
    const key = keys[r - start];
    if (isBlank(row)) continue;
    const before = key ? existing.get(key) : undefined;
    let rowFailed = false;
    const fail = (column: string | null, message: string) => {
      rowFailed = true;
      addError(line, column, message);
    };

    if (key) {
      const firstLine = lineOfKey.get(key);
      if (firstLine !== undefined) {
        fail(
          keyHeader,
          `${keyHeader}「${displayKey(key)}」が重複しています（行 ${firstLine} と同じ）`,
        );
        continue;
      }
      lineOfKey.set(key, line);
      if (before && options.mode === 'create') {
        fail(keyHeader, io.duplicateMessage);
        continue;
      }
    } else if (key === '' && io.numbered && !options.autoNumbering) {
      fail(keyHeader, `${keyHeader}を入力してください`);
      continue;
    }

    const cells = cellsOf(row);
    const input: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      const text = cells.has(index)
        ? cells.get(index)!
        : before
          ? column.text(before.input, ctx)
          : undefined;
      if (text === undefined) return;
      const parsed = column.parse(text, ctx);
      if ('error' in parsed) fail(column.header, parsed.error);
      else assign(column, input, parsed.value);
    });
    if (rowFailed) continue;

    const result = io.schema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // The first path element that names a column's field (wrapped schemas nest theirs).
        const column = issue.path
          .map((part) => columns.find((candidate) => candidate.field === part))
          .find((candidate) => candidate !== undefined);
        fail(column?.header ?? null, issue.message);
      }
      continue;
    }
    for (const problem of io.check?.(result.data, ctx, before?.input) ?? []) {
      const column = columns.find((candidate) => candidate.field === problem.field);
      fail(column?.header ?? null, problem.message);
    }
    if (rowFailed) continue;

    const afterCells = columns.map((column) => column.text(result.data, ctx));
    if (preview.length < IMPORT_PREVIEW_ROWS) preview.push(afterCells);
    const action = before ? 'update' : 'create';
    if (action === 'create') createCount++;
    else updateCount++;
    prepared.push({
      line,
      action,
      id: key ? idOfKey.get(key)! : uuidv7(),
      input: result.data,
      before: before
        ? headerRecord(
            columns,
            columns.map((c) => c.text(before.input, ctx)),
          )
        : null,
      after: headerRecord(columns, afterCells),
    });
  }

  return {
    hasHeader,
    headers: columns.map((column) => column.header),
    ignoredHeaders,
    rows: prepared,
    totalRows: dataRows,
    createCount,
    updateCount,
    errorCount,
    errors,
    preview,
  };
}

function assign(
  column: MasterColumn<unknown, unknown>,
  input: Record<string, unknown>,
  value: unknown,
) {
  if (column.assign) column.assign(input, value);
  else if (value !== undefined) input[column.field] = value;
}

function headerRecord(columns: MasterColumn<unknown, unknown>[], cells: string[]) {
  const record: Record<string, string> = {};
  columns.forEach((column, index) => {
    if (cells[index] !== '') record[column.header] = cells[index]!;
  });
  return record;
}

/** Composite keys are joined with U+001F; shown with ／ between the parts. */
function displayKey(key: string): string {
  return key.split('\u001f').join('／');
}

export const KEY_SEPARATOR = '\u001f';
