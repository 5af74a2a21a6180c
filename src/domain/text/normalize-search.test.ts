import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from './normalize-search';

describe('normalizeForSearch', () => {
  it('makes half-width kana, katakana and hiragana equal', () => {
    const keys = ['ｶﾌﾞｼｷｶﾞｲｼｬ', 'カブシキガイシャ', 'かぶしきがいしゃ'].map(normalizeForSearch);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe('カブシキガイシャ');
  });

  it('folds full-width Latin letters and digits and lower-cases them', () => {
    expect(normalizeForSearch('ＡＢＣ－１２３')).toBe('abc-123');
  });

  it('collapses runs of white space including the ideographic space', () => {
    expect(normalizeForSearch('  株式会社\u3000 山田  ')).toBe('株式会社 山田');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeForSearch(text);
        expect(normalizeForSearch(once)).toBe(once);
      }),
    );
  });
});
