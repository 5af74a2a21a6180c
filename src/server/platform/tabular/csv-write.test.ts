import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvChunks } from './csv-write';
import {
  type CsvEncoding,
  decodeTable,
  type ExportCell,
  encodeTable,
  restoreNeutralised,
  TabularError,
} from './tabular';

/** Text whose leading apostrophe restoreNeutralised would take for the exporter's own. */
const AMBIGUOUS = /^'[=+\-@\t\r]/;

function trimTrailingEmpty(rows: string[][]): string[][] {
  const out = [...rows];
  while (out.length > 0 && out[out.length - 1]?.every((cell) => cell === '')) out.pop();
  return out;
}

function roundTrip(rows: string[][], encoding: CsvEncoding): string[][] {
  const encoded = encodeTable(rows, { format: 'csv', encoding });
  if (!encoded.ok) throw new Error(`unencodable: ${JSON.stringify(encoded.unencodable)}`);
  return decodeTable(encoded.bytes, 'csv').rows.map((row) => row.map(restoreNeutralised));
}

const CP932_ALPHABET = [...'aZ09 ,"\r\n\t\'=+-@?;_', ...'あア漢字ｱｶﾞﾟ①Ⅰⅰ㈱髙﨑～∥－￠￡￢〓'];
const cp932Text = fc
  .string({ unit: fc.constantFrom(...CP932_ALPHABET), maxLength: 12 })
  .filter((text) => !AMBIGUOUS.test(text));
const anyText = fc
  .string({ unit: 'binary', maxLength: 12 })
  .filter((text) => !AMBIGUOUS.test(text));
const table = (text: fc.Arbitrary<string>) =>
  fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { maxLength: 8 });

describe('CSV writing', () => {
  it('quotes text, writes numbers raw and empty cells as nothing, with CRLF', () => {
    const encoded = encodeTable(
      [
        ['00123', 'a "b"', 12.5, null, -3],
        ['=SUM(A1)', '+81', '@x', '\tx', 'a=b'],
      ],
      { format: 'csv', encoding: 'utf-8' },
    );
    expect(encoded.ok && encoded.bytes.toString('utf8')).toBe(
      `"00123","a ""b""",12.5,,-3\r\n"'=SUM(A1)","'+81","'@x","'\tx","a=b"\r\n`,
    );
    expect(encoded).toMatchObject({ contentType: 'text/csv; charset=UTF-8', extension: 'csv' });
  });

  it('defaults to UTF-8 with BOM and labels CP932 as Shift_JIS', () => {
    const bom = encodeTable([['a']], { format: 'csv' });
    expect(bom.ok && [...bom.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sjis = encodeTable([['㈱']], { format: 'csv', encoding: 'cp932' });
    expect(sjis.ok && sjis.contentType).toBe('text/csv; charset=Shift_JIS');
    expect(sjis.ok && sjis.bytes.toString('hex')).toBe('22878a220d0a');
  });

  it('reports every cell CP932 cannot hold instead of writing "?"', () => {
    const rows: ExportCell[][] = [
      ['ok', '𠮷野家', 1],
      ['？', null, '😀と😀と㉑'],
    ];
    expect(encodeTable(rows, { format: 'csv', encoding: 'cp932' })).toEqual({
      ok: false,
      unencodable: [
        { row: 0, column: 1, characters: ['𠮷'] },
        { row: 1, column: 2, characters: ['😀', '㉑'] },
      ],
    });
    // The same rows are fine in UTF-8.
    expect(encodeTable(rows, { format: 'csv', encoding: 'utf-8' }).ok).toBe(true);
  });

  it('round-trips arbitrary text through UTF-8 and UTF-8 with BOM', () => {
    for (const encoding of ['utf-8', 'utf-8-bom'] as const) {
      fc.assert(
        fc.property(table(anyText), (rows) => {
          expect(roundTrip(rows, encoding)).toEqual(trimTrailingEmpty(rows));
        }),
      );
    }
  });

  it('round-trips arbitrary CP932-encodable text through CP932', () => {
    fc.assert(
      fc.property(table(cp932Text), (rows) => {
        expect(roundTrip(rows, 'cp932')).toEqual(trimTrailingEmpty(rows));
      }),
    );
  });

  it('streams in batches and replaces or refuses unencodable text', async () => {
    async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
      const parts: Buffer[] = [];
      for await (const chunk of chunks) parts.push(chunk);
      return Buffer.concat(parts);
    }
    const rows = Array.from({ length: 5 }, (_, i) => [String(i).padStart(3, '0'), i]);
    const streamed = await collect(csvChunks(rows, { batch: 2 }));
    const whole = encodeTable(rows, { format: 'csv' });
    expect(whole.ok && whole.bytes.equals(streamed)).toBe(true);
    const bad = [['a'], ['b'], ['𠮷']];
    const replaced = await collect(csvChunks(bad, { encoding: 'cp932', batch: 2 }));
    expect(iconv.decode(replaced, 'cp932')).toBe('"a"\r\n"b"\r\n"〓"\r\n');
    const refused = collect(csvChunks(bad, { encoding: 'cp932', onUnencodable: 'fail' }));
    await expect(refused).rejects.toMatchObject({ code: 'tabular_unencodable', line: 3 });
    await expect(refused).rejects.toBeInstanceOf(TabularError);
  });
});
