/**
 * The in-app VNC connection, without React: one noVNC RFB at a time over a one-time bridge
 * address, the bridge's own close codes, the password, and automatic reconnect with back-off.
 */
import type RFB from '@novnc/novnc';
import type { AppError } from '@shared/ipc/result';
import type { VncTicket } from '@shared/ipc/domains/sessions';
import { closeMeaning, reconnectDelay, shouldReconnect } from '@shared/lib/viewer-policy';
import { sessionApi as api } from './session-api';

export type ViewerState =
  | { readonly phase: 'connecting' }
  | { readonly phase: 'password'; readonly wrong: boolean }
  | { readonly phase: 'connected' }
  | { readonly phase: 'reconnecting'; readonly attempt: number; readonly delayMs: number }
  | { readonly phase: 'failed'; readonly error: AppError }
  | { readonly phase: 'ended' };

export interface ViewerCallbacks {
  state(state: ViewerState): void;
  clipboard(text: string): void;
  /** The desktop's name, from the first ticket. */
  desktopName?(name: string): void;
}

let novncModule: Promise<typeof RFB> | null = null;
/** noVNC in its own chunk (never in the main bundle); its module probes the video decoder as it loads. */
export function loadNoVnc(): Promise<typeof RFB> {
  novncModule ??= import('@novnc/novnc').then((m) => m.default);
  return novncModule;
}

/** The bridge socket before noVNC takes it: what the server sends meanwhile, and how it closed. */
export interface BridgeSocket {
  readonly socket: WebSocket;
  /** The close code and reason so far (1006 until the socket has closed). */
  close(): { readonly code: number; readonly reason: string };
  /** Once noVNC has attached: hands it what arrived before, in order. */
  replay(): void;
}

/**
 * Opens the bridge socket ahead of noVNC. The server speaks first (its RFB version), so what
 * arrives before noVNC attaches is kept and replayed to noVNC's handler, in order, in the same task.
 */
export function openBridge(url: string): BridgeSocket {
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  // Registered before noVNC attaches, so the bridge's close code is known when noVNC reports.
  let closed = { code: 1006, reason: '' };
  socket.addEventListener('close', (event) => (closed = { code: event.code, reason: event.reason }));
  const early: unknown[] = [];
  const keep = (event: MessageEvent): void => void early.push(event.data);
  socket.addEventListener('message', keep);
  return {
    socket,
    close: () => closed,
    replay: () => {
      socket.removeEventListener('message', keep);
      for (const data of early.splice(0)) socket.dispatchEvent(new MessageEvent('message', { data }));
    },
  };
}

/** Runs after the next frame has been painted (a task queued from the frame's callback). */
function afterPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
}

/**
 * Made by the page's entry before React has loaded, so noVNC, the ticket, the bridge and the RFB
 * handshake have the main thread to themselves; the UI, loaded once the viewer has settled,
 * subscribes then and gets the current state at once.
 */
export class VncViewer {
  private rfb: RFB | null = null;
  private current: ViewerState = { phase: 'connecting' };
  private remoteClipboard: string | null = null;
  private name: string | null = null;
  private readonly listeners = new Set<ViewerCallbacks>();
  private password: string | undefined;
  private rememberOnSuccess = false;
  private attempt = 0;
  private everConnected = false;
  private userDisconnected = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scale = true;
  private settle: () => void = () => undefined;
  private readonly settledOnce = new Promise<void>((resolve) => (this.settle = resolve));

  constructor(
    private readonly screen: HTMLElement,
    private readonly sessionId: string,
  ) {}

  start(): void {
    void this.open();
  }

  get state(): ViewerState {
    return this.current;
  }

  /**
   * Resolves once the page may spend its main thread on other work without slowing the
   * connection: the server's first screen update has been drawn and painted, or the viewer waits
   * for the user (password), failed, ended or backs off. Until then every round trip of the RFB
   * handshake needs the main thread at once.
   */
  settled(): Promise<void> {
    return this.settledOnce;
  }

  /** Listens to state and remote clipboard changes, starting with the current ones. */
  subscribe(on: ViewerCallbacks): () => void {
    this.listeners.add(on);
    on.state(this.current);
    if (this.remoteClipboard !== null) on.clipboard(this.remoteClipboard);
    if (this.name !== null) on.desktopName?.(this.name);
    return () => {
      this.listeners.delete(on);
    };
  }

  private emit(state: ViewerState): void {
    this.current = state;
    if (state.phase !== 'connecting' && state.phase !== 'connected') this.settle();
    for (const on of this.listeners) on.state(state);
  }

  private report(state: ViewerState): void {
    this.emit(state);
    const status = state.phase === 'password' ? 'connecting' : state.phase === 'ended' ? null : state.phase;
    // No trailing undefined: it would cross the harness socket as null and fail the schema.
    if (status && state.phase === 'failed') void api().sessions.reportStatus(this.sessionId, status, state.error);
    else if (status) void api().sessions.reportStatus(this.sessionId, status);
  }

  private async open(): Promise<void> {
    if (this.userDisconnected) return;
    this.report(this.attempt === 0 && !this.everConnected ? { phase: 'connecting' } : { phase: 'reconnecting', attempt: this.attempt, delayMs: 0 });
    // noVNC loads while the ticket is fetched (on the first attempt both started when the page's
    // entry ran, before React loaded), and the bridge socket opens as soon as the ticket is there:
    // noVNC's module resolves only after it has test-decoded a video frame, and the bridge, the
    // server's greeting and the network need not wait for that.
    const novnc = loadNoVnc();
    novnc.catch(() => undefined);
    const result = await api().sessions.vncTicket(this.sessionId);
    if (this.userDisconnected) return;
    if (!result.ok) {
      this.report({ phase: 'failed', error: result.error });
      return;
    }
    const bridge = openBridge(result.value.url);
    let Rfb: typeof RFB;
    try {
      Rfb = await novnc;
    } catch (error) {
      bridge.socket.close();
      throw error;
    }
    if (this.userDisconnected) {
      bridge.socket.close();
      return;
    }
    this.connect(Rfb, result.value, bridge);
  }

