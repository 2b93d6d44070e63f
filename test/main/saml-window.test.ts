import type { BrowserWindowConstructorOptions, BrowserWindow as ElectronBrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '@core/auth/auth-error';
import type { SamlCaptureRequest } from '@core/auth/saml-capture';
import { chromeUserAgent, createSamlWindows, isAwsSamlEndpoint, type SamlWindowDeps } from '@main/windows/saml-window';
import { BrowserWindow, type FakeSession, resetFakeElectron, session } from './fake-electron';

const REQUEST: SamlCaptureRequest = { orgId: 'org-1', orgName: 'Example Corp', signInUrl: 'https://example.okta.com/home/amazon_aws/0oa1/272', hidden: false };
const SAML_RESPONSE = 'PHNhbWxwOlJlc3BvbnNlLz4=';

function form(fields: Record<string, string>): { bytes: Buffer }[] {
  return [{ bytes: Buffer.from(new URLSearchParams(fields).toString()) }];
}

function setup(extra: Partial<SamlWindowDeps> = {}) {
  const partitions: string[] = [];
  const capture = createSamlWindows({
    BrowserWindow: BrowserWindow as unknown as new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow,
    fromPartition: (partition) => session.fromPartition(partition) as unknown as ReturnType<SamlWindowDeps['fromPartition']>,
    onPartition: (partition) => partitions.push(partition),
    ...extra,
  });
  return { capture, partitions };
}

const lastWindow = (): BrowserWindow => BrowserWindow.windows[BrowserWindow.windows.length - 1]!;
const sessionOf = (window: BrowserWindow): FakeSession => session.fromPartition((window.options['webPreferences'] as { partition: string }).partition);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AuthError) return error.code;
    throw error;
  }
  return 'resolved';
}

beforeEach(() => resetFakeElectron());
afterEach(() => vi.useRealTimers());

