import type { ConnectOutcome } from '@shared/ipc/domains/sessions';
import type { Result } from '@shared/ipc/result';
import { api } from '@renderer/ipc/api';

/** The viewer page's address in the web host: the harness token (in the fragment) travels along. */
export function viewerUrl(viewerPath: string, currentHash: string): string {
  const params = new URLSearchParams(currentHash.replace(/^#/, ''));
  const target = new URL(viewerPath, location.href);
  for (const [key, value] of new URLSearchParams(target.hash.replace(/^#/, ''))) params.set(key, value);
  target.hash = params.toString();
  return target.toString();
}

/**
 * Connects a desktop; where the host has no session windows (web host) the viewer opens as a new
 * page. The outcome tells the caller whether to offer Web Access.
 */
export async function connectDesktop(desktopKey: string): Promise<Result<ConnectOutcome>> {
  const result = await api().sessions.connect(desktopKey);
  if (result.ok && result.value.kind === 'session' && result.value.viewerPath) {
    window.open(viewerUrl(result.value.viewerPath, location.hash), `deskbridge-session-${result.value.session.id}`);
  }
  return result;
}
