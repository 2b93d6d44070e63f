import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FaultOutcome, Faults, ServiceName } from './faults';

/** What a service handler answers; `output`/`errorType` feed the response tap. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly operation?: string;
  readonly errorType?: string;
  /** The structured output before serialization (validated against the model in tests). */
  readonly output?: unknown;
}

export interface TapEvent {
  readonly service: ServiceName;
  readonly operation: string | undefined;
  readonly status: number;
  readonly errorType?: string;
  readonly output?: unknown;
  /** What went over the wire: the response headers (lower-case names) and body. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type ResponseTap = (event: TapEvent) => void;

export interface ServiceRequest {
  readonly req: IncomingMessage;
  readonly url: URL;
  readonly body: Buffer;
  /** Wall time as this service sees it (real time plus any injected clock skew). */
  readonly serviceNow: number;
}

export interface ServiceDefinition {
  readonly service: ServiceName;
  readonly faults: Faults;
  readonly tap?: ResponseTap;
  /** The operation name for fault targeting, before the handler runs. */
  operationOf(request: ServiceRequest): string | undefined;
  /** The protocol-specific reply to an injected 500/503/throttle. */
  faultReply(outcome: Exclude<FaultOutcome, 'none' | 'drop'>, operation: string | undefined): Reply;
  handle(request: ServiceRequest): Promise<Reply>;
  /** Requests this service does not answer itself (e.g. oidc-provider); absent = 404. */
  passThrough?: (req: IncomingMessage, res: ServerResponse, body: Buffer) => boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Listens on 127.0.0.1 and tracks sockets so stop() really lets the process exit. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port = 0): Promise<RunningServer> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The shared request pipeline: body, faults (latency, drop, errors, skew), handler, tap. */
export function serviceHandler(def: ServiceDefinition, timers: Set<NodeJS.Timeout>): (req: IncomingMessage, res: ServerResponse) => void {
  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const run = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    if (def.passThrough?.(req, res, body) === true) return;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const preliminary: ServiceRequest = { req, url, body, serviceNow: Date.now() };
    const operation = def.operationOf(preliminary);
    const spec = def.faults.spec(def.service, operation);
    const outcome = def.faults.decide(def.service, operation);
    if (spec.latencyMs !== undefined && spec.latencyMs > 0) await delay(spec.latencyMs);
    if (outcome === 'drop') {
      req.socket.destroy();
      return;
    }
    const serviceNow = Date.now() + (spec.clockSkewMs ?? 0);
    const request: ServiceRequest = { req, url, body, serviceNow };
    const reply = outcome === 'none' ? await def.handle(request) : def.faultReply(outcome, operation);
    const headers = { ...reply.headers, date: new Date(serviceNow).toUTCString() };
    def.tap?.({
      service: def.service,
      operation: reply.operation ?? operation,
      status: reply.status,
      errorType: reply.errorType,
      output: reply.output,
      headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
      body: reply.body ?? '',
    });
    res.writeHead(reply.status, headers);
    res.end(reply.body ?? '');
  };

  return (req, res) => {
    run(req, res).catch((error: unknown) => {
      // A handler bug must surface as a 500 rather than a hung request.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : 'internal error');
    });
  };
}
