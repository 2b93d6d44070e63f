import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { BRIDGE_CLOSE } from '@shared/ipc/domains/sessions';
import { sameToken } from '../lib/same-token';
import type { ScopedLogger } from '../log/logger';
import { Upstream } from './vnc-upstream';

export interface BridgeTarget {
  readonly host: string;
  readonly port: number;
}

interface Ticket {
  readonly sessionId: string;
  /** The desktop (`${orgId}/${workspaceId}`) whose open tickets and connections are counted. */
  readonly desktopKey: string;
  readonly target: BridgeTarget;
  readonly origin: string;
  readonly expiresAt: number;
  /** The VNC server, dialled when the ticket was issued; dropped if unused for PRECONNECT_MS. */
  upstream: Upstream | null;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface BridgeEvents {
  /** The VNC server's TCP connection is up (the viewer takes it from there). */
  upstreamOpen(sessionId: string): void;
  /** The pipe ended: who ended it, as one of BRIDGE_CLOSE's codes. */
  closed(sessionId: string, code: number): void;
}

export const TICKET_TTL_MS = 60_000;
/** Tickets not used yet plus connections open, per desktop and in all: each one is a TCP connection. */
export const MAX_OPEN_PER_DESKTOP = 4;
export const MAX_OPEN_TOTAL = 16;

/** Too many tickets or connections are open: the request is refused, nothing is dialled. */
export class BridgeLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BridgeLimitError';
  }
}
/** How long a connection opened ahead of its viewer is held; after that the viewer dials anew. */
const PRECONNECT_MS = 10_000;
const HIGH_WATER = 4 * 1024 * 1024;

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * WebSocket ↔ TCP for the in-app viewer: listens on 127.0.0.1 (random port), accepts each
 * one-time ticket once, from the origin it was issued to, and pipes to that ticket's VNC server.
 * It closes with its own codes (BRIDGE_CLOSE) so the page can tell a server close from an error.
 */
