import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectCsvEncoding, parseCsv } from './csv-read';
import { decodeTable, MAX_FILE_BYTES, TabularError } from './tabular';

function failure(run: () => unknown): TabularError {
  try {
    run();
  } catch (error) {
    if (error instanceof TabularError) return error;
    throw error;
  }
  throw new Error('expected a TabularError');
}

describe('CSV encoding detection', () => {
  it('takes a pure-ASCII file as UTF-8', () => {
    expect(decodeTable(Buffer.from('code,name\r\n001,abc\r\n'), 'csv')).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      rows: [
        ['code', 'name'],
        ['001', 'abc'],
      ],
    });
  });

  it('recognises the BOM and leaves it out of the first cell', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('得意先,名前\n')]);
    expect(decodeTable(bytes, 'csv')).toMatchObject({
      encoding: 'utf-8-bom',
      rows: [['得意先', '名前']],
    });
  });

  it('reads a file as Excel in Japan saves it: CP932, CRLF, no BOM', () => {
    const text =
      '得意先コード,得意先名,カナ\r\n00012,㈱髙橋商店,ﾀｶﾊｼｼｮｳﾃﾝ\r\n00013,"①号店, 本店",ｱｲｳ\r\n';
    const table = decodeTable(iconv.encode(text, 'cp932'), 'csv');
    expect(table.encoding).toBe('cp932');
    expect(table.rows).toEqual([
      ['得意先コード', '得意先名', 'カナ'],
      ['00012', '㈱髙橋商店', 'ﾀｶﾊｼｼｮｳﾃﾝ'],
      ['00013', '①号店, 本店', 'ｱｲｳ'],
    ]);
  });

  it('uses a strict UTF-8 check: overlong forms and surrogates are not UTF-8', () => {
    expect(detectCsvEncoding(Buffer.from([0x61, 0xc0, 0xaf]))).toBe('cp932');
    expect(detectCsvEncoding(Buffer.from([0xed, 0xa0, 0x80]))).toBe('cp932');
    expect(detectCsvEncoding(Buffer.from('髙', 'utf8'))).toBe('utf-8');
    // Half-width kana alone in CP932 (single bytes 0xA1–0xDF) are never valid UTF-8.
    expect(detectCsvEncoding(iconv.encode('ｱｲｳｴｵ', 'cp932'))).toBe('cp932');
  });
});

describe('CSV parsing (RFC 4180 as Excel reads it)', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes', () => {
    expect(parseCsv('"a,b","say ""hi""","x\r\ny","line\nbreak"\r\nlast,row')).toEqual([
      ['a,b', 'say "hi"', 'x\r\ny', 'line\nbreak'],
      ['last', 'row'],
    ]);
  });

  it('accepts CRLF, LF and CR line ends and a last line without one', () => {
    expect(parseCsv('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('keeps leading zeros and spaces, and empty cells', () => {
    expect(parseCsv(' 007 ,,"  ",\n')).toEqual([[' 007 ', '', '  ', '']]);
  });

  it('keeps a stray quote inside an unquoted field as text, like Excel', () => {
    expect(parseCsv('12"3,a"b"\n')).toEqual([['12"3', 'a"b"']]);
    expect(parseCsv('"ab"cd,e')).toEqual([['abcd', 'e']]);
  });

  it('keeps empty rows in the middle and drops them at the end', () => {
    expect(parseCsv('a\n\n,\nb\n\n,,\n\r\n')).toEqual([['a'], [''], ['', ''], ['b']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\r\n\r\n')).toEqual([]);
  });

  it('reports an unterminated quote with the line it starts on', () => {
    const error = failure(() => parseCsv('a,b\r\nc,"d\r\ne\r\n'));
    expect(error.code).toBe('tabular_malformed');
    expect(error.line).toBe(2);
    expect(failure(() => parseCsv('"x\n"\n"y\n"\n"z')).line).toBe(5);
  });

  it('refuses more rows than the limit, and files over 50 MB', () => {
    expect(parseCsv('a\nb\nc', 3)).toHaveLength(3);
    expect(failure(() => parseCsv('a\nb\nc\nd', 3)).code).toBe('tabular_too_large');
    expect(failure(() => parseCsv('\n'.repeat(10), 3)).code).toBe('tabular_too_large');
    const big = Buffer.alloc(MAX_FILE_BYTES + 1, 0x61);
    expect(failure(() => decodeTable(big, 'csv')).code).toBe('tabular_too_large');
  });
});
