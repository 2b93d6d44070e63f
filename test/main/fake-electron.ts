/**
 * A fake `electron` module for the main project (vitest aliases 'electron' here). It records what
 * the glue asks of Electron so tests can check it; `resetFakeElectron()` clears everything.
 */
import { EventEmitter } from 'node:events';

export interface Call {
  readonly target: string;
  readonly method: string;
  readonly args: readonly unknown[];
}

/** Every call made on the fake, in order. */
export const calls: Call[] = [];

function record(target: string, method: string, args: readonly unknown[]): void {
  calls.push({ target, method, args });
}

export function callsTo(target: string, method?: string): Call[] {
  return calls.filter((c) => c.target === target && (method === undefined || c.method === method));
}

/** An event as Electron hands it to listeners: records whether it was prevented. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  devToolsClosed = 0;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    record('webContents', 'setWindowOpenHandler', [handler]);
    this.windowOpenHandler = handler;
  }

  closeDevTools(): void {
    this.devToolsClosed++;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  /** Test helper: emits `name` with a fresh FakeEvent and returns it. */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      record('session.protocol', 'handle', [scheme]);
      this.protocolHandlers.set(scheme, handler);
    },
  };

  /** webRequest.onBeforeRequest: the one listener Electron keeps per session (null removes it). */
  beforeRequest: ((details: Record<string, unknown>, callback: (response: { cancel?: boolean }) => void) => void) | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: FakeSession['beforeRequest']) => {
      record('session.webRequest', 'onBeforeRequest', [this.partition, listener === null ? null : 'listener']);
      this.beforeRequest = listener;
    },
  };
  userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Deskbridge/0.1.0 Chrome/140.0.0.0 Electron/45.5.0 Safari/537.36';
  /** What clearStorageData was asked to clear, per call (undefined: everything). */
  readonly cleared: (unknown[] | undefined)[] = [];

  constructor(readonly partition: string) {}

  /** Test helper: a request as Electron's network stack would hand it to onBeforeRequest; resolves with the verdict. */
  request(details: Record<string, unknown>): Promise<{ cancel?: boolean }> {
    return new Promise((resolve) => {
      if (!this.beforeRequest) resolve({});
      else this.beforeRequest({ method: 'GET', ...details }, resolve);
    });
  }

  async clearStorageData(options?: { storages?: unknown[] }): Promise<void> {
    record('session', 'clearStorageData', [this.partition, options]);
    this.cleared.push(options?.storages);
  }

  async clearCache(): Promise<void> {
    record('session', 'clearCache', [this.partition]);
  }

  async clearAuthCache(): Promise<void> {
    record('session', 'clearAuthCache', [this.partition]);
  }

  getUserAgent(): string {
    return this.userAgent;
  }

  setUserAgent(userAgent: string): void {
    record('session', 'setUserAgent', [this.partition, userAgent]);
    this.userAgent = userAgent;
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    record('session', 'setPermissionRequestHandler', [this.partition]);
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    record('session', 'setPermissionCheckHandler', [this.partition]);
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    record('session', 'setDevicePermissionHandler', [this.partition]);
    this.devicePermissionHandler = handler;
  }

  /** The proxy configuration last set; what resolveProxy answers (tests may replace it). */
  proxyConfig: unknown = null;
  proxyFor: (url: string) => string = () => 'DIRECT';

  async setProxy(config: unknown): Promise<void> {
    record('session', 'setProxy', [this.partition, config]);
    this.proxyConfig = config;
  }

  async resolveProxy(url: string): Promise<string> {
    record('session', 'resolveProxy', [this.partition, url]);
    return this.proxyFor(url);
  }

  async closeAllConnections(): Promise<void> {
    record('session', 'closeAllConnections', [this.partition]);
  }
}

const partitions = new Map<string, FakeSession>();

export const session = {
  defaultSession: new FakeSession(''),
  fromPartition(partition: string): FakeSession {
    record('session', 'fromPartition', [partition]);
    let found = partitions.get(partition);
    if (!found) {
      found = new FakeSession(partition);
      partitions.set(partition, found);
    }
    return found;
  },
};

