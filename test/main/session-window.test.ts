import type { App, BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { electronHandoff } from '../../electron/main/platform/electron-handoff';
import { createSessionWindows, sessionPageUrl } from '../../electron/main/windows/session-window';

class FakeWindow extends EventEmitter {
  static readonly made: FakeWindow[] = [];
  url = '';
  title = '';
  destroyed = false;
  focused = 0;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.made.push(this);
  }
  setTitle(title: string): void {
    this.title = title;
  }
  async loadURL(url: string): Promise<void> {
    this.url = url;
  }
  show(): void {}
  focus(): void {
    this.focused += 1;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

const WindowClass = FakeWindow as unknown as new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

describe('session windows', () => {
  it('opens the viewer page in a sandboxed window, focuses it again, and reports when the user closes it', () => {
    FakeWindow.made.length = 0;
    const windows = createSessionWindows(WindowClass, { preload: '/app/preload/index.cjs', partition: 'deskbridge-main', devTools: false });
    const closed: string[] = [];
    windows.open('s-1', 'Dev desktop', () => closed.push('s-1'));
    windows.open('s-1', 'Dev desktop', () => closed.push('again'));
    expect(FakeWindow.made).toHaveLength(1);
    const [window] = FakeWindow.made;
    expect(window?.url).toBe('app://deskbridge/session.html#session=s-1');
    expect(window?.title).toBe('Dev desktop');
    expect(window?.focused).toBe(1);
    expect(window?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'deskbridge-main' });
    window?.close();
    expect(closed).toEqual(['s-1']);
  });

  it('closes a session’s window when core ends the session', () => {
    FakeWindow.made.length = 0;
    const windows = createSessionWindows(WindowClass, { preload: '/p.cjs', partition: 'deskbridge-main', devTools: false });
    windows.open('s-2', 'x', () => undefined);
    windows.close('s-2');
    expect(FakeWindow.made[0]?.destroyed).toBe(true);
  });

  it('builds the page address for the dev server too, with the id encoded', () => {
    expect(sessionPageUrl('a b', 'http://localhost:5173/')).toBe('http://localhost:5173/session.html#session=a%20b');
  });
});

describe('electronHandoff', () => {
  const shellCalls: string[] = [];
  const shell = { openExternal: async (url: string) => void shellCalls.push(url) };

  it('asks the OS who handles workspaces:// on macOS and Windows, null when nobody does', async () => {
    const registered = { getApplicationInfoForProtocol: async () => ({ name: 'Amazon WorkSpaces', path: '/Applications/WorkSpaces.app', icon: null }) } as unknown as Pick<App, 'getApplicationInfoForProtocol'>;
    const none = { getApplicationInfoForProtocol: async () => Promise.reject(new Error('none')) } as unknown as Pick<App, 'getApplicationInfoForProtocol'>;
    expect(await electronHandoff(registered, shell, 'darwin').handlerFor('workspaces')).toBe('Amazon WorkSpaces');
    expect(await electronHandoff(none, shell, 'win32').handlerFor('workspaces')).toBeNull();
  });

  it('opens only vetted hand-off links', async () => {
    const handoff = electronHandoff({} as Pick<App, 'getApplicationInfoForProtocol'>, shell, 'darwin');
    await handoff.open('workspaces://jdoe@WSpdx+ABC12D');
    await expect(handoff.open('https://example.com')).rejects.toThrow(/hand-off/);
    await expect(handoff.open('workspaces://a@b/../../x')).rejects.toThrow(/hand-off/);
    expect(shellCalls).toEqual(['workspaces://jdoe@WSpdx+ABC12D']);
  });
});
