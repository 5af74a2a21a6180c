import { cp932Unencodable, encodeCp932, encodeCp932Replacing } from './cp932';
import { neutraliseFormula } from './formula';
import {
  type CsvEncoding,
  type ExportCell,
  TabularError,
  type UnencodableCell,
} from './tabular-types';

/**
 * The one CSV writer of the codebase (RFC 4180, CRLF). Text is always quoted and neutralised
 * against formula injection; numbers are written raw so a spreadsheet reads them as numbers.
 * `quoteAll` is the audit log's older style, where every cell (numbers too) is quoted text.
 */
export function csvCell(cell: ExportCell | undefined, quoteAll = false): string {
  if (cell === null || cell === undefined) return quoteAll ? '""' : '';
  if (typeof cell === 'number' && !quoteAll) return String(cell);
  return `"${neutraliseFormula(String(cell)).replaceAll('"', '""')}"`;
}

export function csvLine(cells: readonly (ExportCell | undefined)[], quoteAll = false): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += csvCell(cells[i], quoteAll);
  }
  return `${line}\r\n`;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function csvContentType(encoding: CsvEncoding): string {
  return `text/csv; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'UTF-8'}`;
}

/**
 * A whole table as CSV bytes, or the cells CP932 cannot hold. The text is encoded once; only
 * when that loses characters is each cell looked at, so the common case costs one pass.
 */
export function encodeCsv(
  rows: readonly (readonly ExportCell[])[],
  encoding: CsvEncoding,
): { ok: true; bytes: Buffer } | { ok: false; unencodable: UnencodableCell[] } {
  const lines: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) lines[i] = csvLine(rows[i] ?? []);
  const text = lines.join('');
  if (encoding !== 'cp932') {
    const body = Buffer.from(text, 'utf8');
    return { ok: true, bytes: encoding === 'utf-8-bom' ? Buffer.concat([UTF8_BOM, body]) : body };
  }
  if (cp932Unencodable(text).length === 0) return { ok: true, bytes: encodeCp932(text) };
  return { ok: false, unencodable: findUnencodable(rows) };
}

export function findUnencodable(rows: readonly (readonly ExportCell[])[]): UnencodableCell[] {
  const found: UnencodableCell[] = [];
  rows.forEach((cells, row) => {
    cells.forEach((cell, column) => {
      if (typeof cell !== 'string') return;
      const characters = cp932Unencodable(cell);
      if (characters.length > 0) found.push({ row, column, characters });
    });
  });
  return found;
}

export interface CsvTextEncoder {
  /** Bytes that open the file (the UTF-8 byte order mark Excel needs to detect UTF-8). */
  readonly preamble: Buffer;
  encode(text: string): Buffer;
  /** How many characters were replaced by 〓 so far (CP932 only). */
  readonly replaced: number;
}

/**
 * For streamed exports that cannot stop to ask (audit log, contract-end export): CP932 text
 * gets 〓 for what it cannot hold, counted so the caller can say so.
 */
export function createCsvTextEncoder(encoding: CsvEncoding): CsvTextEncoder {
  if (encoding !== 'cp932') {
    return {
      preamble: encoding === 'utf-8-bom' ? UTF8_BOM : Buffer.alloc(0),
      encode: (text) => Buffer.from(text, 'utf8'),
      replaced: 0,
    };
  }
  let replaced = 0;
  return {
    preamble: Buffer.alloc(0),
    encode(text) {
      const result = encodeCp932Replacing(text);
      replaced += result.replaced;
      return result.bytes;
    },
    get replaced() {
      return replaced;
    },
  };
}

/**
 * Streaming CSV for large exports: rows are encoded in batches as they arrive. A CP932 stream
 * cannot report every unencodable cell up front, so it either replaces them with 〓
 * ('replace') or stops with TabularError('tabular_unencodable', 1-based line) ('fail').
 */
export async function* csvChunks(
  rows: AsyncIterable<readonly ExportCell[]> | Iterable<readonly ExportCell[]>,
  options: { encoding?: CsvEncoding; onUnencodable?: 'replace' | 'fail'; batch?: number } = {},
): AsyncGenerator<Buffer> {
  const encoding = options.encoding ?? 'utf-8-bom';
  const encoder = createCsvTextEncoder(encoding);
  const batchSize = options.batch ?? 1000;
  const fail = encoding === 'cp932' && options.onUnencodable === 'fail';
  if (encoder.preamble.length > 0) yield encoder.preamble;
  let batch: (readonly ExportCell[])[] = [];
  let line = 1;
  const flush = () => {
    const text = batch.map((cells) => csvLine(cells)).join('');
    if (fail) {
      const [first] = findUnencodable(batch);
      if (first) throw new TabularError('tabular_unencodable', line + first.row);
    }
    line += batch.length;
    batch = [];
    return encoder.encode(text);
  };
  for await (const cells of rows) {
    batch.push(cells);
    if (batch.length >= batchSize) yield flush();
  }
  if (batch.length > 0) yield flush();
}
