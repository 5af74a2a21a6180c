import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createCsvEncoder, csvRow, toCp932 } from './audit-csv';

describe('audit CSV cells', () => {
  it('quotes every cell, doubles quotes and ends rows with CRLF', () => {
    expect(csvRow(['a', 'say "hi"', null, 3])).toBe('"a","say ""hi""","","3"\r\n');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const cells = ['=1+1', '+81', '-2', '@SUM(A1)', '\tx', '\rx', 'a=b'];
    expect(csvRow(cells)).toBe(`"'=1+1","'+81","'-2","'@SUM(A1)","'\tx","'\rx","a=b"\r\n`);
  });
});

describe('CP932 encoding', () => {
  it('keeps what Shift_JIS can hold, including real question marks', () => {
    const { bytes, replaced } = toCp932('株式会社ｱｲｳ ①髙? ～');
    expect(replaced).toBe(0);
    expect(iconv.decode(bytes, 'cp932')).toBe('株式会社ｱｲｳ ①髙? ～');
  });

  it('replaces characters CP932 lacks with 〓 and counts them', () => {
    const encoder = createCsvEncoder('cp932');
    const bytes = encoder.encode('𠮷野家?😀');
    expect(iconv.decode(bytes, 'cp932')).toBe('〓野家?〓');
    expect(encoder.replaced).toBe(2);
    expect(encoder.preamble.length).toBe(0);
  });

  it('opens UTF-8 files with a byte order mark', () => {
    expect([...createCsvEncoder('utf8').preamble]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
