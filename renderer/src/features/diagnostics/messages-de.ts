import type { diagnosticsEn } from './messages-en';

/** Deutsche Meldungen der Diagnose-Ansicht (in i18n/de.ts eingebunden). */
export const diagnosticsDe: Record<keyof typeof diagnosticsEn, string> = {
  'diagnostics.open': 'Protokoll',
  'diagnostics.title': 'Deskbridge-Protokoll',
  'diagnostics.explain': 'Nur im Arbeitsspeicher und beim Beenden von Deskbridge gelöscht. Tokens, Schlüssel und Passwörter werden vor dem Protokollieren entfernt.',
  'diagnostics.level': 'Detailgrad',
  'diagnostics.level.debug': 'Alles (Debug)',
  'diagnostics.level.info': 'Normal',
  'diagnostics.level.warn': 'Warnungen und Fehler',
  'diagnostics.level.error': 'Nur Fehler',
  'diagnostics.refresh': 'Aktualisieren',
  'diagnostics.export': 'Als Datei speichern …',
  'diagnostics.close': 'Schließen',
  'diagnostics.empty': 'Noch nichts protokolliert.',
  'diagnostics.count': '{count, plural, one {# Eintrag} other {# Einträge}} von höchstens {capacity}',
  'diagnostics.failed': 'Das Protokoll konnte nicht gelesen werden: {message}',
};
