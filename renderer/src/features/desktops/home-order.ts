import type { DesktopEntry } from '@shared/ipc/domains/desktops';
import type { SessionInfo } from '@shared/ipc/domains/sessions';
import type { DesktopState } from '@shared/models/desktop';

/** The home's groups, in order: ready or in use, starting, stopped, problems. */
export type HomeGroup = 0 | 1 | 2 | 3;

const STARTING: ReadonlySet<DesktopState> = new Set(['STARTING', 'REBOOTING', 'PENDING', 'REBUILDING', 'RESTORING', 'UPDATING']);
const STOPPED: ReadonlySet<DesktopState> = new Set(['STOPPED', 'STOPPING']);
const LIVE_SESSION = new Set<SessionInfo['status']>(['launching', 'connecting', 'connected', 'reconnecting', 'handed-off']);

/** Which group a desktop belongs to: a connect under way counts as starting, an open session as in use. */
export function homeGroup(d: DesktopEntry, session: SessionInfo | undefined): HomeGroup {
  if (session !== undefined && LIVE_SESSION.has(session.status)) return 0;
  if (d.state === 'AVAILABLE') return 0;
  if (d.connect?.phase === 'starting' || d.pending?.action === 'connect' || STARTING.has(d.state)) return 1;
  if (STOPPED.has(d.state)) return 2;
  return 3;
}

/**
 * The home's order: by group; within a group the desktops connected to in this run first (most
 * recent first; `recent` lives in renderer memory only), then the list's own order (org, name).
 */
export function orderForHome(desktops: readonly DesktopEntry[], sessions: ReadonlyMap<string, SessionInfo>, recent: readonly string[]): DesktopEntry[] {
  const rank = (key: string): number => {
    const i = recent.indexOf(key);
    return i === -1 ? recent.length : i;
  };
  return desktops
    .map((d, index) => ({ d, index, group: homeGroup(d, sessions.get(d.key)), rank: rank(d.key) }))
    .sort((a, b) => a.group - b.group || a.rank - b.rank || a.index - b.index)
    .map((x) => x.d);
}

/** `recent` after a connect to `key`: it moves to the front (at most `limit` kept). */
export function rememberConnect(recent: readonly string[], key: string, limit = 20): string[] {
  return [key, ...recent.filter((k) => k !== key)].slice(0, limit);
}