describe('the SAML sign-in window', () => {
  it('never opens a sign-in URL that is not https: sign-in-url-insecure, naming the origin', async () => {
    const { capture } = setup();
    const refused = capture.capture({ ...REQUEST, signInUrl: 'http://idp.example/sso/saml' }, new AbortController().signal);
    await expect(refused).rejects.toMatchObject({ code: 'sign-in-url-insecure', params: { origin: 'http://idp.example' } });
    expect(BrowserWindow.windows.every((w) => w.loadedUrl !== 'http://idp.example/sso/saml')).toBe(true);
  });

  it('is sandboxed, has no preload or Node, uses its own in-memory partition, names the organization and speaks as plain Chrome', async () => {
    const { capture, partitions } = setup();
    void capture.capture(REQUEST, new AbortController().signal).catch(() => undefined);
    const window = lastWindow();
    const prefs = window.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, devTools: false });
    expect(prefs['preload']).toBeUndefined();
    expect(prefs['partition']).toMatch(/^saml-[0-9a-f-]{36}$/);
    expect(partitions).toEqual([prefs['partition']]);
    expect(window.options['title']).toBe('Sign in to Example Corp');
    expect(window.loadedUrl).toBe(REQUEST.signInUrl);
    expect(sessionOf(window).getUserAgent()).not.toMatch(/Electron|Deskbridge/);
    expect(sessionOf(window).getUserAgent()).toContain('Chrome/140.0.0.0');
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    // The page cannot retitle the window away from the organization's name.
    const titleEvent = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    window.emit('page-title-updated', titleEvent, 'Okta');
    expect(titleEvent.defaultPrevented).toBe(true);
  });

  it.each([
    'https://signin.aws.amazon.com/saml',
    'https://us-east-1.signin.aws.amazon.com/saml',
    'https://eu-central-1.signin.aws.amazon.com/saml',
    'https://signin.amazonaws-us-gov.com/saml',
    'https://signin.amazonaws.cn/saml',
  ])('catches and cancels the POST to %s, reads SAMLResponse, closes the window and wipes what the IdP stored', async (acs) => {
    const { capture } = setup();
    const result = capture.capture(REQUEST, new AbortController().signal);
    const window = lastWindow();
    const ses = sessionOf(window);
    expect(await ses.request({ url: REQUEST.signInUrl })).toEqual({ cancel: false });
    const verdict = await ses.request({ url: acs, method: 'POST', uploadData: form({ SAMLResponse: SAML_RESPONSE, RelayState: '' }) });
    expect(verdict).toEqual({ cancel: true });
    await expect(result).resolves.toBe(SAML_RESPONSE);
    expect(window.destroyed).toBe(true);
    expect(ses.beforeRequest).toBeNull();
    expect(ses.cleared[0]).toEqual(expect.arrayContaining(['localstorage', 'indexdb', 'cachestorage', 'serviceworkers']));
  });

  it('recognizes only AWS’s SAML endpoints', () => {
    expect(isAwsSamlEndpoint('https://signin.aws.amazon.com/saml')).toBe(true);
    for (const other of [
      'http://signin.aws.amazon.com/saml',
      'https://signin.aws.amazon.com/saml/x',
      'https://signin.aws.amazon.com.evil.example/saml',
      'https://evil.example/signin.aws.amazon.com/saml',
      'https://signin.aws.amazon.com:8443/saml',
      'https://x.evil.signin.aws.amazon.com/saml',
    ]) {
      expect(isAwsSamlEndpoint(other)).toBe(false);
    }
    expect(chromeUserAgent('Mozilla/5.0 AppleWebKit/537.36 deskbridge/0.1.0 Chrome/140.0.0.0 Electron/45.5.0 Safari/537.36')).toBe(
      'Mozilla/5.0 AppleWebKit/537.36 Chrome/140.0.0.0 Safari/537.36',
    );
  });

  it('allows https navigation and refuses plain http, other schemes, new windows and webviews', async () => {
    const { capture } = setup();
    void capture.capture(REQUEST, new AbortController().signal).catch(() => undefined);
    const window = lastWindow();
    const ses = sessionOf(window);
    expect(await ses.request({ url: 'https://login.microsoftonline.com/mfa' })).toEqual({ cancel: false });
    expect(await ses.request({ url: 'http://idp.example.com/login' })).toEqual({ cancel: true });
    expect(await ses.request({ url: 'file:///etc/passwd' })).toEqual({ cancel: true });
    expect(window.webContents.fire('will-navigate', 'https://duo.example.com/frame').defaultPrevented).toBe(false);
    expect(window.webContents.fire('will-navigate', 'http://idp.example.com/').defaultPrevented).toBe(true);
    expect(window.webContents.fire('will-redirect', 'javascript:alert(1)').defaultPrevented).toBe(true);
    expect(window.webContents.fire('will-attach-webview').defaultPrevented).toBe(true);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('refuses every permission request and check', async () => {
    const { capture } = setup();
    void capture.capture(REQUEST, new AbortController().signal).catch(() => undefined);
    const ses = sessionOf(lastWindow());
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'hid']) {
      const granted = await new Promise<boolean>((resolve) => ses.permissionRequestHandler?.({}, permission, resolve, { requestingUrl: REQUEST.signInUrl }));
      expect(granted).toBe(false);
    }
    expect(ses.permissionCheckHandler?.()).toBe(false);
    expect(ses.devicePermissionHandler?.()).toBe(false);
  });

  it('cancels the sign-in when the user closes the window', async () => {
    const { capture } = setup();
    const result = capture.capture(REQUEST, new AbortController().signal);
    const window = lastWindow();
    window.userClose();
    expect(await codeOf(result)).toBe('saml-window-closed');
    expect(sessionOf(window).beforeRequest).toBeNull();
  });

  it('reports an IdP that cannot be reached, but not the POST it cancelled itself', async () => {
    const { capture } = setup();
    const result = capture.capture(REQUEST, new AbortController().signal);
    const window = lastWindow();
    window.webContents.fire('did-fail-load', -20, 'ERR_BLOCKED_BY_CLIENT', 'https://signin.aws.amazon.com/saml', true);
    window.webContents.fire('did-fail-load', -105, 'ERR_NAME_NOT_RESOLVED', 'https://cdn.example.com/x.js', false);
    expect(window.destroyed).toBe(false);
    window.webContents.fire('did-fail-load', -105, 'ERR_NAME_NOT_RESOLVED', REQUEST.signInUrl, true);
    expect(await codeOf(result)).toBe('idp-unreachable');
    expect(window.destroyed).toBe(true);
  });

  it('closes the window when core cancels', async () => {
    const { capture } = setup();
    const controller = new AbortController();
    const result = capture.capture(REQUEST, controller.signal);
    controller.abort();
    expect(await codeOf(result)).toBe('sign-in-cancelled');
    expect(lastWindow().destroyed).toBe(true);
  });

  it('renews hidden, shows itself only when the IdP needs the user, keeps the partition for the run and wipes it on forget', async () => {
    vi.useFakeTimers();
    const { capture, partitions } = setup({ hiddenGraceMs: 20_000 });
    const first = capture.capture(REQUEST, new AbortController().signal);
    await sessionOf(lastWindow()).request({ url: 'https://signin.aws.amazon.com/saml', method: 'POST', uploadData: form({ SAMLResponse: SAML_RESPONSE }) });
    await first;
    const renewal = capture.capture({ ...REQUEST, hidden: true }, new AbortController().signal);
    const hidden = lastWindow();
    hidden.emit('ready-to-show');
    expect(hidden.visible).toBe(false);
    vi.advanceTimersByTime(20_000);
    expect(hidden.visible).toBe(true);
    await sessionOf(hidden).request({ url: 'https://signin.aws.amazon.com/saml', method: 'POST', uploadData: form({ SAMLResponse: SAML_RESPONSE }) });
    await renewal;
    expect(partitions).toHaveLength(1);
    const ses = sessionOf(hidden);
    await capture.forget(REQUEST.orgId);
    expect(ses.cleared.at(-1)).toBeUndefined();
    void capture.capture(REQUEST, new AbortController().signal).catch(() => undefined);
    expect(partitions).toHaveLength(2);
    expect(partitions[1]).not.toBe(partitions[0]);
  });

  it('ignores a POST to AWS without a SAMLResponse and keeps waiting', async () => {
    const { capture } = setup();
    void capture.capture(REQUEST, new AbortController().signal).catch(() => undefined);
    const window = lastWindow();
    expect(await sessionOf(window).request({ url: 'https://signin.aws.amazon.com/saml', method: 'POST', uploadData: form({ other: 'x' }) })).toEqual({
      cancel: true,
    });
    expect(window.destroyed).toBe(false);
  });

  it('stops waiting after the time limit and closes the window', async () => {
    vi.useFakeTimers();
    const { capture } = setup({ timeoutMs: 600_000 });
    const result = capture.capture({ ...REQUEST, hidden: true }, new AbortController().signal);
    const code = codeOf(result);
    vi.advanceTimersByTime(600_000);
    expect(await code).toBe('sign-in-timeout');
    expect(lastWindow().destroyed).toBe(true);
  });
});
