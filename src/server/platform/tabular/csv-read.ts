import { isUtf8 } from 'node:buffer';
import { decodeCp932 } from './cp932';
import { type CsvEncoding, MAX_CELLS, MAX_ROWS, TabularError } from './tabular-types';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The encoding is read from the bytes, never asked: a BOM means UTF-8 with BOM; bytes that are
 * valid UTF-8 by the strict definition (no overlong forms, no surrogates) are UTF-8; anything
 * else is taken as CP932. CP932 text with kanji is practically never valid UTF-8, and a
 * pure-ASCII file is the same in both, reported as 'utf-8'.
 */
export function detectCsvEncoding(bytes: Buffer): CsvEncoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return 'utf-8-bom';
  }
  return isUtf8(bytes) ? 'utf-8' : 'cp932';
}

export function decodeCsvText(bytes: Buffer): { encoding: CsvEncoding; text: string } {
  const encoding = detectCsvEncoding(bytes);
  if (encoding === 'utf-8-bom') {
    return { encoding, text: bytes.subarray(UTF8_BOM.length).toString('utf8') };
  }
  return { encoding, text: encoding === 'utf-8' ? bytes.toString('utf8') : decodeCp932(bytes) };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * RFC 4180 with what Excel also accepts: CRLF, LF or CR line ends, a last line without one, a
 * quote inside an unquoted field kept as text, and text after a closing quote appended to the
 * field. Cells are never trimmed. Empty rows in the middle are kept (they are rows the user
 * sees); empty rows at the end are not. Fields are sliced, not built character by character,
 * so a 50 MB file parses in one linear pass.
 */
export function parseCsv(text: string, maxRows = MAX_ROWS): string[][] {
  const rows: string[][] = [];
  const length = text.length;
  let row: string[] = [];
  // Empty rows wait here until a row with content follows, so trailing ones are dropped.
  const pending: string[][] = [];
  let line = 1;
  let i = 0;
  let cells = 0;

  const endRow = () => {
    if (row.every((cell) => cell === '')) {
      if (pending.length >= maxRows) throw new TabularError('tabular_too_large');
      pending.push(row);
    } else {
      if (rows.length + pending.length + 1 > maxRows) throw new TabularError('tabular_too_large');
      for (const empty of pending) rows.push(empty);
      pending.length = 0;
      rows.push(row);
    }
    row = [];
  };

  while (i <= length) {
    // At the start of a field.
    let cell: string;
    if (i < length && text.charCodeAt(i) === QUOTE) {
      const startLine = line;
      let parts = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) throw new TabularError('tabular_malformed', startLine);
        line += countLineBreaks(text, from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          parts += text.slice(from, close + 1);
          from = close + 2;
        } else {
          parts += text.slice(from, close);
          i = close + 1;
          break;
        }
      }
      // Text between the closing quote and the delimiter, as Excel keeps it.
      const end = fieldEnd(text, i);
      cell = end > i ? parts + text.slice(i, end) : parts;
      i = end;
    } else {
      const end = fieldEnd(text, i);
      cell = text.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (++cells > MAX_CELLS) throw new TabularError('tabular_too_large');
    if (i >= length) {
      endRow();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      continue;
    }
    // A line break ends the row.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    endRow();
    if (i >= length) break;
  }
  return rows;
}

function fieldEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === LF || c === CR) return j;
  }
  return text.length;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === LF) n++;
    else if (c === CR && text.charCodeAt(j + 1) !== LF) n++;
  }
  return n;
}
