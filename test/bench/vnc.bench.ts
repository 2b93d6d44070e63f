/**
 * The in-app viewer: from the click on Connect in the desktop list to the first remote frame on
 * screen against Xvnc on loopback, cold and warm, without and with a remembered password, with
 * where the time goes; and the VNC bridge's throughput next to a direct TCP connection.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import WebSocket from 'ws';
import { createCore } from '../../electron/core';
import { Logger } from '@core/log/logger';
import { VncBridge } from '@core/sessions';
import type { SessionWindows } from '@core/sessions/ports';
import type { SecretStore } from '@core/ports';
import { KeytarSecretStore } from '@core/vault/keytar-secret-store';
import { MemorySecretStore } from '@core/vault/memory-secret-store';
import { playingBrowser } from '../core/auth/support';
import { launchChromium } from '../e2e/support/chromium';
import { startEmulator } from '../emulator';
import { buildRendererForWeb } from '../harness/build-renderer';
import { type Harness, isWebHostOrigin, startHarness } from '../harness/server';
import { run, startXvnc } from '../system/support/xvnc';
import { atMost, type Benchmark, type Figure, median, quantile } from './figures';

const RUNS = 7;
const PAYLOAD = 64 * 1024 * 1024;

/** Everything the viewer page records, in epoch milliseconds (performance.timeOrigin + now). */
interface ViewerTrace {
  readonly navigationStart: number;
  readonly entryScript: number | null;
  readonly novncChunk: number | null;
  /** The viewer's sessions.vncTicket call over the harness socket: asked, answered. */
  readonly ticketAsked: number | null;
  readonly ticketAnswered: number | null;
  readonly bridgeCreated: number | null;
  readonly bridgeOpen: number | null;
  /** noVNC's first bytes to the server (its RFB version): noVNC has attached to the socket. */
  readonly firstReply: number | null;
  /** Each message from the VNC server (through the bridge): when, and its size. */
  readonly bridgeMessages: readonly (readonly [number, number])[];
  readonly firstFrame: number | null;
  /** The session UI (toolbar and status) in the DOM: React has rendered. */
  readonly uiShown: number | null;
}

/**
 * Runs in every page of the context before its own scripts. On the viewer page it records the
 * bridge socket's life (the RFB handshake message by message) and, every animation frame, whether
 * the remote screen's colour is on the canvas yet: the first frame on screen.
 */
