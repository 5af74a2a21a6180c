import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cp932Unencodable, decodeCp932, encodeCp932, encodeCp932Replacing } from './cp932';

describe('CP932', () => {
  it('round-trips the NEC and IBM extensions and half-width kana', () => {
    const text = '①Ⅰⅰ㈱髙﨑ｶﾌﾞｼｷｶﾞｲｼｬ～∥－￠￡￢';
    expect(cp932Unencodable(text)).toEqual([]);
    const bytes = encodeCp932(text);
    expect(bytes.subarray(0, 2).toString('hex')).toBe('8740'); // ① in NEC row 13
    expect(decodeCp932(bytes)).toBe(text);
  });

  it('writes the JIS forms (〜 ‖ − ¢ £ ¬ —) as the same bytes Shift_JIS gives them', () => {
    const jis = '〜‖−¢£¬—';
    expect(cp932Unencodable(jis)).toEqual([]);
    expect(encodeCp932(jis).toString('hex')).toBe(
      iconv.encode('～∥－￠￡￢―', 'cp932').toString('hex'),
    );
    expect(decodeCp932(encodeCp932(jis))).toBe('～∥－￠￡￢―');
  });

  it('names each character it cannot hold once, in order, and never counts real "?"', () => {
    expect(cp932Unencodable('?𠮷野家😀𠮷㉑?')).toEqual(['𠮷', '😀', '㉑']);
    expect(cp932Unencodable('本当??')).toEqual([]);
  });

  it('replaces what it cannot hold with 〓 and counts it, for streamed exports', () => {
    const { bytes, replaced } = encodeCp932Replacing('𠮷野家?😀〜');
    expect(decodeCp932(bytes)).toBe('〓野家?〓～');
    expect(replaced).toBe(2);
  });
});
