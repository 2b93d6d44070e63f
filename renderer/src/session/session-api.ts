import type { SessionWindowApi } from '@shared/ipc/domains/sessions';

/**
 * window.deskbridge as a session window has it: its own session's calls only (the session preload
 * in Electron; the web host's full bridge is a superset).
 */
export function sessionApi(): SessionWindowApi {
  return window.deskbridge;
}