function traceViewer([harnessPort, colour]: [number, [number, number, number]]): void {
  if (!location.pathname.endsWith('/session.html')) return;
  const now = (): number => performance.timeOrigin + performance.now();
  const trace = {
    ticketAsked: null as number | null,
    ticketAnswered: null as number | null,
    ticketId: -1,
    bridgeCreated: null as number | null,
    bridgeOpen: null as number | null,
    firstReply: null as number | null,
    bridgeMessages: [] as [number, number][],
    firstFrame: null as number | null,
    uiShown: null as number | null,
  };
  (window as unknown as { __viewerTrace: typeof trace }).__viewerTrace = trace;
  new MutationObserver((_records, observer) => {
    if (document.querySelector('.session') === null) return;
    trace.uiShown = now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
  // A wrapper, not a subclass: noVNC checks the socket's own prototype for WebSocket's members.
  const Native = window.WebSocket;
  const Traced = function (url: string | URL, protocols?: string | string[]): InstanceType<typeof window.WebSocket> {
    const socket = new Native(url, protocols);
    if (new URL(String(url)).port === String(harnessPort)) {
      const send = socket.send.bind(socket);
      socket.send = (data: string | ArrayBufferLike | Blob | ArrayBufferView) => {
        if (typeof data === 'string' && data.includes('"sessions:vncTicket"')) {
          trace.ticketAsked = now();
          trace.ticketId = (JSON.parse(data) as { id: number }).id;
        }
        send(data);
      };
      socket.addEventListener('message', (event: MessageEvent) => {
        if (trace.ticketAnswered === null && typeof event.data === 'string' && (JSON.parse(event.data) as { id?: number }).id === trace.ticketId)
          trace.ticketAnswered = now();
      });
      return socket;
    }
    trace.bridgeCreated = now();
    const sendToServer = socket.send.bind(socket);
    socket.send = (data: string | ArrayBufferLike | Blob | ArrayBufferView) => {
      trace.firstReply ??= now();
      sendToServer(data);
    };
    socket.addEventListener('open', () => (trace.bridgeOpen = now()));
    socket.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as ArrayBuffer | Blob | string;
      trace.bridgeMessages.push([now(), typeof data === 'string' ? data.length : data instanceof Blob ? data.size : data.byteLength]);
    });
    return socket;
  } as unknown as typeof window.WebSocket;
  Object.setPrototypeOf(Traced, Native);
  Object.defineProperty(Traced, 'prototype', { value: Native.prototype });
  window.WebSocket = Traced;
  const look = (): void => {
    const canvas = [...document.querySelectorAll('canvas')].filter((c) => c.width > 0).at(-1);
    const d = canvas?.getContext('2d')?.getImageData(10, 10, 1, 1).data;
    if (d !== undefined && d[0] === colour[0] && d[1] === colour[1] && d[2] === colour[2]) trace.firstFrame = now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

async function readTrace(page: Page): Promise<ViewerTrace> {
  // The UI may render after the first frame (the page loads it once the viewer has settled).
  await page.waitForFunction(
    () => {
      const t = (window as unknown as { __viewerTrace?: { firstFrame: number | null; uiShown: number | null } }).__viewerTrace;
      return t?.firstFrame != null && t.uiShown != null;
    },
    undefined,
    { timeout: 20_000 },
  );
  // No named inner functions here: tsx would wrap them in a __name helper the page lacks.
  return page.evaluate(() => {
    const t = (window as unknown as { __viewerTrace: Omit<ViewerTrace, 'navigationStart' | 'entryScript' | 'novncChunk'> }).__viewerTrace;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.endsWith('.js'));
    const ends = [/\/session[^/]*\.js$/, /novnc|rfb/i].map((pattern) => scripts.find((r) => pattern.test(new URL(r.name).pathname)));
    return {
      ...t,
      navigationStart: performance.timeOrigin,
      entryScript: ends[0] === undefined ? null : performance.timeOrigin + ends[0].responseEnd,
      novncChunk: ends[1] === undefined ? null : performance.timeOrigin + ends[1].responseEnd,
    };
  });
}

/**
 * The app keeps a remembered password in the OS keychain (keytar → libsecret → the secret service
 * over D-Bus). With DESKBRIDGE_BENCH_KEYCHAIN=1 (inside dbus-run-session with an unlocked
 * gnome-keyring and a throw-away HOME, see the README) the benchmark uses that real path;
 * otherwise an in-memory store, and the figures say so.
 */
interface Keychain {
  readonly store: SecretStore;
  readonly label: string;
}

function keychain(): Keychain {
  return process.env['DESKBRIDGE_BENCH_KEYCHAIN'] === '1'
    ? { store: new KeytarSecretStore(), label: 'gnome-keyring' }
    : { store: new MemorySecretStore(), label: 'in-memory keychain' };
}

/** Each keychain read's start and end (epoch ms), to place the read among the viewer's steps. */
function timedReads(store: SecretStore, reads: [number, number][]): SecretStore {
  const now = (): number => performance.timeOrigin + performance.now();
  return {
    get: async (service, account) => {
      const start = now();
      try {
        return await store.get(service, account);
      } finally {
        reads.push([start, now()]);
      }
    },
    set: (service, account, value) => store.set(service, account, value),
    delete: (service, account) => store.delete(service, account),
    accounts: (service) => store.accounts(service),
  };
}

const COLOUR: [number, number, number] = [0x33, 0x66, 0xcc];

interface Run {
  readonly clickToFrame: number;
  /** Milliseconds from the click to each step. */
  readonly steps: Readonly<Record<string, number>>;
}

/**
 * The user's path: the desktop list in Chromium (web host), a click on Connect on the desktop whose
 * deskbridge:connect tag points at Xvnc, core starting the session and opening the viewer window
 * (the harness opens a page where Electron would open a window), noVNC through the bridge, and the
 * remote screen's first frame. Timed in the browser from the click event to the animation frame
 * that has the remote colour on the canvas. The first run of a fresh browser is "cold"; the rest warm.
 */
async function firstFrame(keychain: Keychain, password?: string): Promise<{ cold: Run; warm: Run[] }> {
  const xvnc = await startXvnc(password === undefined ? {} : { password });
  await run('xsetroot', ['-solid', `#${COLOUR.map((c) => c.toString(16).padStart(2, '0')).join('')}`], xvnc.env);
  const emu = await startEmulator({ bulkCount: 0, vncAddress: `vnc://127.0.0.1:${xvnc.port}` });
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-bench-vnc-'));
  const policyFile = join(dir, 'policy.json');
  await writeFile(policyFile, JSON.stringify(emu.demo.managedPolicy));
  const rendererDir = await buildRendererForWeb();
  let context: BrowserContext | undefined;
  // Where Electron opens a session window, the harness opens the viewer page in the same browser.
  const host: { harness?: Harness } = {};
  const windowOpened: number[] = [];
  const keychainReads: [number, number][] = [];
  const windows: SessionWindows = {
    open: (sessionId) => {
      windowOpened.push(performance.timeOrigin + performance.now());
      const h = host.harness;
      if (h !== undefined)
        void context?.newPage().then((page) => page.goto(`${h.origin}/session.html#token=${h.token}&session=${encodeURIComponent(sessionId)}`));
    },
    close: () => undefined,
  };
  const core = await createCore({
    info: { name: 'Deskbridge', version: '0.0.0-bench', host: 'web', platform: process.platform },
    paths: { settingsFile: join(dir, 'settings.json'), policyFile },
    secrets: timedReads(keychain.store, keychainReads),
    browser: playingBrowser({ username: 'alice', password: 'alice-demo-pass' }),
    sessions: { windows, viewerOrigin: isWebHostOrigin },
  });
  const harness = await startHarness(core, rendererDir);
  host.harness = harness;
  const browsers: Browser[] = [];
  try {
    const orgs = await core.api.orgs.list();
    const org = orgs.ok ? orgs.value.organizations.find((o) => o.signIn.method === 'oidc') : undefined;
    if (org === undefined) throw new Error('no OIDC demo organization');
    const signedIn = await core.api.auth.signIn(org.id, { staySignedIn: false });
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error.message}`);
    const harnessPort = Number(new URL(harness.origin).port);

    const session = async (open: () => Promise<void>): Promise<Page> => {
      const viewer = context!.waitForEvent('page');
      await open();
      return viewer;
    };
    const endSession = async (viewer: Page): Promise<void> => {
      await viewer.getByRole('button', { name: 'Disconnect' }).click();
      await viewer.locator('.session[data-phase="ended"]').waitFor();
      await viewer.close();
    };
    const freshBrowser = async (): Promise<Page> => {
      const browser = await launchChromium();
      browsers.push(browser);
      context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
      // tsx keeps function names with a __name helper the page lacks: give it one.
      await context.addInitScript({ content: `var __name = (f) => f; (${traceViewer.toString()})(${JSON.stringify([harnessPort, COLOUR])});` });
      const list = await context.newPage();
      await list.goto(harness.url);
      await list.getByRole('button', { name: 'Connect to Linux-VNC' }).waitFor({ timeout: 60_000 });
      return list;
    };

    if (password !== undefined) {
      // The user typed the password once and asked Deskbridge to remember it (not timed).
      const list = await freshBrowser();
      const viewer = await session(() => list.getByRole('button', { name: 'Connect to Linux-VNC' }).click());
      await viewer.getByLabel('VNC password').fill(password);
      await viewer.getByLabel('Remember it in this computer’s keychain').check();
      await viewer.getByRole('button', { name: 'Connect', exact: true }).click();
      await viewer.locator('.session[data-phase="connected"]').waitFor({ timeout: 20_000 });
      await endSession(viewer);
      await context!.close();
    }

    const list = await freshBrowser();
    const runs: Run[] = [];
    for (let i = 0; i <= RUNS; i += 1) {
      const connect = list.getByRole('button', { name: 'Connect to Linux-VNC' });
      await connect.waitFor();
      const clicked = list.evaluate(
        () =>
          new Promise<number>((resolve) =>
            document.addEventListener('click', (event) => resolve(performance.timeOrigin + event.timeStamp), { capture: true, once: true }),
          ),
      );
      const viewer = await session(() => connect.click());
      const click = await clicked;
      const t = await readTrace(viewer);
      const since = (at: number | null | undefined): number => (at == null ? NaN : at - click);
      const messages = t.bridgeMessages;
      runs.push({
        clickToFrame: since(t.firstFrame),
        steps: {
          'keychain read starts (core)': since(keychainReads.at(-1)?.[0]),
          'keychain read done (core)': since(keychainReads.at(-1)?.[1]),
          'core opens the window': since(windowOpened.at(-1)),
          'viewer page starts loading': since(t.navigationStart),
          'entry script loaded': since(t.entryScript),
          'noVNC chunk loaded': since(t.novncChunk),
          'ticket asked (harness socket open)': since(t.ticketAsked),
          'ticket answered (bridge + keychain)': since(t.ticketAnswered),
          'bridge socket made': since(t.bridgeCreated),
          'bridge open': since(t.bridgeOpen),
          'server version (RFB)': since(messages[0]?.[0]),
          'noVNC attached (its first reply)': since(t.firstReply),
          // With VncAuth: security types, challenge, result; without: security types, result.
          'security handshake done': since(messages[password === undefined ? 2 : 3]?.[0]),
          ServerInit: since(messages[password === undefined ? 3 : 4]?.[0]),
          'first frame on screen': since(t.firstFrame),
          'session UI rendered': since(t.uiShown),
        },
      });
      await endSession(viewer);
    }
    const [cold, ...warm] = runs;
    if (cold === undefined) throw new Error('no run');
    return { cold, warm };
  } finally {
    for (const browser of browsers) await browser.close();
    // Signing out wipes the remembered VNC password from the keychain.
    const orgs = await core.api.orgs.list();
    if (orgs.ok) for (const org of orgs.value.organizations) await core.api.auth.signOut(org.id);
    await harness.stop();
    await core.dispose();
    await emu.stop();
    await xvnc.stop();
    await rm(rendererDir, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
}

function frameFigures(how: string, result: { cold: Run; warm: Run[] }): Figure[] {
  const warm = result.warm.map((r) => r.clickToFrame);
  return [
    {
      benchmark: 'vnc viewer',
      metric: `click Connect to first frame, ${how}, cold (first run)`,
      value: Math.round(result.cold.clickToFrame),
      unit: 'ms',
      target: atMost(500, 'ms'),
    },
    { benchmark: 'vnc viewer', metric: `… ${how}, warm, median of ${warm.length}`, value: Math.round(median(warm)), unit: 'ms', target: atMost(500, 'ms') },
    { benchmark: 'vnc viewer', metric: `… ${how}, warm, p95 of ${warm.length}`, value: Math.round(quantile(warm, 0.95)), unit: 'ms' },
  ];
}

/** Where the time goes: the median warm run's steps, and the cold run's, since the click. */
function breakdown(how: string, result: { cold: Run; warm: Run[] }): string {
  const steps = Object.keys(result.cold.steps);
  const warm = (step: string): number => median(result.warm.map((r) => r.steps[step] ?? NaN));
  const rows = steps.map(
    (step) =>
      `  ${step.padEnd(38)} cold ${String(Math.round(result.cold.steps[step] ?? NaN)).padStart(5)} ms   warm ${String(Math.round(warm(step))).padStart(5)} ms`,
  );
  return [`vnc viewer, ${how}: ms since the click on Connect (warm: median of ${result.warm.length})`, ...rows].join('\n');
}

/** A TCP peer that sends PAYLOAD bytes to whoever connects, then closes. */
async function source(): Promise<{ port: number; close(): Promise<void> }> {
  const chunk = Buffer.alloc(64 * 1024, 7);
  const server = createServer((socket) => {
    let sent = 0;
    const pump = () => {
      while (sent < PAYLOAD) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
      socket.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function throughput(): Promise<Figure[]> {
  const peer = await source();
  const bridge = new VncBridge(new Logger().scoped('bench'), { upstreamOpen: () => undefined, closed: () => undefined });
  try {
    const direct = await new Promise<number>((resolve, reject) => {
      const start = performance.now();
      let bytes = 0;
      const socket = connect({ host: '127.0.0.1', port: peer.port });
      socket.on('data', (data: Buffer) => (bytes += data.length));
      socket.once('error', reject);
      socket.once('end', () => resolve(bytes / (1024 * 1024) / ((performance.now() - start) / 1000)));
    });
    const url = await bridge.issue('bench', { host: '127.0.0.1', port: peer.port }, 'app://deskbridge');
    const bridged = await new Promise<number>((resolve, reject) => {
      const start = performance.now();
      let bytes = 0;
      const ws = new WebSocket(url, { origin: 'app://deskbridge', perMessageDeflate: false });
      ws.on('message', (data: Buffer) => (bytes += data.length));
      ws.once('error', reject);
      ws.once('close', () => resolve(bytes / (1024 * 1024) / ((performance.now() - start) / 1000)));
    });
    return [
      { benchmark: 'vnc bridge', metric: 'direct TCP throughput (64 MiB)', value: direct, unit: 'MiB/s' },
      { benchmark: 'vnc bridge', metric: 'through the WebSocket bridge', value: bridged, unit: 'MiB/s' },
      { benchmark: 'vnc bridge', metric: 'bridge / direct', value: bridged / direct, unit: '×' },
    ];
  } finally {
    await bridge.stop();
    await peer.close();
  }
}

const bench: Benchmark = async () => {
  const figures = await throughput();
  const store = keychain();
  for (const [how, password] of [
    ['no password', undefined],
    [`remembered password (${store.label})`, 'bench-pw'],
  ] as const) {
    const result = await firstFrame(store, password);
    process.stdout.write(`${breakdown(how, result)}\n`);
    figures.push(...frameFigures(how, result));
  }
  return figures;
};
export default bench;
