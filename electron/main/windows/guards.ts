import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from '@shared/lib/app-origin';
import { parseUrl } from '@shared/lib/parse-url';

export interface TrustedOrigin {
  /** Dev only: the Vite dev server URL, when running unpackaged with electron-vite dev. */
  readonly devServerUrl?: string;
}

/** True for our own pages: app://deskbridge, or the dev server when one is configured. */
export function isAppUrl(value: string, trusted: TrustedOrigin = {}): boolean {
  const url = parseUrl(value);
  if (url === null) return false;
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  if (!trusted.devServerUrl) return false;
  const dev = new URL(trusted.devServerUrl);
  // Protocol + host compared: URL.origin would be "null" for custom schemes.
  return url.protocol === dev.protocol && url.host === dev.host;
}

export interface GuardOptions {
  /** False in packaged builds: DevTools opened by any means are closed again at once. */
  readonly allowDevTools: boolean;
}

/** Deny-by-default for everything a page could ask of the browser (from 'web-contents-created'). */
export function guardWebContents(contents: WebContents, trusted: TrustedOrigin = {}, options: GuardOptions = { allowDevTools: false }): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, trusted)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, trusted)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (!options.allowDevTools) contents.on('devtools-opened', () => contents.closeDevTools());
}

/**
 * The one permission ever granted: full screen, for the in-app VNC viewer page only (its toolbar
 * has a Full screen button). Everything else, from every page, is refused.
 */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  if (permission !== 'fullscreen' || !requestingUrl) return false;
  const url = parseUrl(requestingUrl);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.pathname === '/session.html';
}

/** Every session (from 'session-created' and the default one): no permission but the viewer's full screen. */
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, (details as { requestingUrl?: string } | undefined)?.requestingUrl)),
  );
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
