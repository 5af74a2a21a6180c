import iconv from 'iconv-lite';

/**
 * CP932 (Windows-31J), the encoding Excel in Japan reads and writes for CSV. iconv-lite's table
 * includes the NEC and IBM extensions (①, Ⅰ, ㈱, 髙) and writes '?' for what it cannot map.
 * The one CP932 encoder of the codebase: master export reports unencodable characters, the
 * audit and contract-end exports replace them with 〓 and count them.
 */

/**
 * Characters that strict Shift_JIS (JIS X 0208) and CP932 give to the same byte pair but
 * Unicode keeps apart: text typed on a Mac or converted by a JIS table carries the left forms,
 * which iconv-lite cannot encode. Writing the CP932 form is what Windows itself does, and the
 * bytes are exactly what the character is in Shift_JIS, so nothing is lost for the reader.
 */
const JIS_TO_CP932: Readonly<Record<string, string>> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥
  '\u2212': '\uFF0D', // − MINUS SIGN → －
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u2014': '\u2015', // — EM DASH → ―
};
const JIS_FORMS = /[\u301C\u2016\u2212\u00A2\u00A3\u00AC\u2014]/g;
const HAS_JIS_FORM = /[\u301C\u2016\u2212\u00A2\u00A3\u00AC\u2014]/;

/** Shift_JIS cannot hold every character; this one is in CP932 and is the customary 〓 (geta). */
export const CP932_REPLACEMENT = '〓';
const QUESTION = 0x3f;
const REPLACEMENT_BYTES = iconv.encode(CP932_REPLACEMENT, 'cp932');

function fold(text: string): string {
  return HAS_JIS_FORM.test(text) ? text.replace(JIS_FORMS, (c) => JIS_TO_CP932[c] ?? c) : text;
}

/**
 * '?' bytes cannot occur inside CP932 double-byte characters (trail bytes start at 0x40), so
 * comparing their count with the text's real question marks finds losses in one pass; only
 * text with losses is looked at character by character.
 */
function lossless(text: string, bytes: Buffer): boolean {
  let inBytes = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === QUESTION) inBytes++;
  let inText = 0;
  for (let i = text.indexOf('?'); i !== -1; i = text.indexOf('?', i + 1)) inText++;
  return inBytes === inText;
}

function encodesToQuestion(char: string): boolean {
  if (char === '?') return false;
  const bytes = iconv.encode(char, 'cp932');
  return bytes.length === 1 && bytes[0] === QUESTION;
}

/** The characters of `text` CP932 cannot hold, in order of appearance, each once. */
export function cp932Unencodable(text: string): string[] {
  const folded = fold(text);
  if (lossless(folded, iconv.encode(folded, 'cp932'))) return [];
  const found = new Set<string>();
  for (const char of folded) if (!found.has(char) && encodesToQuestion(char)) found.add(char);
  return [...found];
}

/** Encodes text that is known to be encodable (or where '?' is acceptable). */
export function encodeCp932(text: string): Buffer {
  return iconv.encode(fold(text), 'cp932');
}

/** Encodes with 〓 in place of every character CP932 lacks, and says how many there were. */
export function encodeCp932Replacing(text: string): { bytes: Buffer; replaced: number } {
  const folded = fold(text);
  const bytes = iconv.encode(folded, 'cp932');
  if (lossless(folded, bytes)) return { bytes, replaced: 0 };
  let replaced = 0;
  const parts: Buffer[] = [];
  for (const char of folded) {
    if (encodesToQuestion(char)) {
      replaced++;
      parts.push(REPLACEMENT_BYTES);
    } else {
      parts.push(iconv.encode(char, 'cp932'));
    }
  }
  return { bytes: Buffer.concat(parts), replaced };
}

export function decodeCp932(bytes: Buffer): string {
  return iconv.decode(bytes, 'cp932');
}
