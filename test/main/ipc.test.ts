import type { IpcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { Logger } from '@core/log/logger';
import { serveContract } from '@main/ipc';
import { bindIpc } from '@main/ipc/bind-ipc';
import { isTrustedSender } from '@main/ipc/trusted-sender';
import { API_MANIFEST, channelName, type DeskbridgeApi } from '@shared/ipc/contract';
import { OIDC_INPUT, startTempCore, unwrap, type TempCore } from '../core/support/temp-core';
import { BrowserWindow, ipcMain, resetFakeElectron } from './fake-electron';

const APP_FRAME = { url: 'app://deskbridge/index.html', parent: null };
const allChannels = Object.entries(API_MANIFEST).flatMap(([d, ms]) => (ms as readonly string[]).map((m) => channelName(d, m)));

describe('isTrustedSender', () => {
  it('trusts our own top-level page', () => {
    expect(isTrustedSender(APP_FRAME)).toBe(true);
    expect(isTrustedSender({ url: 'app://deskbridge/index.html#/orgs?x=1' })).toBe(true);
  });

  it.each<[string, { url: string; parent?: unknown } | null | undefined]>([
    ['no frame', null],
    ['an undefined frame', undefined],
    ['an iframe inside our page', { url: 'app://deskbridge/index.html', parent: APP_FRAME }],
    ['another app:// host', { url: 'app://evil/index.html', parent: null }],
    ['a look-alike host', { url: 'app://deskbridge.evil.example/index.html', parent: null }],
    ['a port on our host', { url: 'app://deskbridge:444/index.html', parent: null }],
    ['another scheme with our host (URL.origin is "null" for both)', { url: 'evil://deskbridge/index.html', parent: null }],
    ['file://', { url: 'file:///opt/Deskbridge/resources/renderer/index.html', parent: null }],
    ['a foreign http page', { url: 'http://evil.example/', parent: null }],
    ['a foreign https page', { url: 'https://deskbridge/', parent: null }],
    ['the literal string "null"', { url: 'null', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['a data: page', { url: 'data:text/html,<script>deskbridge.orgs.list()</script>', parent: null }],
    ['an empty URL', { url: '', parent: null }],
    ['the dev server when none is configured', { url: 'http://localhost:5173/', parent: null }],
  ])('refuses %s', (_what, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });

  it('trusts the dev server only when it is configured, by protocol and host', () => {
    const trusted = { devServerUrl: 'http://localhost:5173' };
    expect(isTrustedSender({ url: 'http://localhost:5173/index.html', parent: null }, trusted)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/', parent: null }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'https://localhost:5173/', parent: null }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: APP_FRAME }, trusted)).toBe(false);
  });
});

describe('bindIpc and serveContract', () => {
  let t: TempCore;
  let spies: Mock[];
  let api: DeskbridgeApi;
  let logger: Logger;

  beforeEach(async () => {
    resetFakeElectron();
    t = await startTempCore();
    spies = [];
    const wrap = <T extends object>(target: T): T => {
      const out: Record<string, Mock> = {};
      for (const [name, fn] of Object.entries(target)) {
        const spy = vi.fn((...args: unknown[]) => (fn as (...a: unknown[]) => unknown).apply(target, args));
        spies.push(spy);
        out[name] = spy;
      }
      return out as T;
    };
    api = { ...t.core.api, app: wrap(t.core.api.app), orgs: wrap(t.core.api.orgs) };
    logger = new Logger();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('registers a handler for every manifest channel, and removes them all again', () => {
    const unbind = bindIpc(ipcMain as unknown as IpcMain, api, {}, logger.scoped('ipc'));
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...allChannels].sort());
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('serves a call from our own window', async () => {
    bindIpc(ipcMain as unknown as IpcMain, api, {});
    const added = await ipcMain.invoke('orgs:add', APP_FRAME, OIDC_INPUT);
    expect(added).toMatchObject({ ok: true, value: { code: 'SLiad+S393HD' } });
    expect(unwrap(await t.core.api.orgs.list()).organizations).toHaveLength(1);
  });

  it.each([
    ['an iframe', { url: 'app://deskbridge/index.html', parent: APP_FRAME }],
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a frame that is gone', null],
  ])('refuses a call from %s with untrusted-sender, before any service is reached', async (_what, frame) => {
    bindIpc(ipcMain as unknown as IpcMain, api, {}, logger.scoped('ipc'));
    for (const channel of allChannels) {
      expect(await ipcMain.invoke(channel, frame, OIDC_INPUT)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(logger.list().at(-1)?.message).toMatch(/^Refused .* from an untrusted frame$/);
  });

  it('refuses wrong argument types with invalid-arguments, before any service is reached', async () => {
    bindIpc(ipcMain as unknown as IpcMain, api, {});
    expect(await ipcMain.invoke('orgs:rename', APP_FRAME, 42, { name: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await ipcMain.invoke('orgs:add', APP_FRAME, 'SLiad+S393HD')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await ipcMain.invoke('orgs:answerLink', APP_FRAME, 'id', 'true')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await ipcMain.invoke('orgs:list', APP_FRAME, 'extra')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('serveContract forwards core events to every window on event:<name>, until it is stopped', async () => {
    const a = new BrowserWindow();
    const b = new BrowserWindow();
    const stop = serveContract(t.core, {});
    expect(ipcMain.handlers.size).toBe(allChannels.length);
    unwrap(await t.core.api.orgs.add(OIDC_INPUT));
    for (const win of [a, b]) expect(win.webContents.sent.map((s) => s.channel)).toContain('event:orgs:changed');
    stop();
    const before = a.webContents.sent.length;
    t.core.receiveDeepLink('deskbridge://nothing');
    expect(a.webContents.sent.length).toBe(before);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('serveContract sends no core event to a session window (its preload takes none)', async () => {
    const main = new BrowserWindow();
    const viewer = new BrowserWindow();
    const stop = serveContract(t.core, {}, { sessionOf: (sender) => (sender === viewer.webContents ? 's-1' : undefined) });
    unwrap(await t.core.api.orgs.add(OIDC_INPUT));
    expect(main.webContents.sent.map((s) => s.channel)).toContain('event:orgs:changed');
    expect(viewer.webContents.sent).toEqual([]);
    stop();
  });
});
