import type { Language } from '../i18n/i18n';

const jstDateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026/11/25 08:06` in Japan time, whatever the browser's own time zone. */
export function formatJstDateTime(iso: string): string {
  const parts = Object.fromEntries(
    jstDateTime.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}`;
}

export function formatCount(value: number, language: Language): string {
  return value.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-US');
}

/**
 * A decimal text from the API with thousands separators: "12980.50" → "12,980.50". Works on
 * the digits, so a price never passes through a binary float on its way to the screen.
 */
export function formatDecimalText(text: string | null, empty = '—'): string {
  if (text === null || text === '') return empty;
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  const [, sign, whole = '', fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}
