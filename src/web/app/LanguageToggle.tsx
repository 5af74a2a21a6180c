import { SegmentedControl } from '@mantine/core';
import { type Language, languages, useLanguage, useT } from '../i18n/i18n';

export function LanguageToggle({ onDark = false }: { onDark?: boolean }) {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t.common.language}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      data={languages.map((value) => ({ value, label: t.common.languages[value] }))}
      className={onDark ? 'akinai-lang-on-dark' : undefined}
    />
  );
}
