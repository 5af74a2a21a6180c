import { formatJapaneseDate } from '../../../domain/lifecycle/purge-policy';
import { toJstIso } from '../../../domain/time/jst';
import type { Language } from '../../i18n/i18n';

/** 「2026年12月1日」 in Japanese, 2026-12-01 in English; always the date in Japan. */
export function formatContractDate(iso: string, language: Language): string {
  const date = new Date(iso);
  return language === 'ja' ? formatJapaneseDate(date) : toJstIso(date).slice(0, 10);
}