export class BrowserWindow extends EventEmitter {
  static readonly windows: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    record('BrowserWindow', 'constructor', [options]);
    BrowserWindow.windows.push(this);
  }

  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.windows];
  }

  async loadURL(url: string): Promise<void> {
    record('BrowserWindow', 'loadURL', [url]);
    this.loadedUrl = url;
  }

  show(): void {
    record('BrowserWindow', 'show', []);
    this.visible = true;
  }

  visible = false;
  destroyed = false;

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Closes without 'close' handlers, as Electron does; 'closed' still fires. */
  destroy(): void {
    record('BrowserWindow', 'destroy', []);
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }

  /** Test helper: the user closes the window. */
  userClose(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }

  focus(): void {
    record('BrowserWindow', 'focus', []);
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, IpcHandler>();

  handle(channel: string, handler: IpcHandler): void {
    record('ipcMain', 'handle', [channel]);
    // Electron refuses a second handler for a channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    record('ipcMain', 'removeHandler', [channel]);
    this.handlers.delete(channel);
  }

  /** Test helper: what the renderer's ipcRenderer.invoke would trigger, from `senderFrame`. */
  async invoke(channel: string, senderFrame: unknown, ...args: unknown[]): Promise<unknown> {
    return this.invokeFrom(channel, { senderFrame, sender: {} }, ...args);
  }

  /** Test helper: the same, from a given web contents (`sender`) and frame. */
  async invokeFrom(channel: string, event: { senderFrame: unknown; sender: unknown }, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  /** What invoke answers; tests may replace it. */
  respond: (channel: string, args: unknown[]) => unknown = (channel) => ({ ok: true, value: channel });

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    record('ipcRenderer', 'invoke', [channel, ...args]);
    return this.respond(channel, args);
  }

  override removeListener(channel: string, listener: (...args: unknown[]) => void): this {
    record('ipcRenderer', 'removeListener', [channel]);
    return super.removeListener(channel, listener);
  }

  override on(channel: string, listener: (...args: unknown[]) => void): this {
    record('ipcRenderer', 'on', [channel]);
    return super.on(channel, listener);
  }

  send(channel: string, ...args: unknown[]): void {
    record('ipcRenderer', 'send', [channel, ...args]);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

/** What preload put into the page's main world. */
export const exposed = new Map<string, unknown>();

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    record('contextBridge', 'exposeInMainWorld', [key]);
    exposed.set(key, api);
  },
};

export const shell = {
  async openExternal(url: string, options?: unknown): Promise<void> {
    record('shell', 'openExternal', [url, options]);
  },
};

/** An IncomingMessage as `net.request` hands it to 'response' listeners. */
export class FakeIncomingMessage extends EventEmitter {
  constructor(
    readonly statusCode: number,
    readonly headers: Record<string, string | string[]> = {},
    readonly statusMessage = '',
  ) {
    super();
  }
  resume(): void {}
}

/** What a login callback was called with: no arguments (cancel) or user name and password. */
export type LoginAnswer = readonly [] | readonly [string, string];

/** A ClientRequest from `net.request`: records what the glue sends; tests play the network. */
export class FakeClientRequest extends EventEmitter {
  readonly headers = new Map<string, string>();
  readonly written: Buffer[] = [];
  ended = false;
  aborted = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
  }

  setHeader(name: string, value: string): void {
    this.headers.set(name.toLowerCase(), value);
  }

  write(chunk: Buffer | string): void {
    this.written.push(Buffer.from(chunk));
  }

  end(): void {
    this.ended = true;
  }

  abort(): void {
    record('ClientRequest', 'abort', [this.options.url]);
    this.aborted = true;
  }

  /** Test helper: Chromium's 'login' event; resolves with what the glue answered. */
  login(authInfo: { isProxy: boolean; scheme: string; host: string; port: number; realm: string }): Promise<LoginAnswer> {
    return new Promise((resolve) => {
      this.emit('login', authInfo, (...answer: string[]) => resolve(answer.length >= 2 ? [answer[0]!, answer[1]!] : []));
    });
  }

  /** Test helper: the response arrives; `body` chunks then 'end' follow on the next turns. */
  respond(statusCode: number, body: readonly string[] = [], headers: Record<string, string | string[]> = {}): FakeIncomingMessage {
    const message = new FakeIncomingMessage(statusCode, headers);
    this.emit('response', message);
    void (async () => {
      for (const chunk of body) {
        await Promise.resolve();
        message.emit('data', Buffer.from(chunk));
      }
      await Promise.resolve();
      message.emit('end');
    })();
    return message;
  }
}

