import type { SessionInfo } from '../../../../shared/ipc/domains/sessions';
import { api } from '../../ipc/api';
import { useLive } from '../../ipc/use-live';

/** Every open session, kept live; look one up by desktop key. */
export function useSessions(): ReadonlyMap<string, SessionInfo> {
  const snapshot = useLive('sessions:changed', () => api().sessions.list());
  const byDesktop = new Map<string, SessionInfo>();
  for (const session of snapshot?.sessions ?? []) byDesktop.set(session.desktopKey, session);
  return byDesktop;
}
