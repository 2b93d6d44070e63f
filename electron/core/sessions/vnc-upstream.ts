import { connect, type Socket } from 'node:net';

export interface UpstreamTarget {
  readonly host: string;
  readonly port: number;
}

/** Where an attached upstream's events go (the bridge's pipe to the viewer). */
export interface UpstreamSink {
  connect(): void;
  data(chunk: Buffer): void;
  error(error: NodeJS.ErrnoException): void;
  close(): void;
}

/** Bytes a server may send before the viewer is there (a VNC server sends 12); past this, reading pauses. */
const EARLY_LIMIT = 64 * 1024;

/**
 * A TCP connection to a VNC server, opened when the viewer's ticket is issued so the connect and
 * the server's greeting happen while the page is still loading. Until the viewer attaches, what
 * arrives is kept. Without Nagle's delay: the RFB handshake is many small messages.
 */
export class Upstream {
  readonly socket: Socket;
  private connected = false;
  private failed: NodeJS.ErrnoException | null = null;
  private ended = false;
  private early: Buffer[] = [];
  private earlyBytes = 0;
  private sink: UpstreamSink | null = null;

  constructor(target: UpstreamTarget) {
    this.socket = connect({ host: target.host, port: target.port, noDelay: true });
    this.socket.once('connect', () => {
      this.connected = true;
      this.sink?.connect();
    });
    this.socket.on('data', (chunk: Buffer) => {
      if (this.sink) {
        this.sink.data(chunk);
        return;
      }
      this.early.push(chunk);
      this.earlyBytes += chunk.length;
      if (this.earlyBytes > EARLY_LIMIT) this.socket.pause();
    });
    this.socket.once('error', (error: NodeJS.ErrnoException) => {
      if (this.sink) this.sink.error(error);
      else this.failed = error;
    });
    this.socket.once('close', () => {
      if (this.sink) this.sink.close();
      else this.ended = true;
    });
  }

  /** Still worth handing to a viewer: it has neither failed nor been closed. */
  get usable(): boolean {
    return this.sink === null && this.failed === null && !this.ended && !this.socket.destroyed;
  }

  /** Hands the connection to its viewer: what came early first, then everything as it happens. */
  attach(sink: UpstreamSink): void {
    this.sink = sink;
    if (this.connected) sink.connect();
    const early = this.early;
    this.early = [];
    this.earlyBytes = 0;
    for (const chunk of early) sink.data(chunk);
    if (this.socket.isPaused()) this.socket.resume();
    if (this.failed) sink.error(this.failed);
    else if (this.ended) sink.close();
  }

  destroy(): void {
    this.socket.destroy();
  }
}
