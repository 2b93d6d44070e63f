import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** Every Deskbridge window: sandboxed, isolated, no Node, no webview, an in-memory session. */
export function secureWebPreferences(preload: string, partition: string): WebPreferences {
  if (partition.startsWith('persist:')) throw new Error('Deskbridge windows use in-memory partitions only.');
  return {
    preload,
    partition,
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
  };
}

export function mainWindowOptions(preload: string, partition: string): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Deskbridge',
    backgroundColor: '#1f2330',
    webPreferences: secureWebPreferences(preload, partition),
  };
}
