/**
 * How text typed into a spreadsheet cell becomes a master field (issue 4 item 7). Shared by the
 * import (server) and anything in the browser that must read cells the same way.
 *
 * Names and addresses are stored exactly as typed (半角カナ stays 半角). Codes, numbers, phone
 * and postal codes have half-width-only rules, so 全角 digits and letters typed there are
 * folded to half width first (NFKC) — never trimmed of leading zeros.
 */

/** 全角 → 半角 for digits, Latin letters and symbols (NFKC), then trimmed. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC').trim();
}

/** A header cell compared loosely: width, spaces and the 「（必須）」 mark do not matter. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\(必須\)/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/**
 * A number as typed in Excel: 全角 digits, thousands separators (1,200 / １，２００), a leading
 * ¥ or a trailing 円 are accepted. Returns the plain decimal text, '' for an empty cell, or
 * null when it is not a number at all.
 */
export function numberText(text: string): string | null {
  const folded = foldWidth(text)
    .replace(/^[¥\\]/, '')
    .replace(/円$/, '')
    .replace(/[,、]/g, '')
    .replace(/^−|^ー/, '-');
  if (folded === '') return '';
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(folded) ? folded.replace(/^\+/, '') : null;
}

/** A whole number cell; null when it is not one. */
export function integerValue(text: string): number | null | undefined {
  const plain = numberText(text);
  if (plain === '') return undefined;
  if (plain === null || !/^-?\d+$/.test(plain)) return null;
  const value = Number(plain);
  return Number.isSafeInteger(value) ? value : null;
}

const TRUE_WORDS = ['1', 'true', 'yes', 'はい', '○', '〇', '有効', '使用する', '使用', 'する'];
const FALSE_WORDS = ['0', 'false', 'no', 'いいえ', '×', '無効', '使用しない', '不使用', 'しない'];

/** 使用する/使用しない, はい/いいえ, 1/0, ○/×; undefined for an empty cell, null when unknown. */
export function booleanValue(text: string): boolean | null | undefined {
  const folded = foldWidth(text).toLowerCase();
  if (folded === '') return undefined;
  if (TRUE_WORDS.includes(folded)) return true;
  if (FALSE_WORDS.includes(folded)) return false;
  return null;
}

/**
 * A choice typed either as its Japanese label (「税込」「振込」) or as its stored code
 * (inclusive, transfer). Undefined for an empty cell, null when it matches nothing.
 */
export function choiceValue<Key extends string>(
  text: string,
  choices: Readonly<Record<Key, { label: string }>>,
  aliases: Readonly<Record<string, Key>> = {},
): Key | null | undefined {
  const folded = foldWidth(text);
  if (folded === '') return undefined;
  for (const [key, { label }] of Object.entries(choices) as [Key, { label: string }][]) {
    if (folded === foldWidth(label) || folded.toLowerCase() === key.toLowerCase()) return key;
  }
  return aliases[folded] ?? null;
}

/** The labels a choice accepts, for error messages: 「締め請求・手動締め請求・都度請求」. */
export function choiceLabels(choices: Readonly<Record<string, { label: string }>>): string {
  return Object.values(choices)
    .map((choice) => choice.label)
    .join('・');
}

/** 締日 lists: 「15,末」「10・20・末日」「31」; 末/末日 = 31. Null when any part is unreadable. */
export function dayListValue(text: string): number[] | null | undefined {
  const folded = foldWidth(text);
  if (folded === '') return undefined;
  const days: number[] = [];
  for (const part of folded.split(/[,、・/\s]+/).filter((p) => p !== '')) {
    const day = dayValue(part);
    if (day === null || day === undefined) return null;
    days.push(day);
  }
  return days;
}

/** One day of the month: 1–31, 「末」「末日」 = 31, 「15日」 = 15. */
export function dayValue(text: string): number | null | undefined {
  const folded = foldWidth(text).replace(/日$/, '');
  if (folded === '') return undefined;
  if (folded === '末' || folded === '月末') return 31;
  return /^\d{1,2}$/.test(folded) ? Number(folded) : null;
}

/** 日付: 2026-04-01, 2026/4/1, 2026年4月1日 → 2026-04-01; null when unreadable. */
export function dateValue(text: string): string | null | undefined {
  const folded = foldWidth(text);
  if (folded === '') return undefined;
  const match = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(folded);
  if (!match) return null;
  const [, y, m, d] = match;
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
}
