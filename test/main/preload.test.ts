import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_MANIFEST, channelName, type DeskbridgeBridge } from '@shared/ipc/contract';
import { callsTo, exposed, ipcRenderer, resetFakeElectron } from './fake-electron';

describe('the preload', () => {
  let bridge: DeskbridgeBridge;
  // Imported once, as Electron runs it once per page: it talks to this file's fake electron.
  beforeAll(async () => {
    resetFakeElectron();
    await import('@preload/index');
    bridge = exposed.get('deskbridge') as DeskbridgeBridge;
  });

  it('exposes exactly one thing, window.deskbridge, and nothing of Electron', () => {
    expect([...exposed.keys()]).toEqual(['deskbridge']);
    expect(callsTo('contextBridge')).toHaveLength(1);
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(API_MANIFEST), 'on'].sort());
    for (const [domain, methods] of Object.entries(API_MANIFEST)) {
      const fns = bridge[domain as keyof typeof API_MANIFEST] as unknown as Record<string, unknown>;
      expect(Object.keys(fns).sort()).toEqual([...(methods as readonly string[])].sort());
      for (const fn of Object.values(fns)) expect(typeof fn).toBe('function');
    }
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipc|invoke|send|electron/i);
  });

  it('forwards each function to ipcRenderer.invoke on its channel, with its arguments', async () => {
    for (const [domain, methods] of Object.entries(API_MANIFEST)) {
      for (const method of methods as readonly string[]) {
        const fn = (bridge[domain as keyof typeof API_MANIFEST] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!;
        expect(await fn('x', 1)).toEqual({ ok: true, value: channelName(domain, method) });
        expect(callsTo('ipcRenderer', 'invoke').at(-1)?.args).toEqual([channelName(domain, method), 'x', 1]);
      }
    }
  });

  it('delivers event payloads (never the IPC event) and unsubscribes', () => {
    const listener = vi.fn();
    const off = bridge.on('orgs:links', listener);
    ipcRenderer.emit('event:orgs:links', { sender: 'ipc-event-object' }, [{ id: '1' }]);
    expect(listener).toHaveBeenCalledExactlyOnceWith([{ id: '1' }]);
    off();
    ipcRenderer.emit('event:orgs:links', {}, []);
    expect(listener).toHaveBeenCalledOnce();
    expect(ipcRenderer.listenerCount('event:orgs:links')).toBe(0);
  });

  it('refuses to subscribe to an event outside the contract', () => {
    const before = callsTo('ipcRenderer', 'on').length;
    expect(() => bridge.on('some:thing' as 'orgs:links', vi.fn())).toThrow(TypeError);
    expect(() => bridge.on('__proto__' as 'orgs:links', vi.fn())).toThrow(TypeError);
    expect(callsTo('ipcRenderer', 'on')).toHaveLength(before);
  });
});
