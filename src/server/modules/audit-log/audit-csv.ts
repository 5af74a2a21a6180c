import { CP932_REPLACEMENT, encodeCp932Replacing } from '../../platform/tabular/cp932';
import {
  type CsvTextEncoder,
  createCsvTextEncoder,
  csvLine,
  csvCell as platformCsvCell,
} from '../../platform/tabular/csv-write';
import type { CsvEncoding } from './audit-log.schema';

/**
 * The audit log and contract-end exports on the platform CSV writer and CP932 encoder
 * (platform/tabular): every cell quoted as text (numbers too, as these files always were),
 * formulas neutralised, CRLF; CP932 writes 〓 for what it cannot hold and counts it, because a
 * streamed download cannot stop to report.
 */
export { CP932_REPLACEMENT };
export type CsvEncoder = CsvTextEncoder;

export function csvCell(value: string | number | null | undefined): string {
  return platformCsvCell(value ?? null, true);
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return csvLine(cells, true);
}

export function createCsvEncoder(encoding: CsvEncoding): CsvEncoder {
  return createCsvTextEncoder(encoding === 'utf8' ? 'utf-8-bom' : 'cp932');
}

export function toCp932(text: string): { bytes: Buffer; replaced: number } {
  return encodeCp932Replacing(text);
}
