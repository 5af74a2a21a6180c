import iconv from 'iconv-lite';
import type { CsvEncoding } from './audit-log.schema';

/**
 * CSV for spreadsheet users (RFC 4180 with CRLF). Every cell is quoted, and a cell that a
 * spreadsheet would read as a formula gets a leading apostrophe (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Shift_JIS cannot hold every character; this one is in CP932 and is the customary 〓 (geta). */
export const CP932_REPLACEMENT = '〓';

export interface CsvEncoder {
  /** Bytes that open the file (the UTF-8 byte order mark Excel needs to detect UTF-8). */
  readonly preamble: Buffer;
  encode(text: string): Buffer;
  /** How many characters were replaced by 〓 so far. */
  readonly replaced: number;
}

export function createCsvEncoder(encoding: CsvEncoding): CsvEncoder {
  if (encoding === 'utf8') {
    return {
      preamble: Buffer.from([0xef, 0xbb, 0xbf]),
      encode: (text) => Buffer.from(text, 'utf8'),
      replaced: 0,
    };
  }
  let replaced = 0;
  return {
    preamble: Buffer.alloc(0),
    encode(text) {
      const result = toCp932(text);
      replaced += result.replaced;
      return result.bytes;
    },
    get replaced() {
      return replaced;
    },
  };
}

const QUESTION = 0x3f;

/**
 * iconv-lite writes '?' for what CP932 lacks, which would silently corrupt names such as 𠮷 or
 * 髙's rarer cousins. '?' bytes cannot occur inside CP932 double-byte characters, so counting
 * them finds losses cheaply; only then is the text re-encoded per character with 〓.
 */
export function toCp932(text: string): { bytes: Buffer; replaced: number } {
  const bytes = iconv.encode(text, 'cp932');
  if (count(bytes, QUESTION) === countChar(text, '?')) return { bytes, replaced: 0 };
  let replaced = 0;
  const parts: Buffer[] = [];
  for (const char of text) {
    const encoded = iconv.encode(char, 'cp932');
    if (char !== '?' && encoded.length === 1 && encoded[0] === QUESTION) {
      replaced++;
      parts.push(iconv.encode(CP932_REPLACEMENT, 'cp932'));
    } else {
      parts.push(encoded);
    }
  }
  return { bytes: Buffer.concat(parts), replaced };
}

function count(bytes: Buffer, value: number): number {
  let n = 0;
  for (const byte of bytes) if (byte === value) n++;
  return n;
}

function countChar(text: string, char: string): number {
  return text.split(char).length - 1;
}
