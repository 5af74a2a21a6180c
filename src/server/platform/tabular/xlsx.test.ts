import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipBuffer } from '../zip/zip-writer';
import {
  decodeTable,
  type ExportCell,
  encodeTable,
  restoreNeutralised,
  TabularError,
} from './tabular';
import { decodeXlsx, serialToDate } from './xlsx-read';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'akinai-xlsx-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const hasOpenpyxl = await run('python3', ['-c', 'import openpyxl'])
  .then(() => true)
  .catch(() => false);

function failure(run: () => unknown): TabularError {
  try {
    run();
  } catch (error) {
    if (error instanceof TabularError) return error;
    throw error;
  }
  throw new Error('expected a TabularError');
}

function xlsx(rows: readonly (readonly ExportCell[])[], sheetName?: string): Buffer {
  const encoded = encodeTable(rows, { format: 'xlsx', sheetName, boldHeader: true });
  if (!encoded.ok) throw new Error('xlsx is always encodable');
  return encoded.bytes;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook as Japanese Excel writes one: shared strings with ルビ, styles, two sheets. */
function excelStyleWorkbook(sheetXml: string, options: { date1904?: boolean } = {}): Buffer {
  return zipBuffer([
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="得意先" sheetId="2" r:id="rId3"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId5" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    {
      name: 'xl/sharedStrings.xml',
      data: `<sst ${NS} count="4" uniqueCount="4"><si><t>得意先</t></si><si><r><rPr><b/></rPr><t>株式会社</t></r><r><t xml:space="preserve"> 髙橋</t></r><rPh sb="0" eb="4"><t>カブシキガイシャ</t></rPh><phoneticPr fontId="1"/></si><si><t>AT&amp;T &lt;&#x9AD9;&#26666;&gt; "q"</t></si><si><t>00123</t></si><si><t>bell_x0007_ and _x005F_x0041_</t></si></sst>`,
    },
    {
      name: 'xl/styles.xml',
      data: `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy/mm/dd"/><numFmt numFmtId="177" formatCode="#,##0&quot;円&quot;;[Red]\\-#,##0"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="31"/><xf numFmtId="177"/><xf numFmtId="49"/></cellXfs></styleSheet>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`,
    },
    { name: 'xl/worksheets/sheet2.xml', data: sheetXml },
  ]);
}

