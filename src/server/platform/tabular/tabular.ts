import iconv from 'iconv-lite';

/**
 * Spreadsheet files that masters are imported from and exported to (issue 4 item 7).
 *
 * INTERIM: this is the contract the master import/export is built against. The CSV reader
 * here handles quoted RFC 4180 text in UTF-8 (with or without BOM) and falls back to CP932;
 * XLSX, encoding detection by content and the unencodable-character report are being built
 * in their own branch and replace the bodies below without changing the signatures.
 */
export type TabularFormat = 'csv' | 'xlsx';
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'cp932';

/** A cell as exported: text stays text (leading zeros kept), numbers are numbers, empty is null. */
export type ExportCell = string | number | null;

export interface DecodedTable {
  format: TabularFormat;
  /** For CSV, the encoding found in the bytes; absent for XLSX. */
  encoding?: CsvEncoding;
  /** Every row as text cells, exactly as stored (no trimming); trailing empty rows removed. */
  rows: string[][];
}

export type TabularErrorCode = 'tabular_malformed' | 'tabular_too_large';

export class TabularError extends Error {
  constructor(
    readonly code: TabularErrorCode,
    /** 1-based line (CSV) or row (XLSX) where reading failed, when known. */
    readonly line?: number,
  ) {
    super(code);
  }
}

export interface UnencodableCell {
  /** 0-based index into the rows passed to encodeTable. */
  row: number;
  column: number;
  /** The characters CP932 cannot hold, in order of appearance, each once. */
  characters: string[];
}

export type EncodeResult =
  | { ok: true; bytes: Buffer; contentType: string; extension: TabularFormat }
  | { ok: false; unencodable: UnencodableCell[] };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const FORMULA_START = /^[=+\-@\t\r]/;

/** OWASP "CSV injection": text a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse on import, so an exported file imports back to the same values. */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export function decodeTable(bytes: Buffer, format: TabularFormat): DecodedTable {
  if (format === 'xlsx') throw new TabularError('tabular_malformed');
  let encoding: CsvEncoding = 'utf-8';
  let text: string;
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) {
    encoding = 'utf-8-bom';
    text = bytes.subarray(3).toString('utf8');
  } else {
    text = bytes.toString('utf8');
    if (text.includes('\uFFFD')) {
      encoding = 'cp932';
      text = iconv.decode(bytes, 'cp932');
    }
  }
  return { format, encoding, rows: parseCsv(text) };
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      line++;
    } else cell += c;
  }
  if (quoted) throw new TabularError('tabular_malformed', line);
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1]?.every((c) => c === '')) rows.pop();
  return rows;
}

export function encodeTable(
  rows: readonly (readonly ExportCell[])[],
  options: { format: TabularFormat; encoding?: CsvEncoding; sheetName?: string },
): EncodeResult {
  if (options.format === 'xlsx') throw new Error('XLSX export is not built yet');
  const text = rows
    .map((row) =>
      row
        .map((cell) => {
          if (cell === null) return '';
          if (typeof cell === 'number') return String(cell);
          return `"${neutraliseFormula(cell).replaceAll('"', '""')}"`;
        })
        .join(','),
    )
    .map((line) => `${line}\r\n`)
    .join('');
  const encoding = options.encoding ?? 'utf-8-bom';
  const body = encoding === 'cp932' ? iconv.encode(text, 'cp932') : Buffer.from(text, 'utf8');
  const bytes = encoding === 'utf-8-bom' ? Buffer.concat([UTF8_BOM, body]) : body;
  return {
    ok: true,
    bytes,
    contentType: `text/csv; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'UTF-8'}`,
    extension: 'csv',
  };
}
