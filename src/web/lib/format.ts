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
