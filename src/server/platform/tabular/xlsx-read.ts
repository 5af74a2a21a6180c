import { MAX_CELLS, MAX_ROWS, TabularError } from './tabular-types';
import { attribute, decodeText, scanXml, unescapeOoxml } from './xml-scan';
import { readZip, type ZipArchive } from './zip-read';

/**
 * The first worksheet of an .xlsx as text cells. Supports what Excel, LibreOffice, Google
 * Sheets and common libraries write: shared strings (rich text runs joined, phonetic ルビ
 * runs <rPh> left out), inline strings, numbers kept as the text stored in the XML, booleans,
 * errors, cached formula results, and serial dates under a date number format as YYYY-MM-DD.
 */

/** Everything inflated from one upload together; far above a 200,000-row sheet's XML. */
const INFLATE_BUDGET = 512 * 1024 * 1024;
const MAX_COLUMNS = 16_384;

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

function malformed(line?: number): TabularError {
  return new TabularError('tabular_malformed', line);
}

export function decodeXlsx(bytes: Buffer, budget = INFLATE_BUDGET): string[][] {
  const zip = readZip(bytes, budget);
  const rootRels = relationships(zip, '_rels/.rels', '');
  const workbookPath =
    rootRels.find((rel) => REL_OFFICE_DOCUMENT.test(rel.type))?.target ?? 'xl/workbook.xml';
  const workbook = readXml(zip, workbookPath);
  if (workbook === undefined) throw malformed();
  const { sheetRelId, date1904 } = readWorkbook(workbook);
  const workbookRels = relationships(zip, relsPathOf(workbookPath), dirOf(workbookPath));
  const sheetPath = workbookRels.find((rel) => rel.id === sheetRelId)?.target;
  if (sheetPath === undefined) throw malformed();
  const sharedPath =
    workbookRels.find((rel) => REL_SHARED_STRINGS.test(rel.type))?.target ??
    `${dirOf(workbookPath)}sharedStrings.xml`;
  const stylesPath =
    workbookRels.find((rel) => REL_STYLES.test(rel.type))?.target ??
    `${dirOf(workbookPath)}styles.xml`;
  const sharedXml = readXml(zip, sharedPath);
  const shared = sharedXml === undefined ? [] : readSharedStrings(sharedXml);
  const stylesXml = readXml(zip, stylesPath);
  const dateStyles = stylesXml === undefined ? new Set<number>() : readDateStyles(stylesXml);
  const sheet = readXml(zip, sheetPath);
  if (sheet === undefined) throw malformed();
  return readSheet(sheet, shared, dateStyles, date1904);
}

function readXml(zip: ZipArchive, path: string): string | undefined {
  return zip.read(path)?.toString('utf8');
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function relsPathOf(path: string): string {
  const dir = dirOf(path);
  return `${dir}_rels/${path.slice(dir.length)}.rels`;
}

function resolve(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationships(zip: ZipArchive, path: string, base: string): Relationship[] {
  const xml = readXml(zip, path);
  if (xml === undefined) return [];
  const found: Relationship[] = [];
  scanXml(xml, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const target = attribute(attributes, 'Target');
      if (target === undefined || attribute(attributes, 'TargetMode') === 'External') return;
      found.push({
        id: attribute(attributes, 'Id') ?? '',
        type: attribute(attributes, 'Type') ?? '',
        target: resolve(base, target),
      });
    },
    close() {},
    text() {},
  });
  return found;
}

function readWorkbook(xml: string): { sheetRelId: string; date1904: boolean } {
  let sheetRelId: string | undefined;
  let date1904 = false;
  scanXml(xml, {
    open(name, attributes) {
      if (name === 'sheet' && sheetRelId === undefined) sheetRelId = attribute(attributes, 'id');
      else if (name === 'workbookPr') {
        const value = attribute(attributes, 'date1904');
        date1904 = value === '1' || value === 'true';
      }
    },
    close() {},
    text() {},
  });
  if (sheetRelId === undefined) throw malformed();
  return { sheetRelId, date1904 };
}

/** Text of each <si>: its <t> and the <t> of its rich text runs, without phonetic runs. */
function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  scanXml(xml, {
    open(name, _attributes, selfClosing) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && !selfClosing) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(current === undefined ? '' : unescapeOoxml(current.join('')));
        current = undefined;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(source, start, end, cdata) {
      if (inText && phonetic === 0 && current !== undefined) {
        const raw = source.slice(start, end);
        current.push(cdata ? raw : decodeText(raw));
      }
    },
  });
  return strings;
}

/**
 * Built-in date formats: 14–22 in every locale, and in Japanese Excel 27–31, 34–36 and 50–58
 * (年月日 and 和暦 forms, written by id without a <numFmt>). 32 and 33 are times.
 */
