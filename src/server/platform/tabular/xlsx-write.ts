import { zipBuffer } from '../zip/zip-writer';
import { ByteWriter } from './byte-writer';
import { neutraliseFormula } from './formula';
import type { ExportCell } from './tabular-types';

/**
 * A minimal .xlsx (SpreadsheetML, ECMA-376 transitional): one sheet, shared strings, a style
 * table whose text style has number format '@' so a code such as 00123 stays text when the
 * user edits the cell. String cells are never evaluated as formulas, yet text is neutralised
 * as in CSV: a user who copies cells out or saves the sheet as CSV must not get a live
 * formula, and one import rule (restoreNeutralised) serves both formats.
 */
export const XLSX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes into cellXfs below. */
const STYLE_TEXT = 1;
const STYLE_HEADER_TEXT = 2;
const STYLE_HEADER_NUMBER = 3;

/**
 * Characters XML 1.0 cannot carry (control characters, U+FFFE/U+FFFF, lone surrogates) are
 * written the way Excel writes them, as _xHHHH_ (ST_Xstring), and so is CR, which XML readers
 * would otherwise turn into LF. A literal "_xHHHH_" gets its underscore escaped as _x005F_.
 * Nothing is dropped: the reader turns them back, and Excel shows the original characters.
 */
const NEEDS_OOXML_ESCAPE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
  /[\x00-\x08\x0B-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

function hex4(char: string): string {
  return `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters need escaping
const NEEDS_ESCAPE_AT_ALL = /[&<>"\x00-\x1F_\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXmlText(text: string): string {
  // Most cells (codes, names, amounts) need nothing: one test instead of five passes.
  if (!NEEDS_ESCAPE_AT_ALL.test(text)) return text;
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replace(NEEDS_OOXML_ESCAPE, hex4);
}

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** Excel refuses sheet names over 31 characters, empty ones, and any of \ / ? * [ ] : */
export function safeSheetName(name: string | undefined): string {
  const cleaned = (name ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is removed
    .replace(/[\\/?*[\]:\x00-\x1F]/g, '_')
    .replace(/^'+|'+$/g, '')
    .slice(0, 31);
  return cleaned === '' ? 'Sheet1' : cleaned;
}

/**
 * Text goes to the shared-string table (as Excel writes it): a master repeats values (tax
 * type, prefecture, 締日) and the sheet XML stays a third of the inline-string size.
 */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly xml = new ByteWriter();
  count = 0;

  add(text: string): number {
    this.count++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.index.size;
      this.index.set(text, at);
      // xml:space only where XML would otherwise drop or fold the whitespace.
      this.xml.ascii(/^\s|\s$|\n|\t/.test(text) ? '<si><t xml:space="preserve">' : '<si><t>');
      this.xml.utf8(escapeXmlText(text));
      this.xml.ascii('</t></si>');
    }
    return at;
  }

  toXml(): Buffer {
    const head = `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.index.size}">`;
    return Buffer.concat([Buffer.from(head), this.xml.toBuffer(), Buffer.from('</sst>')]);
  }
}

function sheetXml(
  rows: readonly (readonly ExportCell[])[],
  boldHeader: boolean,
  shared: SharedStrings,
): Buffer {
  const xml = new ByteWriter();
  xml.ascii(`${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  if (boldHeader && rows.length > 1) {
    xml.ascii(
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    );
  }
  xml.ascii('<sheetData>');
  const columns: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const number = String(r + 1);
    const header = boldHeader && r === 0;
    xml.ascii('<row r="');
    xml.ascii(number);
    xml.ascii('">');
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === null || cell === undefined) continue;
      xml.ascii('<c r="');
      const column = columns[c] ?? columnName(c);
      columns[c] = column;
      xml.ascii(column);
      xml.ascii(number);
      if (typeof cell === 'number' && Number.isFinite(cell)) {
        xml.ascii(header ? `" s="${STYLE_HEADER_NUMBER}"><v>` : '"><v>');
        xml.ascii(String(cell));
      } else {
        xml.ascii(`" s="${header ? STYLE_HEADER_TEXT : STYLE_TEXT}" t="s"><v>`);
        xml.ascii(String(shared.add(neutraliseFormula(String(cell)))));
      }
      xml.ascii('</v></c>');
    }
    xml.ascii('</row>');
  }
  xml.ascii('</sheetData></worksheet>');
  return xml.toBuffer();
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">\
<fonts count="2">\
<font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font>\
<font><b/><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font>\
</fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="4">\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
</cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>`;

const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
</Types>`;

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">\
<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>`;

const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">\
<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>\
<Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>\
</Relationships>`;

export function encodeXlsx(
  rows: readonly (readonly ExportCell[])[],
  options: { sheetName?: string; boldHeader?: boolean } = {},
): Buffer {
  const name = escapeXmlText(safeSheetName(options.sheetName));
  const workbook = `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">\
<sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const shared = new SharedStrings();
  const sheet = sheetXml(rows, options.boldHeader ?? false, shared);
  return zipBuffer(
    [
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: '_rels/.rels', data: ROOT_RELS },
      { name: 'xl/workbook.xml', data: workbook },
      { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
      { name: 'xl/styles.xml', data: STYLES },
      { name: 'xl/sharedStrings.xml', data: shared.toXml() },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ],
    1,
  );
}