export const net = {
  async fetch(url: string): Promise<Response> {
    record('net', 'fetch', [url]);
    return new Response('', { status: 404 });
  },
  /** Every request made with net.request, in order. */
  requests: [] as FakeClientRequest[],
  /** Resolves with the next request made with net.request. */
  waiters: [] as ((request: FakeClientRequest) => void)[],
  request(options: Record<string, unknown>): FakeClientRequest {
    record('net', 'request', [options]);
    const request = new FakeClientRequest(options);
    this.requests.push(request);
    this.waiters.shift()?.(request);
    return request;
  },
  nextRequest(): Promise<FakeClientRequest> {
    return new Promise((resolve) => this.waiters.push(resolve));
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    record('protocol', 'registerSchemesAsPrivileged', [schemes]);
  },
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    record('dialog', 'showErrorBox', [title, content]);
  },
};

/** What Menu.buildFromTemplate was given: the template is kept as it is, for tests to read and click. */
export class FakeMenu {
  constructor(readonly items: readonly Record<string, unknown>[]) {}
}

export const Menu = {
  buildFromTemplate(template: Record<string, unknown>[]): FakeMenu {
    record('Menu', 'buildFromTemplate', [template]);
    return new FakeMenu(template);
  },
};

export class Tray extends EventEmitter {
  static readonly trays: Tray[] = [];
  contextMenu: FakeMenu | null = null;
  toolTip = '';
  destroyed = false;

  constructor(readonly image: unknown) {
    super();
    record('Tray', 'constructor', [image]);
    Tray.trays.push(this);
  }

  setContextMenu(menu: FakeMenu | null): void {
    record('Tray', 'setContextMenu', []);
    this.contextMenu = menu;
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }

  destroy(): void {
    record('Tray', 'destroy', []);
    this.destroyed = true;
  }

  /** Test helper: the item of the current menu with this id. */
  item(id: string): Record<string, unknown> | undefined {
    return this.contextMenu?.items.find((entry) => entry['id'] === id);
  }
}

export const nativeImage = {
  createFromPath(path: string): { path: string; resize(options: unknown): unknown } {
    record('nativeImage', 'createFromPath', [path]);
    return { path, resize: (options: unknown) => ({ path, options }) };
  },
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly paths = new Map<string, string>();
  enableSandbox(): void {
    record('app', 'enableSandbox', []);
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/fake/${name}`;
  }
  setPath(name: string, value: string): void {
    record('app', 'setPath', [name, value]);
    this.paths.set(name, value);
  }
  setAppLogsPath(value: string): void {
    record('app', 'setAppLogsPath', [value]);
  }
  getVersion(): string {
    return '0.0.0-fake';
  }
  getLocale(): string {
    return 'en-US';
  }
  requestSingleInstanceLock(): boolean {
    record('app', 'requestSingleInstanceLock', []);
    return true;
  }
  setAsDefaultProtocolClient(scheme: string): boolean {
    record('app', 'setAsDefaultProtocolClient', [scheme]);
    return true;
  }
  whenReady(): Promise<void> {
    return new Promise<void>(() => undefined); // never ready: glue modules imported by tests stay inert
  }
  quit(): void {
    record('app', 'quit', []);
  }
  exit(code?: number): void {
    record('app', 'exit', [code]);
  }
}

export const app = new FakeApp();

export function resetFakeElectron(): void {
  calls.length = 0;
  partitions.clear();
  BrowserWindow.windows.length = 0;
  Tray.trays.length = 0;
  exposed.clear();
  for (const channel of [...ipcMain.handlers.keys()]) ipcMain.handlers.delete(channel);
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  ipcRenderer.respond = (channel) => ({ ok: true, value: channel });
  session.defaultSession = new FakeSession('');
  net.requests.length = 0;
  net.waiters.length = 0;
  app.removeAllListeners();
  app.paths.clear();
}

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, protocol, session, shell, net, dialog, Menu, Tray, nativeImage };
