import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';

type WindowClass = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

export interface SecureWindowOptions {
  readonly preload: string;
  /** An in-memory partition: cookies, cache and storage never reach the disk. */
  readonly partition: string;
  /** False in packaged builds: DevTools are unavailable to users (docs/architecture.md, the privacy contract). */
  readonly devTools: boolean;
}

/**
 * Every Deskbridge window: sandboxed, isolated, no Node, no webview, an in-memory session. The
 * preferences are written out literally at the `new BrowserWindow` call so Electronegativity
 * (the security gate) can verify them statically.
 */
export function createSecureWindow(BrowserWindow: WindowClass, options: SecureWindowOptions): ElectronBrowserWindow {
  if (options.partition.startsWith('persist:')) throw new Error('Deskbridge windows use in-memory partitions only.');
  return new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Deskbridge',
    backgroundColor: '#1f2330',
    webPreferences: {
      preload: options.preload,
      partition: options.partition,
      devTools: options.devTools,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click must not open new windows (Electronegativity AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
