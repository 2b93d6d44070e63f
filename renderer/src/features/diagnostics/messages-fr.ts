import type { diagnosticsEn } from './messages-en';

/** Messages français du diagnostic (inclus dans i18n/fr.ts). */
export const diagnosticsFr: Record<keyof typeof diagnosticsEn, string> = {
  'diagnostics.open': 'Journaux',
  'diagnostics.title': 'Journaux de Deskbridge',
  'diagnostics.explain': 'Conservés en mémoire uniquement et effacés à la fermeture de Deskbridge. Les jetons, clés et mots de passe sont retirés avant toute écriture.',
  'diagnostics.level': 'Niveau de détail',
  'diagnostics.level.debug': 'Tout (débogage)',
  'diagnostics.level.info': 'Normal',
  'diagnostics.level.warn': 'Avertissements et erreurs',
  'diagnostics.level.error': 'Erreurs uniquement',
  'diagnostics.refresh': 'Actualiser',
  'diagnostics.export': 'Enregistrer dans un fichier…',
  'diagnostics.close': 'Fermer',
  'diagnostics.empty': 'Rien n’a encore été consigné.',
  'diagnostics.count': '{count, plural, one {# entrée} other {# entrées}} sur {capacity} au maximum',
  'diagnostics.failed': 'Les journaux n’ont pas pu être lus : {message}',
};
