import { beforeAll, describe, expect, it } from 'vitest';
import { sessionWindowMethods, type SessionWindowApi } from '@shared/ipc/domains/sessions';
import { channelName } from '@shared/ipc/contract';
import { callsTo, exposed, resetFakeElectron } from './fake-electron';

describe('the session window’s preload', () => {
  let bridge: SessionWindowApi;
  beforeAll(async () => {
    resetFakeElectron();
    await import('@preload/session');
    bridge = exposed.get('deskbridge') as SessionWindowApi;
  });

  it('exposes only its session’s calls: no other domain, no other sessions method, no events', () => {
    expect([...exposed.keys()]).toEqual(['deskbridge']);
    expect(Object.keys(bridge)).toEqual(['sessions']);
    expect(Object.keys(bridge.sessions).sort()).toEqual([...sessionWindowMethods].sort());
    for (const name of ['orgs', 'auth', 'desktops', 'settings', 'diagnostics', 'app', 'on']) expect(name in bridge).toBe(false);
    for (const name of ['list', 'connect', 'openWebAccess']) expect(name in bridge.sessions).toBe(false);
    expect(Object.isFrozen(bridge) && Object.isFrozen(bridge.sessions)).toBe(true);
  });

  it('forwards each call to ipcRenderer.invoke on its sessions channel, with its arguments', async () => {
    for (const method of sessionWindowMethods) {
      const fn = (bridge.sessions as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!;
      expect(await fn('s-1', 'x')).toEqual({ ok: true, value: channelName('sessions', method) });
      expect(callsTo('ipcRenderer', 'invoke').at(-1)?.args).toEqual([channelName('sessions', method), 's-1', 'x']);
    }
  });
});
