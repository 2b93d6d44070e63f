import type { Durations, WorkspaceRecord, WorkspaceState } from './types';

/**
 * Lazy state machine: nothing runs on timers; every read settles due transitions against the
 * emulator clock, so tests drive time with clock.advance() and stop() leaves nothing behind.
 */
export function settle(ws: WorkspaceRecord, now: number, durations: Durations): void {
  for (let guard = 0; guard < 8; guard += 1) {
    if (ws.transition !== undefined && ws.transition.at <= now) {
      const { to, at } = ws.transition;
      ws.transition = undefined;
      enter(ws, to, at);
      continue;
    }
    if (ws.modification !== undefined && ws.modification.completesAt <= now) {
      const mod = ws.modification;
      ws.modification = undefined;
      ws.props = { ...ws.props, ...mod.patch };
      if (ws.state === 'UPDATING') ws.state = mod.resumeState;
      continue;
    }
    const autoStopAt = autoStopDue(ws);
    if (autoStopAt !== undefined && autoStopAt <= now) {
      ws.state = 'STOPPING';
      ws.transition = { to: 'STOPPED', at: autoStopAt + durations.stopMs };
      continue;
    }
    return;
  }
}

function autoStopDue(ws: WorkspaceRecord): number | undefined {
  if (ws.state !== 'AVAILABLE' || ws.props.runningMode !== 'AUTO_STOP') return undefined;
  if (ws.connection === 'CONNECTED' || ws.transition !== undefined || ws.modification !== undefined) return undefined;
  const minutes = ws.props.autoStopTimeoutMinutes ?? 60;
  return ws.idleSince + minutes * 60_000;
}

function enter(ws: WorkspaceRecord, state: WorkspaceState, at: number): void {
  ws.state = state;
  ws.stateSince = at;
  if (state === 'AVAILABLE') {
    ws.idleSince = Math.max(ws.idleSince, at);
    ws.errorCode = undefined;
    ws.errorMessage = undefined;
  }
  if (state === 'STOPPED') ws.connection = 'DISCONNECTED';
}

/** Begins a transition: the intermediate state now, the final one after `ms`. */
export function begin(ws: WorkspaceRecord, via: WorkspaceState, to: WorkspaceState, now: number, ms: number): void {
  if (ws.connection === 'CONNECTED' && via !== 'STARTING') {
    // Stopping, rebooting or rebuilding ends the user's session.
    ws.connection = 'DISCONNECTED';
    ws.lastUserConnectionAt = now;
  }
  ws.state = via;
  ws.stateSince = now;
  ws.transition = { to, at: now + ms };
}

export function setConnection(ws: WorkspaceRecord, state: WorkspaceRecord['connection'], now: number): void {
  if (state === 'CONNECTED' || ws.connection === 'CONNECTED') ws.lastUserConnectionAt = now;
  if (state !== 'CONNECTED') ws.idleSince = Math.max(ws.idleSince, now);
  ws.connection = state;
}
