import { normalizeForSearch } from '../../src/domain/text/normalize-search';
import { searchCore } from '../../src/domain/text/search-core';
import { createRandom } from './data';
import type { SeededCustomer, SeededTenant } from './search-seed';

/**
 * The search benchmark's query mix (issue 4 item 6): search keys as users type them into the
 * list's search box, taken from real rows of the measured tenant, and the variants each key is
 * sent in (filters, sort, second page).
 */

export const searchKinds = {
  code: 'code prefix (C0123)',
  name: 'partial name, kanji (中間一致)',
  kana: 'kana prefix, katakana',
  halfWidth: 'kana prefix, half-width (ｶﾅ)',
  hiragana: 'kana prefix, hiragana',
  phone: 'phone fragment (5678, 1234-56)',
} as const;
export type SearchKind = keyof typeof searchKinds;

export const searchVariants = {
  plain: 'sort by code',
  filtered: 'with a filter (分類 / 担当者 / 部門 / active=all)',
  kanaSort: 'sort by kana',
  page2: 'second page (cursor)',
} as const;
export type SearchVariant = keyof typeof searchVariants;

export interface SearchKey {
  kind: SearchKind;
  text: string;
}

const PHONE_LIKE = /^[0-9０-９\-－() +]+$/;
const HAN = /^\p{Script=Han}+$/u;

/** Full-width katakana → half-width (ｶﾞ for ガ), the reverse of what NFKC does. */
const toHalfWidth = (() => {
  const map = new Map<string, string>();
  for (let code = 0xff66; code <= 0xff9d; code++) {
    const half = String.fromCharCode(code);
    map.set(half.normalize('NFKC'), half);
    for (const mark of ['ﾞ', 'ﾟ']) {
      const full = (half + mark).normalize('NFKC');
      if ([...full].length === 1) map.set(full, half + mark);
    }
  }
  return (text: string) => [...text].map((char) => map.get(char) ?? char).join('');
})();

const toHiragana = (text: string) =>
  [...text]
    .map((char) => {
      const code = char.codePointAt(0)!;
      return code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : char;
    })
    .join('');

/** `perKind` distinct keys of every kind, from random rows (popular names come up more). */
export function pickSearchKeys(
  rows: readonly SeededCustomer[],
  perKind: number,
  seed: number,
): SearchKey[] {
  const random = createRandom(seed);
  const row = () => rows[Math.floor(random() * rows.length)]!;
  const makers: Record<SearchKind, () => string | null> = {
    code: () => {
      const code = row().code;
      return code.slice(0, random() < 0.7 ? 5 : 6);
    },
    name: () => {
      const chars = [...row().searchName];
      if (chars.length < 3) return null;
      const length = random() < 0.7 ? 2 : 3;
      const start = 1 + Math.floor(random() * (chars.length - length));
      const part = chars.slice(start, start + length).join('');
      return HAN.test(part) && part.length === length ? part : null;
    },
    kana: () => kanaPrefix(row().searchKana, random()),
    halfWidth: () => {
      const prefix = kanaPrefix(row().searchKana, random());
      return prefix && toHalfWidth(prefix);
    },
    hiragana: () => {
      const prefix = kanaPrefix(row().searchKana, random());
      return prefix && toHiragana(prefix);
    },
    phone: () => {
      const parts = row().phone.split('-');
      if (parts.length !== 3) return null;
      return random() < 0.5 ? parts[2]! : `${parts[1]}-${parts[2]!.slice(0, 2)}`;
    },
  };
  const keys: SearchKey[] = [];
  for (const kind of Object.keys(makers) as SearchKind[]) {
    const texts = new Set<string>();
    for (let attempt = 0; texts.size < perKind && attempt < perKind * 200; attempt++) {
      const text = makers[kind]();
      if (text) texts.add(text);
    }
    keys.push(...[...texts].map((text) => ({ kind, text })));
  }
  return keys;
}

function kanaPrefix(kana: string, random: number): string | null {
  const chars = [...kana.replace(/ .*/, '')];
  const length = 2 + Math.floor(random * 3);
  return chars.length >= length ? chars.slice(0, length).join('') : null;
}

/** What the API's `q` matches (partner-list.ts), recomputed over the generated rows. */
export function expectedMatches(rows: readonly SeededCustomer[], q: string): number {
  const key = normalizeForSearch(q);
  const core = searchCore(key);
  const digits = PHONE_LIKE.test(q) ? key.replace(/\D/g, '') : '';
  let count = 0;
  for (const row of rows) {
    if (!row.isActive) continue;
    if (
      row.code.startsWith(q) ||
      row.searchKana.startsWith(key) ||
      (core !== '' && row.searchName.includes(core)) ||
      (digits.length > 0 && row.phone.replace(/\D/g, '').includes(digits))
    ) {
      count++;
    }
  }
  return count;
}

/** The filter a key's `filtered` variant uses: one of four, in turn. */
export function filterFor(index: number, tenant: SeededTenant): string {
  switch (index % 4) {
    case 0:
      return `classifications=${tenant.itemIds[0]![2]}`;
    case 1:
      return `staff=${tenant.staffIds[1]}`;
    case 2:
      return `department=${tenant.departmentIds[0]}`;
    default:
      return 'active=all';
  }
}
