import { TabularError } from './tabular-types';

/**
 * A small pull-free XML scanner for the parts of OOXML the reader needs: elements (by local
 * name, namespace prefixes dropped), their raw attribute text and character data. One left to
 * right pass with indexOf, so it stays linear on a 100,000-row sheet. A DOCTYPE is refused:
 * spreadsheets never carry one and it is where entity-expansion attacks live.
 */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data between xml[start] and xml[end]: raw (entities undecoded) or CDATA. */
  text(xml: string, start: number, end: number, cdata: boolean): void;
}

function malformed(): TabularError {
  return new TabularError('tabular_malformed');
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export function scanXml(xml: string, handler: XmlHandler): void {
  const length = xml.length;
  let pos = 0;
  while (pos < length) {
    const lt = xml.indexOf('<', pos);
    if (lt === -1) {
      handler.text(xml, pos, length, false);
      return;
    }
    if (lt > pos) handler.text(xml, pos, lt, false);
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) throw malformed();
      pos = end + 2;
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) throw malformed();
        pos = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) throw malformed();
        handler.text(xml, lt + 9, end, true);
        pos = end + 3;
      } else {
        throw malformed();
      }
    } else if (next === 0x2f /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt === -1) throw malformed();
      handler.close(localName(xml.slice(lt + 2, gt).trim()));
      pos = gt + 1;
    } else {
      // '>' may appear unescaped inside attribute values, so quotes are skipped as a whole.
      let gt = lt + 1;
      for (; gt < length; gt++) {
        const c = xml.charCodeAt(gt);
        if (c === 0x22 || c === 0x27) {
          gt = xml.indexOf(c === 0x22 ? '"' : "'", gt + 1);
          if (gt === -1) throw malformed();
        } else if (c === 0x3e) break;
      }
      if (gt >= length) throw malformed();
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const inner = selfClosing ? gt - 1 : gt;
      let nameEnd = lt + 1;
      while (nameEnd < inner && !isSpace(xml.charCodeAt(nameEnd))) nameEnd++;
      if (nameEnd === lt + 1) throw malformed();
      handler.open(localName(xml.slice(lt + 1, nameEnd)), xml.slice(nameEnd, inner), selfClosing);
      if (selfClosing) handler.close(localName(xml.slice(lt + 1, nameEnd)));
      pos = gt + 1;
    }
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** An attribute's decoded value by local name (r:id → "id"), or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  let i = 0;
  const length = attributes.length;
  while (i < length) {
    while (i < length && isSpace(attributes.charCodeAt(i))) i++;
    const eq = attributes.indexOf('=', i);
    if (eq === -1) return undefined;
    const key = attributes.slice(i, eq).trim();
    let q = eq + 1;
    while (q < length && isSpace(attributes.charCodeAt(q))) q++;
    const quote = attributes[q];
    if (quote !== '"' && quote !== "'") throw malformed();
    const close = attributes.indexOf(quote, q + 1);
    if (close === -1) throw malformed();
    if (key === name || localName(key) === name) {
      return decodeEntities(attributes.slice(q + 1, close));
    }
    i = close + 1;
  }
  return undefined;
}

const ENTITY = /&(#[xX][0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** XML end-of-line handling (CRLF and CR read as LF), then entity and character references. */
export function decodeText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return decodeEntities(text);
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, ref: string) => {
    if (ref.charCodeAt(0) !== 0x23) return NAMED[ref] ?? '';
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    if (!(code >= 0 && code <= 0x10ffff)) throw malformed();
    return String.fromCodePoint(code);
  });
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * OOXML strings carry characters XML 1.0 forbids (control characters) as _xHHHH_, and a
 * literal "_xHHHH_" as _x005F_xHHHH_ (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(OOXML_ESCAPE, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}
