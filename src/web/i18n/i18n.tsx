import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en } from './en';
import { ja, type Messages } from './ja';

export type Language = 'ja' | 'en';

export const languages: readonly Language[] = ['ja', 'en'];

const dictionaries: Record<Language, Messages> = { ja, en };
const STORAGE_KEY = 'akinai.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

/** The language the API client asks the server to answer in (problem titles). */
let currentLanguage: Language = typeof window === 'undefined' ? 'ja' : storedLanguage();

export function activeLanguage(): Language {
  return currentLanguage;
}

interface I18nContextValue {
  language: Language;
  messages: Messages;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18nContextValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(currentLanguage);

  const setLanguage = useCallback((next: Language) => {
    currentLanguage = next;
    document.documentElement.lang = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this page only.
    }
    setLanguageState(next);
  }, []);

  const value = useMemo(
    () => ({ language, messages: dictionaries[language], setLanguage }),
    [language, setLanguage],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

function useI18nContext(): I18nContextValue {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useT() needs an <I18nProvider> above it');
  return context;
}

/** The messages of the current language: `const t = useT(); t.login.submit`. */
export function useT(): Messages {
  return useI18nContext().messages;
}

export function useLanguage(): [Language, (language: Language) => void] {
  const { language, setLanguage } = useI18nContext();
  return [language, setLanguage];
}
