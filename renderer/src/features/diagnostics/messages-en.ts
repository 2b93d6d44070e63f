/** English messages of the diagnostics feature (spread into i18n/en.ts). */
export const diagnosticsEn = {
  'diagnostics.open': 'Logs',
  'diagnostics.title': 'Deskbridge logs',
  'diagnostics.explain': 'Kept in memory only and cleared when Deskbridge quits. Tokens, keys and passwords are removed before anything is logged.',
  'diagnostics.level': 'Detail',
  'diagnostics.level.debug': 'Everything (debug)',
  'diagnostics.level.info': 'Normal',
  'diagnostics.level.warn': 'Warnings and errors',
  'diagnostics.level.error': 'Errors only',
  'diagnostics.refresh': 'Refresh',
  'diagnostics.export': 'Save as file…',
  'diagnostics.close': 'Close',
  'diagnostics.empty': 'Nothing logged yet.',
  'diagnostics.count': '{count, plural, one {# entry} other {# entries}} of at most {capacity}',
  'diagnostics.failed': 'The logs could not be read: {message}',
} as const;
