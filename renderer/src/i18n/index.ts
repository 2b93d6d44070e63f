import { createContext, useContext } from 'react';
import { de } from './de';
import { en, type MessageKey } from './en';

export type Language = 'en' | 'de';
const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, de };

export type Translate = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string;

export function pickLanguage(preference: string, browserLanguages: readonly string[]): Language {
  if (preference === 'en' || preference === 'de') return preference;
  const match = browserLanguages.map((l) => l.slice(0, 2).toLowerCase()).find((l): l is Language => l === 'en' || l === 'de');
  return match ?? 'en';
}

export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return (key, vars) => catalog[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`));
}

export const I18nContext = createContext<Translate>(translator('en'));

export function useT(): Translate {
  return useContext(I18nContext);
}

export type { MessageKey };
