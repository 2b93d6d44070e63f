import { useMemo } from 'react';
import type { SessionInfo } from '@shared/ipc/domains/sessions';
import { api } from '@renderer/ipc/api';
import { useLive } from '@renderer/ipc/use-live';

/** Every open session, kept live; look one up by desktop key (the same map until sessions change). */
export function useSessions(): ReadonlyMap<string, SessionInfo> {
  const snapshot = useLive('sessions:changed', () => api().sessions.list());
  return useMemo(() => {
    const byDesktop = new Map<string, SessionInfo>();
    for (const session of snapshot?.sessions ?? []) byDesktop.set(session.desktopKey, session);
    return byDesktop;
  }, [snapshot]);
}
