import { readSessionFragment, SYSTEM_LOOK } from '@shared/lib/session-page';
import type { App, BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { electronHandoff } from '@main/platform/electron-handoff';
import { planRunDir } from '@main/platform/run-dirs';
import { createSessionWindows, electronSessionPorts, sessionPageUrl } from '@main/windows/session-window';

class FakeWindow extends EventEmitter {
  static readonly made: FakeWindow[] = [];
  readonly webContents = { id: FakeWindow.made.length + 100 };
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
    windows.open('s-1', 'Dev desktop', () => closed.push('s-1'), { language: 'de', theme: 'dark' });
    windows.open('s-1', 'Dev desktop', () => closed.push('again'), { language: 'de', theme: 'dark' });
    expect(FakeWindow.made).toHaveLength(1);
    const [window] = FakeWindow.made;
    // The page is told the user's language and theme: it has no settings calls of its own.
    expect(window?.url).toBe('app://deskbridge/session.html#session=s-1&lang=de&theme=dark');
    expect(window?.title).toBe('Dev desktop');
    expect(window?.focused).toBe(1);
    expect(window?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'deskbridge-main' });
    window?.close();
    expect(closed).toEqual(['s-1']);
  });

  it('closes a session’s window when core ends the session', () => {
    FakeWindow.made.length = 0;
    const windows = createSessionWindows(WindowClass, { preload: '/p.cjs', partition: 'deskbridge-main', devTools: false });
    windows.open('s-2', 'x', () => undefined, SYSTEM_LOOK);
    windows.close('s-2');
    expect(FakeWindow.made[0]?.destroyed).toBe(true);
  });

  it('tells which session a window’s web contents belongs to, until the window closes', () => {
    FakeWindow.made.length = 0;
    const windows = createSessionWindows(WindowClass, { preload: '/p.cjs', partition: 'deskbridge-main', devTools: false });
    windows.open('s-3', 'x', () => undefined, SYSTEM_LOOK);
    const contents = FakeWindow.made[0]!.webContents;
    expect(windows.sessionOf(contents)).toBe('s-3');
    expect(windows.sessionOf({ id: contents.id })).toBeUndefined();
    expect(windows.sessionOf(undefined)).toBeUndefined();
    FakeWindow.made[0]!.close();
    expect(windows.sessionOf(contents)).toBeUndefined();
  });

  it('builds the page address for the dev server too, with the id encoded', () => {
    expect(sessionPageUrl('a b', 'http://localhost:5173/')).toBe('http://localhost:5173/session.html#session=a+b&lang=system&theme=system');
    expect(readSessionFragment(new URL(sessionPageUrl('a&b=c', undefined, { language: 'ja', theme: 'light' })).hash)).toEqual({
      sessionId: 'a&b=c',
      look: { language: 'ja', theme: 'light' },
    });
  });
});

describe('electronSessionPorts', () => {
  const handoff = electronHandoff({} as Pick<App, 'getApplicationInfoForProtocol'>, { openExternal: async () => undefined }, 'linux');
  const run = planRunDir('/tmp/deskbridge-test-root', 4242, '0123456789abcdef');

  it('opens session windows with the session preload, not the main window’s', () => {
    FakeWindow.made.length = 0;
    const ports = electronSessionPorts({
      BrowserWindow: WindowClass,
      preloadDir: '/app/out/preload',
      partition: 'deskbridge-main',
      devTools: false,
      trusted: {},
      run,
      handoff,
    });
    ports.windows.open('s-1', 'x', () => undefined, SYSTEM_LOOK);
    expect(FakeWindow.made[0]?.options.webPreferences).toMatchObject({ preload: '/app/out/preload/session.cjs', sandbox: true, contextIsolation: true });
  });

  it('writes connection files inside the run folder the next start sweeps', () => {
    const ports = electronSessionPorts({
      BrowserWindow: WindowClass,
      preloadDir: '/p',
      partition: 'deskbridge-main',
      devTools: false,
      trusted: {},
      run,
      handoff,
    });
    expect(ports.tempDir).toBe(run.files);
    expect(ports.tempDir?.startsWith(`${run.root}/`)).toBe(true);
  });

  it('accepts no further viewer origin in a packaged build, only the configured dev server otherwise', () => {
    const packaged = electronSessionPorts({
      BrowserWindow: WindowClass,
      preloadDir: '/p',
      partition: 'deskbridge-main',
      devTools: false,
      trusted: {},
      run,
      handoff,
    });
    expect(packaged.viewerOrigin).toBeUndefined();
    const dev = electronSessionPorts({
      BrowserWindow: WindowClass,
      preloadDir: '/p',
      partition: 'deskbridge-main',
      devTools: true,
      trusted: { devServerUrl: 'http://localhost:5173/' },
      run,
      handoff,
    });
    expect(dev.viewerOrigin?.('http://localhost:5173')).toBe(true);
    expect(dev.viewerOrigin?.('http://127.0.0.1:5173')).toBe(false);
    expect(dev.viewerOrigin?.('http://localhost:5174')).toBe(false);
  });
});

describe('electronHandoff', () => {
  const shellCalls: string[] = [];
  const shell = { openExternal: async (url: string) => void shellCalls.push(url) };

  it('asks the OS who handles workspaces:// on macOS and Windows, null when nobody does', async () => {
    const registered = {
      getApplicationInfoForProtocol: async () => ({ name: 'Amazon WorkSpaces', path: '/Applications/WorkSpaces.app', icon: null }),
    } as unknown as Pick<App, 'getApplicationInfoForProtocol'>;
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