  private connect(Rfb: typeof RFB, ticket: VncTicket, bridge: BridgeSocket): void {
    if (this.name === null) {
      this.name = ticket.desktopName;
      for (const on of this.listeners) on.desktopName?.(ticket.desktopName);
    }
    this.password ??= ticket.password;
    const fromKeychain = ticket.password !== undefined && this.password === ticket.password;
    const { socket } = bridge;
    if (socket.readyState === WebSocket.CLOSED) {
      // Closed before noVNC was there (refused, unreachable): noVNC cannot attach to it.
      this.closed({ ...bridge.close(), securityFailure: false, fromKeychain });
      return;
    }
    const rfb = new Rfb(this.screen, socket, this.password ? { credentials: { password: this.password } } : {});
    bridge.replay();
    rfb.scaleViewport = this.scale;
    rfb.background = '#1f2330';
    rfb.focusOnClick = true;
    let securityFailure = false;
    let askedOnce = false;
    rfb.addEventListener('credentialsrequired', () => {
      if (this.password && !askedOnce) {
        askedOnce = true;
        rfb.sendCredentials({ password: this.password });
      } else {
        this.report({ phase: 'password', wrong: false });
      }
    });
    rfb.addEventListener('securityfailure', () => {
      securityFailure = true;
    });
    rfb.addEventListener('clipboard', (event) => {
      const text = String((event as CustomEvent<{ text: string }>).detail.text);
      this.remoteClipboard = text;
      for (const on of this.listeners) on.clipboard(text);
    });
    rfb.addEventListener('connect', () => {
      this.settleAfterFirstUpdate(socket);
      this.attempt = 0;
      this.everConnected = true;
      this.report({ phase: 'connected' });
      rfb.focus();
      if (this.rememberOnSuccess && this.password) void api().sessions.rememberPassword(this.sessionId, this.password);
      this.rememberOnSuccess = false;
    });
    rfb.addEventListener('disconnect', () => {
      if (this.rfb === rfb) this.rfb = null;
      this.closed({ ...bridge.close(), securityFailure, fromKeychain });
    });
    this.rfb = rfb;
  }

  /**
   * noVNC asked for the whole screen as it connected. What comes back is handled by noVNC's own
   * handler (registered first) before this one runs, and takes more than one message (Xvnc answers
   * noVNC's encodings with a fence first, the screen comes after): settled once a frame has been
   * painted with no message after it.
   */
  private settleAfterFirstUpdate(socket: WebSocket): void {
    let last = 0;
    const onMessage = (): void => {
      const mine = (last += 1);
      afterPaint(() => {
        if (mine !== last) return;
        socket.removeEventListener('message', onMessage);
        this.settle();
      });
    };
    socket.addEventListener('message', onMessage);
  }

  private closed(facts: { code: number; reason: string; securityFailure: boolean; fromKeychain: boolean }): void {
    const meaning = closeMeaning({ code: facts.code, securityFailure: facts.securityFailure, userDisconnected: this.userDisconnected });
    if (meaning === 'ended') {
      this.emit({ phase: 'ended' });
      return;
    }
    if (meaning === 'wrong-password') {
      this.password = undefined;
      if (facts.fromKeychain) void api().sessions.forgetPassword(this.sessionId);
      this.report({ phase: 'password', wrong: true });
      return;
    }
    if (!shouldReconnect(this.attempt, this.everConnected)) {
      const unreachable = facts.code !== 4001;
      this.report({
        phase: 'failed',
        error: {
          code: unreachable ? 'vnc-unreachable' : 'vnc-server-closed',
          message: unreachable ? 'The desktop could not be reached.' : 'The desktop closed the connection.',
          ...(facts.reason ? { details: facts.reason } : {}),
        },
      });
      return;
    }
    const delayMs = reconnectDelay(this.attempt, Math.random());
    this.attempt += 1;
    this.emit({ phase: 'reconnecting', attempt: this.attempt, delayMs });
    void api().sessions.reportStatus(this.sessionId, 'reconnecting');
    this.timer = setTimeout(() => void this.open(), delayMs);
  }

  /** The user typed the password (and may want it kept in the keychain). */
  submitPassword(password: string, remember: boolean): void {
    this.password = password;
    this.rememberOnSuccess = remember;
    if (this.rfb) {
      this.rfb.sendCredentials({ password });
      this.report({ phase: 'connecting' });
    } else {
      this.attempt = 0;
      void this.open();
    }
  }

  /** Try again now (after a failure). */
  retry(): void {
    clearTimeout(this.timer);
    this.attempt = 0;
    void this.open();
  }

  disconnect(): void {
    this.userDisconnected = true;
    clearTimeout(this.timer);
    this.rfb?.disconnect();
    this.rfb = null;
    this.emit({ phase: 'ended' });
  }

  ctrlAltDel(): void {
    this.rfb?.sendCtrlAltDel();
    this.rfb?.focus();
  }

  paste(text: string): void {
    this.rfb?.clipboardPasteFrom(text);
  }

  setScaling(scale: boolean): void {
    this.scale = scale;
    if (this.rfb) this.rfb.scaleViewport = scale;
  }

  focus(): void {
    this.rfb?.focus();
  }

  releaseKeyboard(): void {
    this.rfb?.blur();
  }
}
