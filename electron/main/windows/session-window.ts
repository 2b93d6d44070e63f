import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { SessionWindows } from '../../core/sessions';
import { APP_HOST, APP_SCHEME } from './app-protocol';
import { createSecureWindow, type SecureWindowOptions } from './secure-window';

type WindowClass = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

export interface SessionWindowOptions extends SecureWindowOptions {
  /** Dev only: the Vite dev server that serves session.html. */
  readonly devServerUrl?: string;
}

/** The viewer page of a session; the id travels in the fragment (never to a server). */
export function sessionPageUrl(sessionId: string, devServerUrl?: string): string {
  const base = devServerUrl ? new URL('session.html', devServerUrl).toString() : `${APP_SCHEME}://${APP_HOST}/session.html`;
  return `${base}#session=${encodeURIComponent(sessionId)}`;
}

/**
 * Core's SessionWindows port: one window per in-app session, built by the same secure factory as
 * the main window (sandbox, isolation, in-memory partition), focused again when reconnected.
 */
export function createSessionWindows(BrowserWindow: WindowClass, options: SessionWindowOptions): SessionWindows {
  const windows = new Map<string, ElectronBrowserWindow>();
  return {
    open: (sessionId, title, onClosed) => {
      const existing = windows.get(sessionId);
      if (existing && !existing.isDestroyed()) {
        existing.show();
        existing.focus();
        return;
      }
      const window = createSecureWindow(BrowserWindow, options);
      windows.set(sessionId, window);
      window.setTitle(title);
      window.once('ready-to-show', () => window.show());
      window.on('closed', () => {
        windows.delete(sessionId);
        onClosed();
      });
      void window.loadURL(sessionPageUrl(sessionId, options.devServerUrl));
    },
    close: (sessionId) => {
      const window = windows.get(sessionId);
      windows.delete(sessionId);
      if (window && !window.isDestroyed()) window.close();
    },
  };
}
