/** Composition root: single-instance lock, deep links, core, IPC, the app:// protocol, windows. */
import { app, BrowserWindow, dialog, Menu, nativeImage, net, protocol, session, shell, Tray } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../core';
import { Logger } from '../core/log/logger';
import { KeytarSecretStore } from '../core/vault/keytar-secret-store';
import { deepLinkFromArgv } from './deep-links';
import { serveContract } from './ipc';
import { electronBrowser } from './platform/electron-browser';
import { electronHandoff } from './platform/electron-handoff';
import { electronNetwork } from './platform/electron-network';
import { redirectElectronDirs, removeOnQuit, sweepStaleRunDirs } from './lifecycle';
import { currentUserName, osManagedConfig } from './platform/managed-config';
import { electronPaths, settingsFolder } from './platform/paths';
import { APP_ENTRY, APP_SCHEME } from '@shared/lib/app-origin';
import { cspFor } from '@shared/lib/content-security-policy';
import { mimeType, resolveAppAsset } from '../core/host/app-assets';
import { guardWebContents, hardenSession, type TrustedOrigin } from './windows/guards';
import { createSecureWindow } from './windows/secure-window';
import { electronSessionPorts } from './windows/session-window';
import { createSamlWindows } from './windows/saml-window';
import { createTray, type DeskbridgeTray } from './tray';

const PARTITION = 'deskbridge-main';
const trusted: TrustedOrigin = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? { devServerUrl: process.env.ELECTRON_RENDERER_URL } : {};

app.enableSandbox();
// The settings folder is decided before userData moves to the per-run temp folder; it also holds
// Chromium's single-instance lock, which must be stable across runs for deep links to reach us.
const settingsDir = settingsFolder(app.getPath('appData'));
app.setPath('userData', settingsDir);
const isPrimary = app.requestSingleInstanceLock();
const allowDevTools = !app.isPackaged;
// codeCache: V8 keeps the compiled code of app://'s scripts in the partition's cache (not persisted;
// at most in this run's temp folder, removed on quit), so a second session window or the main
// window reopened does not compile React and noVNC again.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
/** Kept referenced so it is not garbage-collected (and with it the icon). */
let tray: DeskbridgeTray | null = null;
/** SAML sign-in windows' sessions: they have their own guards (https IdP pages, no permissions). */
const samlSessions = new Set<Electron.Session>();
const earlyLinks: string[] = [];

function deliverLink(url: string): void {
  if (core) core.receiveDeepLink(url);
  else earlyLinks.push(url);
  mainWindow?.show();
  mainWindow?.focus();
}

function serveApp(partition: string): void {
  const root = join(__dirname, '../renderer');
  const ses = session.fromPartition(partition);
  hardenSession(ses);
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(root, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    return new Response(response.body, {
      status: response.status,
      headers: { 'content-type': mimeType(file), 'content-security-policy': cspFor(file), 'x-content-type-options': 'nosniff' },
    });
  });
}

/** Shows the main window, opening it again when it was closed. */
function showMainWindow(): void {
  if (!mainWindow) openMainWindow();
  mainWindow?.show();
  mainWindow?.focus();
}

/** The packaged app ships the icon as a resource (build/electron-builder.config.cjs); a dev run reads build/. */
function trayIconPath(): string {
  return app.isPackaged ? join(process.resourcesPath, 'tray-icon.png') : join(__dirname, '../../build/icon.png');
}

function openTray(running: Core): void {
  tray = createTray({
    electron: { Tray, Menu },
    icon: nativeImage.createFromPath(trayIconPath()).resize({ width: 16, height: 16 }),
    api: running.api,
    events: running.events,
    osLocale: app.getLocale(),
    openMain: showMainWindow,
    quit: () => app.quit(),
    log: (message, error) => running.logger.log('warn', 'main', message, error),
  });
}

function openMainWindow(): void {
  mainWindow = createSecureWindow(BrowserWindow, { preload: join(__dirname, '../preload/index.cjs'), partition: PARTITION, devTools: allowDevTools });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(trusted.devServerUrl ?? APP_ENTRY);
}

if (!isPrimary) {
  app.quit();
} else {
  // Crash reports are never uploaded: the crash reporter is not started, and any dump Chromium
  // writes goes to the private temp folder with everything else Electron writes.
  const { run, prepare } = redirectElectronDirs(app);
  app.setAsDefaultProtocolClient('deskbridge');
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkFromArgv(argv);
    if (link) deliverLink(link);
    else mainWindow?.focus();
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deliverLink(url);
  });
  app.on('session-created', (created) => hardenSession(created));
  app.on('web-contents-created', (_event, contents) => {
    if (!samlSessions.has(contents.session)) guardWebContents(contents, trusted, { allowDevTools });
  });
  app.on('window-all-closed', () => app.quit());
  removeOnQuit(
    app,
    run,
    async () => {
      tray?.dispose();
      await core?.dispose();
    },
    (error) => core?.logger.log('warn', 'main', 'Cleanup on quit failed', error),
  );

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    try {
      await prepare;
    } catch {
      dialog.showErrorBox('Deskbridge cannot start', 'Its private temporary folder could not be created safely.');
      app.exit(1);
      return;
    }
    const swept = sweepStaleRunDirs(app.getPath('temp'), undefined, run.root);
    const sessionPorts = electronSessionPorts({
      BrowserWindow,
      preloadDir: join(__dirname, '../preload'),
      partition: PARTITION,
      devTools: allowDevTools,
      trusted,
      run,
      handoff: electronHandoff(app, shell),
    });
    const logger = new Logger();
    core = await createCore({
      logger,
      info: {
        name: 'Deskbridge',
        version: app.getVersion(),
        host: 'electron',
        platform: process.platform,
        versions: { electron: process.versions.electron, chromium: process.versions.chrome, node: process.versions.node },
      },
      paths: electronPaths(settingsDir, process.env, app.isPackaged),
      managedConfig: osManagedConfig(process.platform, currentUserName()),
      secrets: new KeytarSecretStore(),
      browser: electronBrowser(shell),
      sessions: sessionPorts,
      samlWindow: createSamlWindows({
        BrowserWindow,
        fromPartition: (partition) => session.fromPartition(partition),
        onPartition: (partition) => samlSessions.add(session.fromPartition(partition)),
      }),
      // Chromium's network stack: net.request on the default session (see electron-network.ts).
      network: electronNetwork({ net, session: () => session.defaultSession, log: logger.scoped('network') }),
    });
    serveContract(core, trusted, sessionPorts.windows);
    serveApp(PARTITION);
    const argvLink = deepLinkFromArgv(process.argv);
    if (argvLink) earlyLinks.push(argvLink);
    for (const link of earlyLinks.splice(0)) core.receiveDeepLink(link);
    openMainWindow();
    openTray(core);
    const removed = await swept;
    if (removed.length > 0) core.logger.log('info', 'main', `Removed ${removed.length} temp folder(s) left by an earlier run`);
  });
}
