import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { startSessionPage, UI_WAIT_MS } from '@renderer/session/page';

/** A stand-in for noVNC: the viewer constructs it on the bridge socket; the test fires its events. */
const rfbs: EventTarget[] = [];
vi.mock('@novnc/novnc', () => ({
  default: class extends EventTarget {
    scaleViewport = true;
    background = '';
    focusOnClick = false;
    constructor() {
      super();
      rfbs.push(this);
    }
    focus(): void {}
    disconnect(): void {}
  },
}));

const { VncViewer } = await import('@renderer/session/vnc-viewer');

let server: WebSocketServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  rfbs.length = 0;
  document.body.innerHTML = '';
  for (const client of server?.clients ?? []) client.terminate();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A fake viewer whose settling the test controls. */
function fakeViewer() {
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  return { start: vi.fn(), settled: () => settled, settle: () => settle() };
}

function fakeUi() {
  const renderSession = vi.fn();
  return { renderSession, loadUi: vi.fn(() => Promise.resolve({ renderSession })) };
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

describe('the session page’s order of work', () => {
  it('starts the viewer and shows its screen at once, and loads the UI only once the viewer has settled', async () => {
    const viewer = fakeViewer();
    const ui = fakeUi();
    const screen = document.createElement('div');
    document.body.innerHTML = '<div id="root"></div>';
    const done = startSessionPage({ sessionId: 's-1', screen, viewer, loadUi: ui.loadUi, waitMs: 60_000 });
    await flush();
    expect(viewer.start).toHaveBeenCalledOnce();
    // Before the (empty) UI root, so it fills the window until the UI takes it.
    expect(document.body.firstElementChild).toBe(screen);
    expect(ui.loadUi).not.toHaveBeenCalled();
    viewer.settle();
    await done;
    expect(ui.loadUi).toHaveBeenCalledOnce();
    expect(ui.renderSession).toHaveBeenCalledWith('s-1', viewer, screen);
  });

  it('loads the UI after UI_WAIT_MS when the viewer has not settled by then', async () => {
    vi.useFakeTimers();
    const viewer = fakeViewer();
    const ui = fakeUi();
    const done = startSessionPage({ sessionId: 's-1', screen: document.createElement('div'), viewer, loadUi: ui.loadUi });
    await vi.advanceTimersByTimeAsync(UI_WAIT_MS - 1);
    expect(ui.loadUi).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(ui.renderSession).toHaveBeenCalledOnce();
  });

  it('renders the UI at once when there is no session to connect to', async () => {
    const ui = fakeUi();
    await startSessionPage({ sessionId: null, screen: document.createElement('div'), viewer: null, loadUi: ui.loadUi, waitMs: 60_000 });
    expect(ui.renderSession).toHaveBeenCalledWith(null, null, expect.any(HTMLElement));
  });
});

/** The bridge stand-in: it speaks first, as a VNC server does, and hands the test its socket. */
async function bridgeServer(): Promise<{ url: string; peer: Promise<ServerSocket> }> {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
  const peer = new Promise<ServerSocket>((resolve) =>
    server!.once('connection', (ws) => {
      ws.send(Buffer.from('RFB 003.008\n'));
      resolve(ws);
    }),
  );
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/vnc/token`, peer };
}

function sessionsApi(ticket: () => Promise<unknown>) {
  const ok = () => Promise.resolve({ ok: true, value: null });
  (window as unknown as { deskbridge: unknown }).deskbridge = {
    sessions: { vncTicket: ticket, reportStatus: vi.fn(ok), rememberPassword: vi.fn(ok), forgetPassword: vi.fn(ok), disconnect: vi.fn(ok) },
  };
}

describe('when the viewer has settled', () => {
  it('not at connect, but once a frame has been painted after the first update with no message after it', async () => {
    const { url, peer } = await bridgeServer();
    sessionsApi(() => Promise.resolve({ ok: true, value: { url, desktopName: 'Linux-VNC' } }));
    // The page's frames, run by the test.
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const paint = async (frame: number): Promise<void> => {
      frames[frame]!(0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    const viewer = new VncViewer(document.createElement('div'), 's-1');
    let settled = false;
    void viewer.settled().then(() => (settled = true));
    viewer.start();
    await vi.waitFor(() => expect(rfbs).toHaveLength(1));
    const ws = await peer;
    rfbs[0]!.dispatchEvent(new Event('connect'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(viewer.state.phase).toBe('connected');
    expect([settled, frames.length]).toEqual([false, 0]);
    // The answer to noVNC's first update request comes in two messages (cursor and size, then pixels).
    ws.send(Buffer.from([0, 0, 0, 1]));
    await vi.waitFor(() => expect(frames).toHaveLength(1));
    ws.send(Buffer.from([0, 0, 0, 1]));
    await vi.waitFor(() => expect(frames).toHaveLength(2));
    await paint(0);
    expect(settled).toBe(false);
    await paint(1);
    expect(settled).toBe(true);
    viewer.disconnect();
  });

  it('when it needs the user or has failed', async () => {
    sessionsApi(() => Promise.resolve({ ok: false, error: { code: 'vnc-unreachable', message: 'The desktop could not be reached.' } }));
    const viewer = new VncViewer(document.createElement('div'), 's-1');
    viewer.start();
    await viewer.settled();
    expect(viewer.state.phase).toBe('failed');
  });
});
