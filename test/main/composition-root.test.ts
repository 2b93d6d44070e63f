/**
 * The composition root (electron/main/index.ts) imported against the fake electron: what it
 * asks of Electron before 'ready' — the hardening and privacy steps of Electron's checklist.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, calls, callsTo, FakeSession, FakeWebContents, resetFakeElectron } from './fake-electron';

let temp: string;
let appData: string;

beforeAll(async () => {
  resetFakeElectron();
  temp = await mkdtemp(join(tmpdir(), 'deskbridge-root-temp-'));
  appData = await mkdtemp(join(tmpdir(), 'deskbridge-root-appdata-'));
  app.paths.set('temp', temp);
  app.paths.set('appData', appData);
  app.isPackaged = true;
  await import('@main/index');
  // The run folder is created asynchronously right after the synchronous path changes.
  await vi.waitFor(async () => expect((await readdir(temp)).length).toBe(1));
});
afterAll(async () => {
  app.isPackaged = false;
  await rm(temp, { recursive: true, force: true });
  await rm(appData, { recursive: true, force: true });
});

const setPaths = () => callsTo('app', 'setPath').map((c) => c.args as [string, string]);

describe('the composition root before ready', () => {
  it('enables the sandbox for every renderer', () => {
    expect(callsTo('app', 'enableSandbox')).toHaveLength(1);
  });

  it('takes the single-instance lock in the stable settings folder, then moves userData to the temp run folder', () => {
    const order = calls.filter((c) => c.target === 'app' && (c.method === 'setPath' || c.method === 'requestSingleInstanceLock'));
    const lockAt = order.findIndex((c) => c.method === 'requestSingleInstanceLock');
    expect(order.slice(0, lockAt).map((c) => c.args)).toEqual([['userData', join(appData, 'Deskbridge')]]);
    expect(app.getPath('userData').startsWith(join(temp, 'deskbridge-run-'))).toBe(true);
  });

  it('points sessionData, crashDumps and logs into the same private temp folder (0700)', async () => {
    const [runName] = await readdir(temp);
    const run = join(temp, runName!);
    for (const name of ['userData', 'sessionData', 'crashDumps']) {
      expect(
        setPaths()
          .filter(([n]) => n === name)
          .at(-1)![1]
          .startsWith(`${run}/`),
      ).toBe(true);
    }
    expect(String(callsTo('app', 'setAppLogsPath')[0]!.args[0]).startsWith(`${run}/`)).toBe(true);
    expect((await stat(run)).mode & 0o777).toBe(0o700);
  });

  it('registers app:// as a standard, secure scheme with V8 code caching for its scripts', () => {
    // Without codeCache Chromium compiles every script of app:// anew in each window: a second
    // session window (or the main window reopened) would parse React and noVNC again.
    expect(callsTo('protocol', 'registerSchemesAsPrivileged').map((c) => c.args[0])).toEqual([
      [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }],
    ]);
  });

  it('hardens every session Electron creates: every permission denied', () => {
    const created = new FakeSession('later');
    app.emit('session-created', created);
    const answers: boolean[] = [];
    created.permissionRequestHandler!(null, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(created.permissionCheckHandler!()).toBe(false);
    expect(created.devicePermissionHandler!()).toBe(false);
  });

  it('guards every web contents: navigation away, webviews, new windows and (packaged) DevTools', () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', 'app://deskbridge/index.html').defaultPrevented).toBe(false);
    expect(contents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });

  it('removes the temp run folder when the app quits', async () => {
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(callsTo('app', 'quit').length).toBeGreaterThan(0));
    expect(await readdir(temp)).toEqual([]);
    expect(await readdir(appData)).toEqual([]);
  });
});
