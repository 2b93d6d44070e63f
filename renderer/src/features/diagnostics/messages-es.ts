import type { diagnosticsEn } from './messages-en';

/** Mensajes en español del diagnóstico (incluidos en i18n/es.ts). */
export const diagnosticsEs: Record<keyof typeof diagnosticsEn, string> = {
  'diagnostics.open': 'Registros',
  'diagnostics.title': 'Registros de Deskbridge',
  'diagnostics.explain': 'Se guardan solo en memoria y se borran al cerrar Deskbridge. Los tokens, claves y contraseñas se eliminan antes de registrar nada.',
  'diagnostics.level': 'Nivel de detalle',
  'diagnostics.level.debug': 'Todo (depuración)',
  'diagnostics.level.info': 'Normal',
  'diagnostics.level.warn': 'Advertencias y errores',
  'diagnostics.level.error': 'Solo errores',
  'diagnostics.refresh': 'Actualizar',
  'diagnostics.export': 'Guardar como archivo…',
  'diagnostics.close': 'Cerrar',
  'diagnostics.empty': 'Todavía no hay nada registrado.',
  'diagnostics.count': '{count, plural, one {# entrada} other {# entradas}} de un máximo de {capacity}',
  'diagnostics.failed': 'No se pudieron leer los registros: {message}',
};
