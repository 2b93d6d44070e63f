/**
 * A local run of the broker: the same handler behind a small HTTP adapter on 127.0.0.1 (an
 * ephemeral port), against the emulator or any WorkSpaces endpoint. What API Gateway does in front
 * of the Lambda (JWT authorizer, stage, throttling per route) is left out: the handler verifies the
 * token and throttles per user itself.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { LogSink } from './audit';
import { createBrokerAwsClient } from './aws-client';
import { type Broker, createBroker } from './handler';
import type { HttpApiEvent } from './lambda-event';
import type { SweepCache } from './sweep-cache';

export interface LocalBrokerOptions {
  readonly workspacesEndpoint: string;
  readonly region: string;
  /** The broker's execution role (in the emulator: Emulator.brokerCredentials). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  readonly issuer: string;
  readonly audience: string;
  readonly userNameClaim: string;
  readonly name: string;
  readonly directoryIds?: string[];
  readonly cacheTtlMs?: number;
  readonly defaultConnect?: string;
  /** Optional extras for tests and benchmarks. */
  readonly now?: () => number;
  readonly log?: LogSink;
  readonly cache?: SweepCache;
  readonly tagTtlMs?: number;
  readonly userThrottle?: { readonly burst: number; readonly perSecond: number };
}

export interface LocalBroker {
  readonly url: string;
  close(): Promise<void>;
  /** WorkSpaces requests the broker has sent so far. */
  awsCalls(): number;
}

const MAX_BODY_BYTES = 65_536;

export async function startLocalBroker(options: LocalBrokerOptions): Promise<LocalBroker> {
  const aws = createBrokerAwsClient({ region: options.region, endpoint: options.workspacesEndpoint, credentials: options.credentials });
  const broker = createBroker(
    {
      name: options.name,
      region: options.region,
      issuer: options.issuer,
      audience: options.audience,
      userNameClaim: options.userNameClaim,
      ...(options.defaultConnect === undefined ? {} : { defaultConnect: options.defaultConnect }),
      ...(options.directoryIds === undefined ? {} : { directoryIds: options.directoryIds }),
      ...(options.cacheTtlMs === undefined ? {} : { cacheTtlMs: options.cacheTtlMs }),
      ...(options.tagTtlMs === undefined ? {} : { tagTtlMs: options.tagTtlMs }),
      ...(options.userThrottle === undefined ? {} : { userThrottle: options.userThrottle }),
    },
    {
      client: aws.client,
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.log === undefined ? {} : { log: options.log }),
      ...(options.cache === undefined ? {} : { cache: options.cache }),
    },
  );
  const server = createServer((req, res) => {
    serve(broker, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The local broker has no TCP address.');
  return {
    url: `http://127.0.0.1:${address.port}`,
    awsCalls: () => aws.calls(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          aws.client.destroy();
          resolve();
        });
      }),
  };
}

async function serve(broker: Broker, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  if (body === undefined) {
    res.writeHead(413, { 'content-type': 'text/plain' });
    res.end();
    return;
  }
  const result = await broker.handle(toEvent(req, body));
  res.writeHead(result.statusCode, result.headers);
  res.end(result.body);
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The request as API Gateway's HTTP API (payload 2.0, $default stage) hands it to the function. */
export function toEvent(req: IncomingMessage, body: Buffer): HttpApiEvent {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const method = req.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(body.length === 0 ? {} : { body: body.toString('utf8') }),
    isBase64Encoded: false,
    requestContext: {
      http: { method, path: url.pathname, sourceIp: req.socket.remoteAddress ?? '' },
      requestId: randomUUID(),
      stage: '$default',
      timeEpoch: Date.now(),
    },
  };
}
