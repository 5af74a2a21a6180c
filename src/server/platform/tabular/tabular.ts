import { decodeCsvText, parseCsv } from './csv-read';
import { csvChunks, csvContentType, encodeCsv } from './csv-write';
import {
  type CsvEncoding,
  type DecodedTable,
  type EncodeResult,
  type ExportCell,
  MAX_FILE_BYTES,
  TabularError,
  type TabularFormat,
} from './tabular-types';
import { decodeXlsx } from './xlsx-read';
import { encodeXlsx, XLSX_CONTENT_TYPE } from './xlsx-write';

/**
 * Spreadsheet files that masters are imported from and exported to (issue 4 item 7): CSV in
 * UTF-8, UTF-8 with BOM or CP932, and .xlsx, read and written by the codecs in this folder
 * without a spreadsheet library (ADR 0021). This file is the contract other code uses.
 */
export { neutraliseFormula, restoreNeutralised } from './formula';
export {
  type CsvEncoding,
  type DecodedTable,
  type EncodeResult,
  type ExportCell,
  MAX_CELLS,
  MAX_FILE_BYTES,
  MAX_ROWS,
  TabularError,
  type TabularErrorCode,
  type TabularFormat,
  type UnencodableCell,
} from './tabular-types';
export { csvChunks };

/**
 * Reads an uploaded file into text cells. CSV encoding is detected from the bytes. Throws
 * TabularError: 'tabular_too_large' beyond 50 MB, 200,000 rows or 10 million cells,
 * 'tabular_malformed' (with the line when known) for anything that is not a readable file of
 * the format.
 */
export function decodeTable(bytes: Buffer, format: TabularFormat): DecodedTable {
  if (bytes.length > MAX_FILE_BYTES) throw new TabularError('tabular_too_large');
  if (format === 'xlsx') return { format, rows: decodeXlsx(bytes) };
  const { encoding, text } = decodeCsvText(bytes);
  return { format, encoding, rows: parseCsv(text) };
}

/**
 * Writes rows as a file. CSV: numbers raw, text quoted and neutralised against formulas,
 * CRLF, UTF-8 with BOM unless told otherwise; in CP932, cells holding characters it cannot
 * represent are reported (ok: false) instead of written as '?'. XLSX: one sheet, text cells
 * in text format; `boldHeader` makes the first row bold and freezes it.
 */
export function encodeTable(
  rows: readonly (readonly ExportCell[])[],
  options: {
    format: TabularFormat;
    encoding?: CsvEncoding;
    sheetName?: string;
    boldHeader?: boolean;
  },
): EncodeResult {
  if (options.format === 'xlsx') {
    return {
      ok: true,
      bytes: encodeXlsx(rows, options),
      contentType: XLSX_CONTENT_TYPE,
      extension: 'xlsx',
    };
  }
  const encoding = options.encoding ?? 'utf-8-bom';
  const result = encodeCsv(rows, encoding);
  if (!result.ok) return result;
  return { ok: true, bytes: result.bytes, contentType: csvContentType(encoding), extension: 'csv' };
}
