/**
 * Search keys for Japanese text: ｶﾌﾞｼｷ, カブシキ and かぶしき must find the same record, and
 * full-width Ａ１ must match half-width a1. NFKC folds width (and half-width kana with their
 * voiced marks), then hiragana are shifted onto katakana and Latin letters lower-cased.
 */
const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KATAKANA_OFFSET = 0x60;

export function normalizeForSearch(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  let result = '';
  for (const char of folded) {
    const code = char.codePointAt(0)!;
    result +=
      code >= HIRAGANA_START && code <= HIRAGANA_END
        ? String.fromCodePoint(code + KATAKANA_OFFSET)
        : char;
  }
  return result.replace(/\s+/g, ' ').trim();
}
