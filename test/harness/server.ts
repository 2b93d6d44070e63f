import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch } from '@core/ipc-dispatch';
import type { Core } from '../../electron/core';
import { sameToken } from '@core/lib/same-token';
import { mimeType, resolveUnderRoot } from '@core/host/app-assets';
import { cspFor } from '@shared/lib/content-security-policy';
import { parseRequestUrl } from '@shared/lib/parse-url';

export interface Harness {
  /** Open this in a browser: the token travels in the fragment, never to a server log. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  stop(): Promise<void>;
}

/**
 * The web host's page origin (http on loopback) may open the VNC bridge: a harness-only option,
 * given to core as SessionPorts.viewerOrigin by whoever starts core for the web host. The product
 * accepts only app://deskbridge.
 */
export function isWebHostOrigin(origin: string): boolean {
  return /^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(origin);
}

/**
 * The web host: serves the built renderer and the very same api.ts over a loopback WebSocket
 * (127.0.0.1, random port, random token, Origin checked) with the same schema validation.
 */
export async function startHarness(core: Core, rendererDir: string, port = 0): Promise<Harness> {
  const token = randomBytes(24).toString('hex');
  const log = core.logger.scoped('harness');
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void serve(rendererDir, request, response);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  server.on('upgrade', (request, socket, head) => {
    const url = parseRequestUrl(request.url);
    if (!url || url.pathname !== '/bridge' || !sameToken(url.searchParams.get('token') ?? '', token) || request.headers.origin !== origin) {
      log.warn('Refused a bridge connection (wrong path, token or origin)');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws));
  });

  const offEvents = core.events.onAny((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const client of sockets.clients) client.send(text);
  });

  sockets.on('connection', (ws: WebSocket) => {
    // An oversized or malformed frame: ws closes that connection; unheard, its 'error' would end the process.
    ws.on('error', (error: Error & { code?: string }) => log.warn(`Closed a bridge connection after a bad frame (${error.code ?? error.name})`));
    ws.on('message', (data: Buffer) => {
      let message: { id?: unknown; channel?: unknown; args?: unknown };
      try {
        message = JSON.parse(data.toString()) as typeof message;
      } catch {
        ws.close(1003, 'Not JSON');
        return;
      }
      if (typeof message.id !== 'number') return;
      const id = message.id;
      // The caller's origin is the socket's, checked at the upgrade: never an argument of the page.
      void dispatch(core.api, message.channel, message.args, log, { origin }).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
      });
    });
  });

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    stop: async () => {
      offEvents();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serve(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = parseRequestUrl(request.url);
  const file = request.method === 'GET' && url ? resolveUnderRoot(root, url.pathname) : null;
  if (!file) {
    response.writeHead(404).end('Not found');
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, {
      'content-type': mimeType(file),
      'content-security-policy': cspFor(file),
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    response.end(body);
  } catch {
    response.writeHead(404).end('Not found');
  }
}