function isBuiltinDate(id: number): boolean {
  return (
    (id >= 14 && id <= 22) ||
    (id >= 27 && id <= 31) ||
    (id >= 34 && id <= 36) ||
    (id >= 50 && id <= 58)
  );
}

function isDateFormatCode(code: string): boolean {
  // Quoted literals, backslash escapes and [colour]/[$-411] sections are not date parts.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  return /[ymd]/.test(bare);
}

/** Indexes of cellXfs whose number format shows a date. */
function readDateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attributes) {
      if (name === 'numFmt') {
        custom.set(
          Number(attribute(attributes, 'numFmtId')),
          attribute(attributes, 'formatCode') ?? '',
        );
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs)
        formats.push(Number(attribute(attributes, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  const dates = new Set<number>();
  formats.forEach((id, index) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : isBuiltinDate(id)) dates.add(index);
  });
  return dates;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Excel's serial day number as a calendar date, 1900 leap-year bug included. */
export function serialToDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial);
  if (!date1904 && days === 60) return '1900-02-29';
  const epoch = date1904 ? EPOCH_1904 : days < 60 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  return new Date(epoch + days * DAY_MS).toISOString().slice(0, 10);
}

function columnIndex(reference: string, line: number): number {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const c = reference.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) column = column * 26 + (c - 0x40);
    else if (c >= 0x61 && c <= 0x7a) column = column * 26 + (c - 0x60);
    else break;
  }
  if (i === 0 || column > MAX_COLUMNS) throw malformed(line);
  return column - 1;
}

function readSheet(
  xml: string,
  shared: readonly string[],
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
): string[][] {
  const rows: string[][] = [];
  // Sparse references (one cell at XFD in every row) must not expand into billions of cells.
  let cells = 0;
  let rowNumber = 0;
  let row: string[] = [];
  let nextColumn = 0;
  // The cell being read.
  let inCell = false;
  let column = 0;
  let type = 'n';
  let style = 0;
  let value = '';
  let inline = '';
  let target: 'v' | 't' | undefined;
  let phonetic = 0;
  let inInline = false;

  const flushRow = () => {
    if (row.length > 0) {
      if (rowNumber > MAX_ROWS) throw new TabularError('tabular_too_large');
      for (let r = rows.length; r < rowNumber - 1; r++) rows.push([]);
      rows[rowNumber - 1] = row;
    }
    row = [];
  };

  const cellText = (): string => {
    switch (type) {
      case 's': {
        const text = shared[Number(value)];
        if (!NUMBER.test(value) || text === undefined) throw malformed(rowNumber);
        return text;
      }
      case 'inlineStr':
        return unescapeOoxml(inline);
      case 'str':
        return unescapeOoxml(value);
      case 'b':
        return value === '' ? '' : value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
      case 'e':
        return value;
      default:
        if (value !== '' && dateStyles.has(style) && NUMBER.test(value)) {
          const serial = Number(value);
          if (serial >= 1) return serialToDate(serial, date1904);
        }
        return value;
    }
  };

  scanXml(xml, {
    open(name, attributes, selfClosing) {
      if (name === 'row') {
        const r = attribute(attributes, 'r');
        rowNumber = r === undefined ? rowNumber + 1 : Number(r);
        if (!Number.isInteger(rowNumber) || rowNumber < 1) throw malformed();
        row = [];
        nextColumn = 0;
      } else if (name === 'c') {
        inCell = true;
        const r = attribute(attributes, 'r');
        column = r === undefined ? nextColumn : columnIndex(r, rowNumber);
        type = attribute(attributes, 't') ?? 'n';
        style = Number(attribute(attributes, 's') ?? 0);
        value = '';
        inline = '';
      } else if (inCell) {
        if (name === 'v' && !selfClosing) target = 'v';
        else if (name === 'is') inInline = true;
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && inInline && !selfClosing) target = 't';
      }
    },
    close(name) {
      if (name === 'c') {
        const text = cellText();
        if (text !== '') {
          if (column >= row.length) {
            cells += column + 1 - row.length;
            if (cells > MAX_CELLS) throw new TabularError('tabular_too_large');
          }
          for (let c = row.length; c < column; c++) row.push('');
          row[column] = text;
        }
        nextColumn = column + 1;
        inCell = false;
        inInline = false;
        phonetic = 0;
        target = undefined;
      } else if (name === 'row') {
        flushRow();
      } else if (name === 'v' || name === 't') target = undefined;
      else if (name === 'rPh') phonetic--;
      else if (name === 'is') inInline = false;
    },
    text(source, start, end, cdata) {
      if (target === undefined || phonetic > 0) return;
      const raw = source.slice(start, end);
      const text = cdata ? raw : decodeText(raw);
      if (target === 'v') value += text;
      else inline += text;
    },
  });
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
  return rows;
}
