import { createContext, useContext } from 'react';
import { LANGUAGES, type Language } from '@shared/ipc/domains/settings';
import { de } from './de';
import { en, type MessageKey } from './en';
import { es } from './es';
import { formatMessage, type MessageVars } from './format';
import { fr } from './fr';
import { ja } from './ja';

export type { Language };
export { LANGUAGES };

export type Catalog = Readonly<Record<MessageKey, string>>;
export const CATALOGS: Readonly<Record<Language, Catalog>> = { en, de, fr, es, ja };

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The language to show: the preference, else the first of the browser's (OS's) languages we ship, else English. */
export function pickLanguage(preference: string, browserLanguages: readonly string[]): Language {
  if (isLanguage(preference)) return preference;
  return browserLanguages.map((l) => l.slice(0, 2).toLowerCase()).find(isLanguage) ?? 'en';
}

/** Words in `language`; a key a catalog lacks (added since its translation) falls back to English. */
export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  // A key can be missing at run time when a catalog lags behind English (see the missing-key test).
  const partial: Partial<Catalog> = catalog;
  return (key, vars) => formatMessage(partial[key] ?? en[key], vars, language);
}

export const I18nContext = createContext<Translate>(translator('en'));
/** The language of the words shown, for Intl (dates, relative times, numbers). */
export const LanguageContext = createContext<Language>('en');

export function useT(): Translate {
  return useContext(I18nContext);
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export type { MessageKey };
