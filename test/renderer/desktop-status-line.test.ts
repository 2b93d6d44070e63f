import { describe, expect, it } from 'vitest';
import { desktopStatus, nextStepFor } from '@renderer/features/desktops/desktop-status';
import type { DesktopEntry } from '@shared/ipc/domains/desktops';
import type { SessionInfo } from '@shared/ipc/domains/sessions';

const NOW = 1_800_000_000_000;
const STOPPED: DesktopEntry = {
  key: 'org/ws-1',
  orgId: 'org',
  workspaceId: 'ws-1',
  directoryId: 'd-1',
  userName: 'alice',
  name: 'Daily',
  state: 'STOPPED',
  protocols: ['WSP'],
  modifications: [],
};
const session = (status: SessionInfo['status'], startedAt = NOW - 1_000, extra: Partial<SessionInfo> = {}): SessionInfo => ({
  id: 's-1',
  desktopKey: STOPPED.key,
  orgId: 'org',
  workspaceId: 'ws-1',
  desktopName: 'Daily',
  method: 'handoff',
  client: 'workspaces',
  status,
  startedAt,
  ...extra,
});

describe('a desktop’s one status line, from its list entry and its session', () => {
  it('follows a start-then-connect as one sequence: starting (elapsed) → waiting for AWS → opening → open', () => {
    const asked = { ...STOPPED, pending: { action: 'connect' as const, startedAt: NOW - 2_000 } };
    expect(desktopStatus(asked, undefined, NOW)).toEqual({ kind: 'starting', elapsedMs: 2_000 });
    const starting = { ...STOPPED, state: 'STARTING' as const, connect: { phase: 'starting' as const, startedAt: NOW - 65_000 } };
    expect(desktopStatus(starting, undefined, NOW)).toEqual({ kind: 'starting', elapsedMs: 65_000 });
    const ready = { ...STOPPED, state: 'AVAILABLE' as const, connect: { phase: 'ready' as const, startedAt: NOW - 65_000, readyAt: NOW - 500 } };
    expect(desktopStatus(ready, undefined, NOW)).toEqual({ kind: 'waiting' });
    const launching = session('launching', NOW - 100, { method: 'rdp', client: 'xfreerdp' });
    expect(desktopStatus(ready, launching, NOW)).toMatchObject({ kind: 'opening', client: 'xfreerdp' });
    const launched = { ...ready, connect: undefined };
    expect(desktopStatus(launched, { ...launching, status: 'connected' }, NOW)).toMatchObject({ kind: 'open', client: 'xfreerdp' });
    expect(desktopStatus(launched, session('handed-off'), NOW)).toMatchObject({ kind: 'open', client: 'workspaces' });
  });

  it('a session from before this connect does not count: the new connect waits, it is not "open"', () => {
    const ready = { ...STOPPED, state: 'AVAILABLE' as const, connect: { phase: 'ready' as const, startedAt: NOW - 500, readyAt: NOW - 500 } };
    expect(desktopStatus(ready, session('connected', NOW - 60_000), NOW)).toEqual({ kind: 'waiting' });
  });

  it('a failed launch is the only status: its reason and the next step, never "opening" beside it', () => {
    const failed: DesktopEntry = {
      ...STOPPED,
      state: 'AVAILABLE',
      connect: { phase: 'ready', startedAt: NOW - 2_000, readyAt: NOW - 1_500 },
      problem: { action: 'connect', at: NOW - 1_000, code: 'handoff-no-handler', message: 'not installed', details: 'why' },
    };
    expect(desktopStatus(failed, session('connected', NOW - 100), NOW)).toEqual({
      kind: 'failed',
      action: 'connect',
      error: { code: 'handoff-no-handler', message: 'not installed', details: 'why' },
      next: 'webAccess',
    });
  });

  it('a session that failed reads as failed, with the session to clear', () => {
    const s = session('failed', NOW - 100, {
      method: 'rdp',
      client: 'xfreerdp',
      error: { code: 'rdp-client-failed', message: 'x', params: { client: 'FreeRDP' } },
    });
    expect(desktopStatus({ ...STOPPED, state: 'AVAILABLE' }, s, NOW)).toMatchObject({ kind: 'failed', next: 'tryAgain', session: s });
  });

  it('other actions in flight read as busy; nothing going on reads as nothing', () => {
    expect(desktopStatus({ ...STOPPED, pending: { action: 'restart', startedAt: NOW } }, undefined, NOW)).toEqual({ kind: 'busy', action: 'restart' });
    expect(desktopStatus(STOPPED, undefined, NOW)).toEqual({ kind: 'none' });
  });

  it('names the next step by the failure', () => {
    expect(nextStepFor('handoff-no-handler')).toBe('webAccess');
    expect(nextStepFor('connect-setting-invalid')).toBe('askIt');
    expect(nextStepFor('desktops.denied.ownerTag')).toBe('askIt');
    expect(nextStepFor('desktops.connectFailed')).toBe('tryAgain');
  });
});
