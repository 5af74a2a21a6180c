/** Types and limits shared by the codecs; tabular.ts re-exports them as the public contract. */
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

/**
 * tabular_unencodable is thrown only by the streaming CSV writer in 'fail' mode; encodeTable
 * reports unencodable cells in its result instead.
 */
export type TabularErrorCode = 'tabular_malformed' | 'tabular_too_large' | 'tabular_unencodable';

export class TabularError extends Error {
  constructor(
    readonly code: TabularErrorCode,
    /** 1-based line (CSV) or row (XLSX) where reading failed, when known. */
    readonly line?: number,
  ) {
    super(line === undefined ? code : `${code} (line ${line})`);
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

/** Upload limits: a file beyond either is refused before it can exhaust memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 200_000;
/** Cells including the empty ones a row is padded with: 200,000 rows of 50 columns. */
export const MAX_CELLS = 10_000_000;