describe('XLSX reading', () => {
  it('reads the first sheet in tab order with every cell type Excel writes', () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}><dimension ref="A1:I6"/><sheetData>
<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve">  padded </t></is></c></row>
<row r="2"><c r="A2" t="str"><f>"ca"&amp;"lc"</f><v>calc</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2"><v>123</v></c><c r="E2" s="1"><v>45000</v></c><c r="F2" s="2"><v>45000.75</v></c><c r="G2" s="3"><v>45000</v></c><c r="H2" s="4"><v>1500</v></c><c r="I2" t="s"><v>1</v></c></row>
<row r="4"><c t="inlineStr"><is><t>a</t></is></c><c><v>1.5E-3</v></c><c r="D4" t="s" s="5"><v>3</v></c><c r="E4" t="s"><v>2</v></c><c r="F4" t="s"><v>4</v></c></row>
<row r="5"><c r="Z5" s="1"/></row><row r="6"/>
</sheetData><pageMargins left="0.7"/></worksheet>`;
    expect(decodeTable(excelStyleWorkbook(sheet), 'xlsx')).toEqual({
      format: 'xlsx',
      rows: [
        ['得意先', '', '  padded '],
        [
          'calc',
          'TRUE',
          '#N/A',
          '123',
          '2023-03-15',
          '2023-03-15',
          '2023-03-15',
          '1500',
          '株式会社 髙橋',
        ],
        [],
        ['a', '1.5E-3', '', '00123', 'AT&T <髙株> "q"', 'bell\u0007 and _x0041_'],
      ],
    });
  });

  it('reads dates of the 1904 system and around the 1900 leap-year bug', () => {
    const sheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" s="1"><v>45000</v></c></row></sheetData></worksheet>`;
    expect(decodeTable(excelStyleWorkbook(sheet, { date1904: true }), 'xlsx').rows).toEqual([
      ['2027-03-16'],
    ]);
    expect(serialToDate(1, false)).toBe('1900-01-01');
    expect(serialToDate(59, false)).toBe('1900-02-28');
    expect(serialToDate(60, false)).toBe('1900-02-29');
    expect(serialToDate(61, false)).toBe('1900-03-01');
  });

  it('accepts namespace prefixes and CDATA, and refuses a DOCTYPE', () => {
    const prefixed = `<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t><![CDATA[<raw & text>]]></x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(decodeTable(excelStyleWorkbook(prefixed), 'xlsx').rows).toEqual([['', '<raw & text>']]);
    const doctype = `<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet ${NS}><sheetData/></worksheet>`;
    expect(failure(() => decodeTable(excelStyleWorkbook(doctype), 'xlsx')).code).toBe(
      'tabular_malformed',
    );
  });

  it('refuses what is not an xlsx as malformed', () => {
    const good = xlsx([['a']]);
    const cases: Buffer[] = [
      Buffer.from('code,name\r\n001,abc\r\n'),
      Buffer.alloc(0),
      good.subarray(0, good.length - 30),
      zipBuffer([{ name: 'a.txt', data: 'hello' }]),
      patchCentral(good, 'xl/workbook.xml', 8, 2, 0x0001), // encrypted
      patchCentral(good, 'xl/workbook.xml', 10, 2, 12), // bzip2
      patchCentral(good, 'xl/workbook.xml', 16, 4, 0x12345678), // wrong CRC-32
      patchEnd(good, 10, 2, 0xffff), // ZIP64 marker
    ];
    for (const bytes of cases) {
      expect(failure(() => decodeTable(bytes, 'xlsx')).code).toBe('tabular_malformed');
    }
  });

  it('stops zip bombs: inflation ends at the declared size, and sizes count against a budget', () => {
    const bomb = encodeWithSheet(Buffer.alloc(5_000_000, 0x20));
    expect(bomb.length).toBeLessThan(10_000);
    // An entry that claims to be small but inflates to 5 MB is cut off, not allocated.
    const lying = patchCentral(bomb, 'xl/worksheets/sheet1.xml', 24, 4, 1000);
    expect(failure(() => decodeTable(lying, 'xlsx')).code).toBe('tabular_malformed');
    // An entry that declares 4 GB is refused before inflating.
    const huge = patchCentral(bomb, 'xl/worksheets/sheet1.xml', 24, 4, 0xfffffff0);
    expect(failure(() => decodeTable(huge, 'xlsx')).code).toBe('tabular_too_large');
    // The budget covers all entries of one upload together.
    expect(failure(() => decodeXlsx(bomb, 4_000_000)).code).toBe('tabular_too_large');
  });

  it('refuses sparse references that would expand into too many cells', () => {
    const rows = Array.from(
      { length: 700 },
      (_, r) => `<row r="${r + 1}"><c r="XFD${r + 1}"><v>1</v></c></row>`,
    ).join('');
    const sheet = `<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;
    expect(failure(() => decodeTable(excelStyleWorkbook(sheet), 'xlsx')).code).toBe(
      'tabular_too_large',
    );
    const far = `<worksheet ${NS}><sheetData><row r="200001"><c r="A200001"><v>1</v></c></row></sheetData></worksheet>`;
    expect(failure(() => decodeTable(excelStyleWorkbook(far), 'xlsx')).code).toBe(
      'tabular_too_large',
    );
  });
});

/** A workbook around raw sheet bytes: 5 MB of spaces deflate to a few KB, a small zip bomb. */
function encodeWithSheet(sheet: Buffer): Buffer {
  const wrapped = Buffer.concat([
    Buffer.from(`<worksheet ${NS}><sheetData/>`),
    sheet,
    Buffer.from('</worksheet>'),
  ]);
  return excelStyleWorkbookRaw(wrapped);
}