export class VncBridge {
  private server: Server | null = null;
  private listening: Promise<number> | null = null;
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024, perMessageDeflate: false });
  private readonly tickets = new Map<string, Ticket>();
  private readonly live = new Map<string, Set<WebSocket>>();
  /** Every open viewer connection and its desktop. */
  private readonly connections = new Map<WebSocket, string>();

  constructor(
    private readonly log: ScopedLogger,
    private readonly events: BridgeEvents,
    private readonly now: () => number = Date.now,
  ) {}

  private start(): Promise<number> {
    this.listening ??= new Promise<number>((resolve, reject) => {
      const server = createServer((_request, response) => response.writeHead(404).end());
      server.on('upgrade', (request, socket, head) => this.upgrade(request, socket, head));
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
      this.server = server;
    });
    return this.listening;
  }

  /**
   * A one-time ws:// address for one connection of a session, valid for a minute. The VNC server
   * is dialled now, so its TCP connect and greeting overlap the viewer loading noVNC. Throws
   * BridgeLimitError when the desktop, or the bridge, has too many tickets and connections open.
   */
  async issue(sessionId: string, target: BridgeTarget, origin: string, desktopKey: string = sessionId): Promise<string> {
    const port = await this.start();
    const now = this.now();
    for (const [token, ticket] of this.tickets) if (ticket.expiresAt <= now) this.forget(token, ticket);
    this.checkLimits(desktopKey);
    const token = randomBytes(24).toString('base64url');
    const ticket: Ticket = { sessionId, desktopKey, target, origin, expiresAt: now + TICKET_TTL_MS, upstream: new Upstream(target), timer: undefined };
    ticket.timer = setTimeout(() => {
      ticket.upstream?.destroy();
      ticket.upstream = null;
    }, PRECONNECT_MS);
    ticket.timer.unref();
    this.tickets.set(token, ticket);
    return `ws://127.0.0.1:${port}/vnc/${token}`;
  }

  /** Open = issued and not used or expired, or connected and not closed. */
  private checkLimits(desktopKey: string): void {
    const keys = [...[...this.tickets.values()].map((t) => t.desktopKey), ...this.connections.values()];
    if (keys.length >= MAX_OPEN_TOTAL) throw new BridgeLimitError(`${keys.length} viewer tickets and connections are open in all (limit ${MAX_OPEN_TOTAL})`);
    const forDesktop = keys.filter((key) => key === desktopKey).length;
    if (forDesktop >= MAX_OPEN_PER_DESKTOP)
      throw new BridgeLimitError(`${forDesktop} viewer tickets and connections are open for this desktop (limit ${MAX_OPEN_PER_DESKTOP})`);
  }

  private forget(token: string, ticket: Ticket): void {
    this.tickets.delete(token);
    clearTimeout(ticket.timer);
    ticket.upstream?.destroy();
    ticket.upstream = null;
  }

  /** The ticket of a token, used up (once), or null; its early connection is the caller's. */
  private take(token: string): { ticket: Ticket; upstream: Upstream | null } | null {
    for (const [key, ticket] of this.tickets) {
      if (sameToken(key, token)) {
        const upstream = ticket.upstream;
        ticket.upstream = null;
        this.forget(key, ticket);
        if (ticket.expiresAt > this.now()) return { ticket, upstream };
        upstream?.destroy();
        return null;
      }
    }
    return null;
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const match = /^\/vnc\/([A-Za-z0-9_-]{16,64})$/.exec(request.url ?? '');
    const taken = match?.[1] ? this.take(match[1]) : null;
    if (!taken) {
      this.log.warn('Refused a viewer connection: unknown, used or expired ticket');
      refuse(socket, '403 Forbidden');
      return;
    }
    const { ticket } = taken;
    if (request.headers.origin !== ticket.origin) {
      taken.upstream?.destroy();
      this.log.warn('Refused a viewer connection from another origin');
      refuse(socket, '403 Forbidden');
      return;
    }
    // The early connection if it is still good; otherwise (it failed, the server closed it, or it
    // was dropped unused) dial now, in parallel with the WebSocket handshake.
    let upstream = taken.upstream;
    if (!upstream?.usable) {
      upstream?.destroy();
      upstream = new Upstream(ticket.target);
    }
    const dialled = upstream;
    // If the handshake fails, ws drops the socket without calling back: the VNC link goes with it.
    socket.once('close', () => dialled.destroy());
    this.sockets.handleUpgrade(request, socket, head, (ws) => this.pipe(ws, ticket, dialled));
  }

  private pipe(ws: WebSocket, ticket: Ticket, upstream: Upstream): void {
    const { sessionId } = ticket;
    const set = this.live.get(sessionId) ?? new Set<WebSocket>();
    set.add(ws);
    this.live.set(sessionId, set);
    this.connections.set(ws, ticket.desktopKey);
    const tcp = upstream.socket;
    let opened = false;
    let code: number = BRIDGE_CLOSE.serverClosed;
    let ours: number | null = null;
    const finish = (closeCode: number, reason: string) => {
      ours ??= closeCode;
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(closeCode, reason);
      tcp.destroy();
    };
    const drained = () => {
      const drain = setInterval(() => {
        if (ws.bufferedAmount < HIGH_WATER / 2 || ws.readyState !== ws.OPEN) {
          clearInterval(drain);
          tcp.resume();
        }
      }, 5);
    };
    upstream.attach({
      connect: () => {
        opened = true;
        this.events.upstreamOpen(sessionId);
      },
      data: (chunk) => {
        if (ws.readyState !== ws.OPEN) return;
        ws.send(chunk, { binary: true });
        if (ws.bufferedAmount > HIGH_WATER && !tcp.isPaused()) {
          tcp.pause();
          drained();
        }
      },
      error: (error) => {
        code = BRIDGE_CLOSE.connectionError;
        this.log.warn(`VNC connection to ${ticket.target.host}:${ticket.target.port} failed (${error.code ?? 'error'})`);
        finish(BRIDGE_CLOSE.connectionError, opened ? `Connection lost (${error.code ?? 'error'})` : `Could not connect (${error.code ?? 'error'})`);
      },
      close: () => finish(code, code === BRIDGE_CLOSE.serverClosed ? 'The VNC server closed the connection' : 'Connection error'),
    });
    ws.on('message', (data: RawData) => {
      // ws hands over Buffers (binaryType 'nodebuffer'): written as they are, without a copy.
      if (tcp.writable) tcp.write(Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data));
    });
    // A malformed or oversized frame from the page: ws closes the connection itself; without this
    // listener its 'error' would be an uncaught exception in the main process.
    ws.on('error', (error: Error & { code?: string }) => {
      this.log.warn(`Closed a viewer connection after a bad frame (${error.code ?? error.name})`);
      ours ??= 1002;
      tcp.destroy();
    });
    ws.once('close', (wsCode: number) => {
      tcp.destroy();
      set.delete(ws);
      this.connections.delete(ws);
      if (set.size === 0) this.live.delete(sessionId);
      this.events.closed(sessionId, ours ?? wsCode);
    });
  }

  /** Closes a session's connections (the user disconnected) and forgets its tickets. */
  closeSession(sessionId: string, code: number = BRIDGE_CLOSE.disconnected, reason = 'Disconnected'): void {
    for (const [token, ticket] of this.tickets) if (ticket.sessionId === sessionId) this.forget(token, ticket);
    for (const ws of this.live.get(sessionId) ?? []) ws.close(code, reason);
  }

  async stop(): Promise<void> {
    for (const [token, ticket] of this.tickets) this.forget(token, ticket);
    for (const set of this.live.values()) for (const ws of set) ws.close(BRIDGE_CLOSE.bridgeStopped, 'Deskbridge is closing');
    this.sockets.close();
    const server = this.server;
    this.server = null;
    this.listening = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}
