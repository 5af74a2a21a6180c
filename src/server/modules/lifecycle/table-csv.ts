import pg from 'pg';
import { toJstIso } from '../../../domain/time/jst';
import type { TenantTable } from '../../platform/db/tenant-catalog';
import { createCsvTextEncoder, csvLine } from '../../platform/tabular/csv-write';
import { exportedColumns } from './export-columns';

const DATE_OID = 1082;
const BATCH = 500;

/** Calendar dates stay as written (YYYY-MM-DD): pg's default would shift them by time zone. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** A cell as spreadsheet users in Japan read it; timestamps in JST with +09:00. */
export function exportCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return toJstIso(value);
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * One tenant table as a UTF-8 CSV with BOM and a header row of column names, read through a
 * cursor in the caller's transaction (RLS shows only the tenant's rows) so a large table is
 * never held in memory. `counted` receives the number of rows written.
 */
export async function* tableCsv(
  client: pg.PoolClient,
  table: TenantTable,
  counted: (rows: number) => void,
): AsyncGenerator<Buffer> {
  const encoder = createCsvTextEncoder('utf-8-bom');
  const columns = exportedColumns(table);
  yield Buffer.concat([encoder.preamble, encoder.encode(csvLine(columns, true))]);
  const cursor = `export_${table.name}`;
  const list = columns.map((column) => `"${column.replaceAll('"', '""')}"`).join(', ');
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${list} FROM ${table.qualifiedName}`,
  );
  let rows = 0;
  try {
    for (;;) {
      const batch = await client.query({
        text: `FETCH ${BATCH} FROM ${cursor}`,
        rowMode: 'array',
        types,
      });
      if (batch.rows.length === 0) break;
      rows += batch.rows.length;
      yield encoder.encode(
        (batch.rows as unknown[][]).map((row) => csvLine(row.map(exportCell), true)).join(''),
      );
    }
  } finally {
    await client.query(`CLOSE ${cursor}`).catch(() => {});
  }
  counted(rows);
}
