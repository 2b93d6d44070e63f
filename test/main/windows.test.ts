import fc from 'fast-check';
import type { BrowserWindow as ElectronBrowserWindow, Session, WebContents } from 'electron';
import { sep } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { mimeType, resolveAppAsset, resolveUnderRoot } from '@core/host/app-assets';
import { APP_ENTRY } from '@shared/lib/app-origin';
import { APP_CSP } from '@shared/lib/content-security-policy';
import { guardWebContents, hardenSession, isAppUrl } from '@main/windows/guards';
import { createSecureWindow } from '@main/windows/secure-window';
import { hostileString } from '../shared/support/hostile';
import { BrowserWindow, callsTo, FakeSession, FakeWebContents, resetFakeElectron } from './fake-electron';

beforeEach(() => resetFakeElectron());

type WindowClass = new (options: ConstructorParameters<typeof ElectronBrowserWindow>[0]) => ElectronBrowserWindow;
const FakeWindowClass = BrowserWindow as unknown as WindowClass;

describe('createSecureWindow', () => {
  it('builds every window sandboxed, isolated, without Node or webview, on an in-memory partition', () => {
    createSecureWindow(FakeWindowClass, { preload: '/app/preload/index.cjs', partition: 'deskbridge-main', devTools: false });
    const [construct] = callsTo('BrowserWindow', 'constructor');
    const prefs = (construct!.args[0] as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      partition: 'deskbridge-main',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
    });
    expect(String(prefs.partition)).not.toMatch(/^persist:/);
    expect((construct!.args[0] as { show: boolean }).show).toBe(false);
  });

  it('refuses a persistent partition and builds no window', () => {
    expect(() => createSecureWindow(FakeWindowClass, { preload: '/p.cjs', partition: 'persist:deskbridge', devTools: true })).toThrow(/in-memory/);
    expect(callsTo('BrowserWindow', 'constructor')).toEqual([]);
  });
});

describe('guardWebContents', () => {
  function guarded(trusted = {}, allowDevTools = false) {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents, trusted, { allowDevTools });
    return contents;
  }

  it.each(['will-navigate', 'will-redirect'])('prevents %s to foreign pages and lets app:// through', (name) => {
    const contents = guarded();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:5173/', 'app://evil/index.html', 'javascript:alert(1)', 'not a url']) {
      expect(contents.fire(name, url).defaultPrevented, url).toBe(true);
    }
    expect(contents.fire(name, 'app://deskbridge/index.html#/orgs').defaultPrevented).toBe(false);
  });

  it('lets the dev server through only when one is configured', () => {
    expect(guarded().fire('will-navigate', 'http://localhost:5173/').defaultPrevented).toBe(true);
    const dev = guarded({ devServerUrl: 'http://localhost:5173' });
    expect(dev.fire('will-navigate', 'http://localhost:5173/index.html').defaultPrevented).toBe(false);
    expect(dev.fire('will-navigate', 'http://localhost:5174/').defaultPrevented).toBe(true);
    expect(dev.fire('will-navigate', 'https://localhost:5173/').defaultPrevented).toBe(true);
  });

  it('prevents attaching a webview and denies every window.open', () => {
    const contents = guarded();
    expect(contents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
    for (const url of ['https://example.com', 'app://deskbridge/index.html', 'about:blank'])
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
  });

  it('closes DevTools at once unless they are allowed', () => {
    const locked = guarded();
    locked.emit('devtools-opened');
    expect(locked.devToolsClosed).toBe(1);
    const dev = guarded({}, true);
    dev.emit('devtools-opened');
    expect(dev.devToolsClosed).toBe(0);
  });
});

