import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseRequestUrl } from '@shared/lib/parse-url';
import type { Clock } from '../ports';
import { AuthError } from './auth-error';

export const LOOPBACK_TIMEOUT_MS = 10 * 60_000;
const CALLBACK_PATH = '/callback';

/**
 * The browser's return trip (RFC 8252 §7.3): one callback on 127.0.0.1 that carries this sign-in's
 * state, then the listener is gone. Anything else is a 404 that leaves it waiting, so a local
 * program or a web page spraying ports cannot end the sign-in.
 */
export interface LoopbackListener {
  readonly redirectUri: string;
  readonly port: number;
  /** Resolves with the callback's query parameters; rejects on timeout or cancel. */
  readonly callback: Promise<URLSearchParams>;
  /** Stops waiting (the user pressed Cancel): the callback rejects with sign-in-cancelled. */
  cancel(): void;
  close(): Promise<void>;
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'",
    'referrer-policy': 'no-referrer',
  });
  res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><body><h1>${title}</h1><p>${body}</p></body></html>`);
}

export async function startLoopback(clock: Clock, expectedState: string, timeoutMs = LOOPBACK_TIMEOUT_MS): Promise<LoopbackListener> {
  let settle: { resolve: (params: URLSearchParams) => void; reject: (error: AuthError) => void } | null = null;
  const callback = new Promise<URLSearchParams>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // The caller may stop listening before anyone awaits; never leave an unhandled rejection behind.
  callback.catch(() => undefined);
  let used = false;
  let timer: unknown = null;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // A request line that is no valid URL (any local program can send one) is a 404, not a crash.
    const url = parseRequestUrl(req.url);
    if (req.method !== 'GET' || url === null || url.pathname !== CALLBACK_PATH || url.searchParams.get('state') !== expectedState) {
      page(res, 404, 'Not found', 'This address is not part of the Deskbridge sign-in.');
      return;
    }
    if (used) {
      page(res, 410, 'Already used', 'This sign-in link was already used. Return to Deskbridge.');
      return;
    }
    used = true;
    const failed = url.searchParams.has('error');
    page(
      res,
      200,
      failed ? 'Sign-in not completed' : 'Signed in',
      failed ? 'Return to Deskbridge to see what happened.' : 'You can close this tab and return to Deskbridge.',
    );
    // Close once the page is delivered; the listener is single use.
    res.once('finish', () => void close());
    finish(() => settle?.resolve(url.searchParams), false);
  });

  const finish = (action: () => void, closeNow = true): void => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    used = true;
    action();
    settle = null;
    if (closeNow) void close();
  };

  const close = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (!server.listening) {
        resolve();
        return;
      }
      server.close(() => resolve());
      server.closeAllConnections();
    });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  timer = clock.setTimeout(() => {
    finish(() =>
      settle?.reject(new AuthError('sign-in-timeout', 'The sign-in in the browser took longer than 10 minutes, so Deskbridge stopped waiting. Try again.')),
    );
  }, timeoutMs);

  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    port,
    callback,
    cancel: () => {
      if (settle) finish(() => settle?.reject(new AuthError('sign-in-cancelled', 'Sign-in was cancelled.')));
    },
    close: async () => {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      used = true;
      await close();
    },
  };
}
