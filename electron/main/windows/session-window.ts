import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { SessionPorts, SessionWindows, UrlHandoff } from '@core/sessions';
import type { IpcScopes } from '../ipc/bind-ipc';
import { frameOrigin } from '../ipc/trusted-sender';
import type { RunDir } from '../platform/run-dirs';
import { APP_HOST, APP_SCHEME } from '@shared/lib/app-origin';
import { sessionFragment, type SessionLook } from '@shared/lib/session-page';
import type { TrustedOrigin } from './guards';
import { createSecureWindow, type SecureWindowOptions } from './secure-window';

type WindowClass = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

/** The session window's preload: only its own session's calls (electron/preload/session.ts). */
export const SESSION_PRELOAD = 'session.cjs';

export interface SessionWindowOptions extends SecureWindowOptions {
  /** Dev only: the Vite dev server that serves session.html. */
  readonly devServerUrl?: string;
}

/** The viewer page of a session; the id and the user's look travel in the fragment (never to a server). */
export function sessionPageUrl(sessionId: string, devServerUrl?: string, look?: SessionLook): string {
  const base = devServerUrl ? new URL('session.html', devServerUrl).toString() : `${APP_SCHEME}://${APP_HOST}/session.html`;
  return `${base}#${sessionFragment(sessionId, look)}`;
}

/**
 * Core's SessionWindows port: one window per in-app session, built by the same secure factory as
 * the main window (sandbox, isolation, in-memory partition), focused again when reconnected. It
 * also tells the IPC binding which session a window's web contents belongs to.
 */
export function createSessionWindows(BrowserWindow: WindowClass, options: SessionWindowOptions): SessionWindows & IpcScopes {
  const windows = new Map<string, ElectronBrowserWindow>();
  return {
    open: (sessionId, title, onClosed, look) => {
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
      void window.loadURL(sessionPageUrl(sessionId, options.devServerUrl, look));
    },
    close: (sessionId) => {
      const window = windows.get(sessionId);
      windows.delete(sessionId);
      if (window && !window.isDestroyed()) window.close();
    },
    sessionOf: (sender) => {
      for (const [sessionId, window] of windows) if (sender !== undefined && sender !== null && window.webContents === sender) return sessionId;
      return undefined;
    },
  };
}

export interface ElectronSessionPortsInput {
  readonly BrowserWindow: WindowClass;
  /** The folder of the built preload scripts. */
  readonly preloadDir: string;
  readonly partition: string;
  readonly devTools: boolean;
  readonly trusted: TrustedOrigin;
  /** This run's private folder: connection files go inside it, so a crash's are swept next start. */
  readonly run: RunDir;
  readonly handoff: UrlHandoff;
}

/**
 * Core's session ports in Electron: session windows with their own preload, connection files in
 * the run folder, and as viewer origin only app://deskbridge (plus the dev server when unpackaged).
 */
export function electronSessionPorts(input: ElectronSessionPortsInput): SessionPorts & { readonly windows: SessionWindows & IpcScopes } {
  const { devServerUrl } = input.trusted;
  const windows = createSessionWindows(input.BrowserWindow, {
    preload: join(input.preloadDir, SESSION_PRELOAD),
    partition: input.partition,
    devTools: input.devTools,
    ...(devServerUrl ? { devServerUrl } : {}),
  });
  const devOrigin = devServerUrl ? frameOrigin(devServerUrl) : null;
  return {
    handoff: input.handoff,
    windows,
    tempDir: input.run.files,
    ...(devOrigin ? { viewerOrigin: (origin: string) => origin === devOrigin } : {}),
  };
}