describe('hardenSession', () => {
  it('denies every permission request, permission check and device request', () => {
    const ses = new FakeSession('deskbridge-main');
    hardenSession(ses as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined;
      ses.permissionRequestHandler!({}, permission, (answer) => {
        granted = answer;
      });
      expect(granted, permission).toBe(false);
      expect(ses.permissionCheckHandler!({}, permission, 'app://deskbridge', {})).toBe(false);
    }
    expect(ses.devicePermissionHandler!({ deviceType: 'usb', origin: 'app://deskbridge' })).toBe(false);
  });

  it('grants full screen to the in-app viewer page only, and nothing else to it', () => {
    const ses = new FakeSession('deskbridge-main');
    hardenSession(ses as unknown as Session);
    const ask = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      ses.permissionRequestHandler!({}, permission, (answer) => (granted = answer), { requestingUrl });
      return granted;
    };
    expect(ask('fullscreen', 'app://deskbridge/session.html#session=1')).toBe(true);
    expect(ask('fullscreen', 'app://deskbridge/index.html')).toBe(false);
    expect(ask('fullscreen', 'app://evil/session.html')).toBe(false);
    expect(ask('fullscreen', 'https://deskbridge/session.html')).toBe(false);
    expect(ask('media', 'app://deskbridge/session.html')).toBe(false);
    expect(ask('clipboard-read', 'app://deskbridge/session.html')).toBe(false);
  });
});

describe('the app:// protocol', { timeout: 30_000 }, () => {
  const root = '/srv/deskbridge/renderer';

  it('serves files under the renderer folder', () => {
    expect(resolveAppAsset(root, APP_ENTRY)).toBe(`${root}/index.html`);
    expect(resolveAppAsset(root, 'app://deskbridge/')).toBe(`${root}/index.html`);
    expect(resolveAppAsset(root, 'app://deskbridge/assets/index-abc.js?v=1#x')).toBe(`${root}/assets/index-abc.js`);
  });

  it.each([
    'app://deskbridge/..%2f..%2fetc%2fpasswd',
    'app://deskbridge/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://deskbridge/%2E%2E%2F%2E%2E%2Fetc/passwd',
    'app://deskbridge/..%5c..%5cwindows%5csystem32',
    'app://deskbridge/%5c%5cserver%5cshare',
    'app://deskbridge/index.html%00.png',
    'app://deskbridge/%E0%A4%A',
    'app://deskbridge/..%2frenderer-evil/x.js',
    'app://evil/index.html',
    'app://deskbridge.evil/index.html',
    'app://deskbridge:8080/index.html',
    'file:///srv/deskbridge/renderer/index.html',
    'http://deskbridge/index.html',
    'https://deskbridge/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it('keeps dot segments the URL parser resolves inside the renderer folder', () => {
    for (const url of ['app://deskbridge/../../etc/passwd', 'app://deskbridge/%2e%2e/%2e%2e/etc/passwd', 'app://deskbridge/a/./../b.js']) {
      const file = resolveAppAsset(root, url);
      expect(file === null || file.startsWith(`${root}${sep}`), url).toBe(true);
    }
  });

  it('never maps any path outside the renderer folder', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileString,
          fc
            .array(fc.constantFrom('..', '%2e%2e', '%2E.', '.%2e', '%2f', '%5c', '/', '\\', 'a', '%00', '%252e', '~', '%c0%ae'), { maxLength: 12 })
            .map((a) => a.join('/')),
        ),
        (path) => {
          let file: string | null = null;
          expect(() => {
            file = resolveAppAsset(root, `app://deskbridge/${path}`);
          }).not.toThrow();
          expect(file === null || (file as string).startsWith(`${root}${sep}`)).toBe(true);
          const direct = resolveUnderRoot(root, `/${path}`);
          expect(direct === null || direct.startsWith(`${root}${sep}`)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('labels what it serves and falls back to octet-stream', () => {
    expect(mimeType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('/x/APP.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('/x/thing.exe')).toBe('application/octet-stream');
  });

  it('serves a strict CSP: nothing by default, no inline script, no eval, no framing', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).toContain("object-src 'none'");
    expect(APP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('treats only app://deskbridge (and a configured dev server) as our own pages', () => {
    expect(isAppUrl('app://deskbridge/index.html')).toBe(true);
    expect(isAppUrl('evil://deskbridge/index.html')).toBe(false);
    expect(isAppUrl('app://deskbridge/index.html', { devServerUrl: 'http://localhost:5173' })).toBe(true);
  });
});
