/**
 * Every language is complete: each key of the English catalog (i18n/*.ts, every feature's
 * messages-*.ts, the error codes) is worded in de, fr, es and ja with the same placeholders.
 * A failure names exactly the missing or differing keys per language.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS, LANGUAGES, pickLanguage, translator } from '@renderer/i18n';
import { en } from '@renderer/i18n/en';
import { formatMessage, placeholders } from '@renderer/i18n/format';
import { ERROR_CODES } from '@shared/ipc/errors';

const ROOT = join(__dirname, '..', '..');
const OTHERS = LANGUAGES.filter((language) => language !== 'en');
const sorted = (names: Set<string>) => [...names].sort().join(',');

/** What is wrong with one language's catalog, as lines a person can act on. */
function catalogProblems(english: Readonly<Record<string, string>>, other: Readonly<Record<string, string | undefined>>): string[] {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(english)) {
    const translated = other[key];
    if (typeof translated !== 'string' || translated.trim() === '') {
      problems.push(`missing: ${key}`);
      continue;
    }
    const want = placeholders(text);
    const got = placeholders(translated);
    if (sorted(want) !== sorted(got)) problems.push(`placeholders differ: ${key} (en {${sorted(want)}}, here {${sorted(got)}})`);
  }
  for (const key of Object.keys(other)) if (!(key in english)) problems.push(`not in English: ${key}`);
  return problems;
}

describe('the message catalogs', () => {
  it.each(OTHERS)('%s has every English key, each with the same placeholders', (language) => {
    expect(catalogProblems(en, CATALOGS[language]), `${language}: fix these keys`).toEqual([]);
  });

  it('reports exactly which keys are missing or differ', () => {
    const english = { 'a.one': 'Hello {name}', 'a.two': 'Bye', 'a.three': '{count, plural, one {# item} other {# items}}' };
    expect(catalogProblems(english, { 'a.one': 'Hallo {nom}', 'a.three': '{count, plural, other {# Dinge}}', 'a.extra': 'x' })).toEqual([
      'placeholders differ: a.one (en {name}, here {nom})',
      'missing: a.two',
      'not in English: a.extra',
    ]);
  });

  it('words every error code core can send in every language', () => {
    for (const language of LANGUAGES) {
      const missing = ERROR_CODES.filter((code) => !CATALOGS[language][`error.${code}`]);
      expect(missing, language).toEqual([]);
    }
  });

  it('has a messages file in every language beside each feature’s English one', () => {
    const features = join(ROOT, 'renderer/src/features');
    const missing: string[] = [];
    for (const feature of readdirSync(features)) {
      const files = readdirSync(join(features, feature));
      if (!files.includes('messages-en.ts')) continue;
      for (const language of LANGUAGES) if (!files.includes(`messages-${language}.ts`)) missing.push(`${feature}/messages-${language}.ts`);
    }
    const i18n = readdirSync(join(ROOT, 'renderer/src/i18n'));
    for (const language of LANGUAGES) for (const file of [`${language}.ts`, `errors-${language}.ts`]) if (!i18n.includes(file)) missing.push(`i18n/${file}`);
    expect(missing).toEqual([]);
  });
});

describe('words through Intl', () => {
  it('chooses plural forms by the language’s rules and formats numbers in it', () => {
    const plural = '{count, plural, one {# entry} other {# entries}} of at most {capacity}';
    expect(formatMessage(plural, { count: 1, capacity: 1000 }, 'en')).toBe('1 entry of at most 1,000');
    expect(formatMessage(plural, { count: 2, capacity: 1000 }, 'en')).toBe('2 entries of at most 1,000');
    expect(translator('de')('diagnostics.count', { count: 1, capacity: 1000 })).toBe('1 Eintrag von höchstens 1.000');
    // French counts 0 and 1 as singular; English does not.
    expect(translator('fr')('diagnostics.count', { count: 0, capacity: 500 })).toBe('0 entrée sur 500 au maximum');
    expect(translator('en')('diagnostics.count', { count: 0, capacity: 500 })).toBe('0 entries of at most 500');
  });

  it('labels running modes in the language, not with AWS’s enum names', () => {
    for (const language of OTHERS) {
      const t = translator(language);
      expect(t('desktops.mode.AUTO_STOP'), language).not.toMatch(/AutoStop|AUTO_STOP/);
      expect(t('desktops.mode.ALWAYS_ON'), language).not.toMatch(/AlwaysOn|ALWAYS_ON/);
    }
  });

  it('picks the preference, else the first system language it ships, else English', () => {
    expect(pickLanguage('ja', ['de-DE'])).toBe('ja');
    expect(pickLanguage('system', ['pt-BR', 'es-MX', 'de'])).toBe('es');
    expect(pickLanguage('system', ['fr-CA'])).toBe('fr');
    expect(pickLanguage('system', ['pt-BR'])).toBe('en');
  });

  it('falls back to English for a key a catalog lacks, never undefined', () => {
    const t = translator('ja');
    const catalog = CATALOGS.ja as Record<string, string>;
    const saved = catalog['app.loading'];
    delete catalog['app.loading'];
    try {
      expect(t('app.loading')).toBe('Loading…');
    } finally {
      catalog['app.loading'] = saved!;
    }
  });
});