function excelStyleWorkbookRaw(sheet: Buffer): Buffer {
  return zipBuffer([
    {
      name: 'xl/workbook.xml',
      data: `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ]);
}

/** Overwrites a field of the named entry's central directory header. */
function patchCentral(zip: Buffer, name: string, offset: number, size: 2 | 4, value: number) {
  const copy = Buffer.from(zip);
  for (let at = copy.length - 22; at >= 0; at--) {
    if (copy.readUInt32LE(at) !== 0x02014b50) continue;
    const length = copy.readUInt16LE(at + 28);
    if (copy.toString('utf8', at + 46, at + 46 + length) !== name) continue;
    if (size === 2) copy.writeUInt16LE(value, at + offset);
    else copy.writeUInt32LE(value >>> 0, at + offset);
    return copy;
  }
  throw new Error(`no entry ${name}`);
}

function patchEnd(zip: Buffer, offset: number, size: 2 | 4, value: number): Buffer {
  const copy = Buffer.from(zip);
  const at = copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (size === 2) copy.writeUInt16LE(value, at + offset);
  else copy.writeUInt32LE(value, at + offset);
  return copy;
}

describe('XLSX writing', () => {
  const rows: ExportCell[][] = [
    ['コード', '名前', '単価'],
    ['00123', '㈱髙橋 & <Sons>', 1200.5],
    ['=HYPERLINK("http://x")', null, -3],
    ['line\r\nbreak\ttab', '\u0001bell_x0041_', 0],
  ];

  it('round-trips text, numbers and gaps, with formulas neutralised', () => {
    const decoded = decodeTable(xlsx(rows), 'xlsx').rows;
    expect(decoded).toEqual([
      ['コード', '名前', '単価'],
      ['00123', '㈱髙橋 & <Sons>', '1200.5'],
      [`'=HYPERLINK("http://x")`, '', '-3'],
      ['line\r\nbreak\ttab', '\u0001bell_x0041_', '0'],
    ]);
    expect(restoreNeutralised(decoded[2]?.[0] ?? '')).toBe('=HYPERLINK("http://x")');
  });

  it('round-trips arbitrary cells (property)', () => {
    const text = fc
      .string({ unit: 'binary', maxLength: 10 })
      .filter((t) => !/^'[=+\-@\t\r]/.test(t));
    const cell = fc.oneof(text, fc.double(), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), (input) => {
        const expected = input.map((row) => {
          const cells = row.map((c) => (c === null ? '' : String(c)));
          while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
          return cells;
        });
        while (expected.length > 0 && expected[expected.length - 1]?.length === 0) expected.pop();
        const decoded = decodeTable(xlsx(input), 'xlsx').rows;
        expect(decoded.map((row) => row.map(restoreNeutralised))).toEqual(expected);
      }),
    );
  });

  it('writes a package Python reads: valid ZIP, well-formed XML, text style on text cells', async () => {
    const file = join(dir, 'export.xlsx');
    await writeFile(file, xlsx(rows, '得意先/一覧:2026'));
    const script = `
import sys, zipfile, json, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for n in z.namelist(): xml.dom.minidom.parseString(z.read(n))
wb = xml.dom.minidom.parseString(z.read('xl/workbook.xml'))
sheet = xml.dom.minidom.parseString(z.read('xl/worksheets/sheet1.xml'))
styles = xml.dom.minidom.parseString(z.read('xl/styles.xml'))
xfs = styles.getElementsByTagName('cellXfs')[0].getElementsByTagName('xf')
shared = [''.join(t.firstChild.data if t.firstChild else '' for t in si.getElementsByTagName('t')) for si in xml.dom.minidom.parseString(z.read('xl/sharedStrings.xml')).getElementsByTagName('si')]
def value(c):
    v = ''.join(v.firstChild.data for v in c.getElementsByTagName('v'))
    return shared[int(v)] if c.getAttribute('t') == 's' else v
cells = {c.getAttribute('r'): (c.getAttribute('t'), xfs[int(c.getAttribute('s') or 0)].getAttribute('numFmtId'), value(c)) for c in sheet.getElementsByTagName('c')}
print(json.dumps({'names': z.namelist(), 'sheet': wb.getElementsByTagName('sheet')[0].getAttribute('name'), 'cells': cells}, ensure_ascii=False))
`;
    const { stdout } = await run('python3', ['-c', script, file]);
    const parsed = JSON.parse(stdout);
    expect(parsed.names).toContain('[Content_Types].xml');
    expect(parsed.sheet).toBe('得意先_一覧_2026');
    expect(parsed.cells.A2).toEqual(['s', '49', '00123']);
    expect(parsed.cells.C2).toEqual(['', '0', '1200.5']);
    expect(parsed.cells.A3).toEqual(['s', '49', `'=HYPERLINK("http://x")`]);
    expect(parsed.cells.B4).toEqual(['s', '49', '_x0001_bell_x005F_x0041_']);
    expect(parsed.cells.B3).toBeUndefined();
  });

  it.skipIf(!hasOpenpyxl)('opens in openpyxl with the same values', async () => {
    const file = join(dir, 'openpyxl.xlsx');
    await writeFile(file, xlsx(rows));
    const { stdout } = await run('python3', [
      '-c',
      'import sys, json, openpyxl; ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]; print(json.dumps([[c for c in r] for r in ws.iter_rows(values_only=True)], ensure_ascii=False))',
      file,
    ]);
    expect(JSON.parse(stdout)[1]).toEqual(['00123', '㈱髙橋 & <Sons>', 1200.5]);
  });
});
