import { writeAudit } from '../../platform/audit/write-audit';
import type { ActorContext } from '../../platform/auth/principal';
import type { TenantTransaction } from '../../platform/db/tenant-transaction';
import { AppError } from '../../platform/http/problem';
import { type CsvEncoding, type ExportCell, encodeTable } from '../../platform/tabular/tabular';
import { EXPORT_MAX_ROWS, type FileFormat } from './import-job.schema';
import { exportCell } from './master-columns';
import type { AnyMasterIo } from './master-io';

export interface ExportedFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/** At most this many unencodable cells are listed; the count says how many there are. */
const UNENCODABLE_LISTED = 100;

function encode(rows: ExportCell[][], format: FileFormat, name: string): ExportedFile {
  const encoding: CsvEncoding = format === 'csv-sjis' ? 'cp932' : 'utf-8-bom';
  const result = encodeTable(rows, {
    format: format === 'xlsx' ? 'xlsx' : 'csv',
    encoding,
    sheetName: name.replace(/_.*/, ''),
    boldHeader: true,
  });
  if (!result.ok) {
    const headers = rows[0] ?? [];
    const errors = result.unencodable.slice(0, UNENCODABLE_LISTED).map((cell) => ({
      path: `${cell.row + 1}:${String(headers[cell.column] ?? cell.column + 1)}`,
      message: `${cell.row + 1}行目「${String(headers[cell.column] ?? '')}」の ${cell.characters
        .map((c) => `「${c}」`)
        .join('')}`,
    }));
    throw new AppError('export_unencodable', {
      errors,
      detail: `Shift_JIS で表せない文字が ${result.unencodable.length} か所にあります。`,
    });
  }
  return {
    bytes: result.bytes,
    contentType: result.contentType,
    fileName: `${name}_${stamp()}.${result.extension}`,
  };
}

/** JST date for the file name: 得意先_20260401.csv. */
function stamp(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/** The list's matches in the import's own columns, so the file imports back unchanged. */
export async function exportMaster(
  tx: TenantTransaction,
  actor: ActorContext,
  io: AnyMasterIo,
  filters: unknown,
  format: FileFormat,
): Promise<ExportedFile> {
  const ctx = await io.loadContext(tx);
  const records = await io.exportRecords(tx, filters, EXPORT_MAX_ROWS + 1, ctx);
  if (records.length > EXPORT_MAX_ROWS) throw new AppError('export_too_many_rows');
  const columns = io.columns(ctx);
  const rows: ExportCell[][] = [
    columns.map((column) => column.header),
    ...records.map((record) => columns.map((column) => exportCell(column, record.input, ctx))),
  ];
  const file = encode(rows, format, io.label);
  await writeAudit(tx, actor, {
    event: 'master_data.exported',
    targetType: io.kind,
    after: { master: io.kind, format, rows: records.length, filters },
  });
  return file;
}

/** The header row and one example row: what a user fills in. */
export async function importTemplate(
  tx: TenantTransaction,
  io: AnyMasterIo,
  format: FileFormat,
): Promise<ExportedFile> {
  const ctx = await io.loadContext(tx);
  const columns = io.columns(ctx);
  const file = encode(
    [columns.map((column) => column.header), columns.map((column) => column.example || null)],
    format,
    `${io.label}_テンプレート`,
  );
  return { ...file, fileName: file.fileName.replace(/_\d{8}\./, '.') };
}
