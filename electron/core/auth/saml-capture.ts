import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSafeExternalUrl } from '@shared/lib/external-url';
import { parseRequestUrl } from '@shared/lib/parse-url';
import type { NetworkFetch } from '../network/port';
import type { Browser, Clock } from '../ports';
import { AuthError, browserFailed, insecureSignInUrl } from './auth-error';
import { explainNetworkError } from './network-error';
import { MAX_SAML_RESPONSE_CHARS } from './saml-response';

/** One SAML sign-in at the IdP: where to go, and whether the user should see it. */
export interface SamlCaptureRequest {
  readonly orgId: string;
  /** Shown in the sign-in window's title, so the user knows where they sign in. */
  readonly orgName: string;
  /** The IdP-initiated sign-in URL. */
  readonly signInUrl: string;
  /** Renewal: try without showing anything; the window appears only if the IdP needs the user. */
  readonly hidden: boolean;
}

/**
 * Core's port for SAML: whatever shows the IdP and hands back the SAMLResponse it posts to AWS.
 * Electron's sign-in window (electron/main) catches the POST to AWS's SAML endpoints; hosts
 * without Electron use the loopback ACS below. Rejects with an AuthError: saml-window-closed,
 * idp-unreachable, sign-in-cancelled.
 */
export interface SamlCapture {
  capture(request: SamlCaptureRequest, signal: AbortSignal): Promise<string>;
  /** Ends the organization's IdP session on this computer (wipes the window's partition). */
  forget(orgId: string): Promise<void>;
}

export const SAML_LOOPBACK_TIMEOUT_MS = 10 * 60_000;
const MAX_FORM_BYTES = MAX_SAML_RESPONSE_CHARS * 2;

function page(res: ServerResponse, status: number, title: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'",
    'referrer-policy': 'no-referrer',
  });
  res.end(
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title><body><h1>${title}</h1><p>You can close this tab and return to Deskbridge.</p></body></html>`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Is the IdP there at all? A transport failure becomes idp-unreachable before the browser opens. */
async function probe(fetch: NetworkFetch, url: string, timeoutMs: number): Promise<void> {
  try {
    const response = await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
  } catch (error) {
    throw explainNetworkError(error, 'idp', new URL(url).origin);
  }
}

/**
 * The web host's and e2e's SAML capture: an ACS on 127.0.0.1 (one POST, then gone) and the
 * IdP-initiated URL opened in the browser with `acs=` naming it. Only an organization from the
 * managed configuration may use this (EndpointOverrides.samlAcs); the IdP must honour `acs=`.
 */
export function loopbackSamlCapture(
  browser: Browser,
  clock: Clock,
  fetch: NetworkFetch,
  timeoutMs = SAML_LOOPBACK_TIMEOUT_MS,
  probeTimeoutMs = 10_000,
): SamlCapture {
  return {
    async capture(request, signal) {
      await probe(fetch, request.signInUrl, probeTimeoutMs);
      const path = `/saml/acs/${randomBytes(16).toString('hex')}`;
      let settle: { resolve: (value: string) => void; reject: (error: AuthError) => void } | null = null;
      const result = new Promise<string>((resolve, reject) => {
        settle = { resolve, reject };
      });
      // Settled before anyone awaits (a cancel during browser.open): never an unhandled rejection.
      result.catch(() => undefined);
      const server = createServer((req, res) => {
        // A request line that is no valid URL (any local program can send one) is a 404, not a crash.
        const url = parseRequestUrl(req.url);
        if (req.method !== 'POST' || url === null || url.pathname !== path || settle === null) {
          page(res, 404, 'Not found');
          return;
        }
        void readForm(req).then((form) => {
          const samlResponse = form?.get('SAMLResponse');
          if (!samlResponse || samlResponse.length > MAX_SAML_RESPONSE_CHARS) {
            page(res, 400, 'Sign-in not completed');
            settle?.reject(
              new AuthError(
                'saml-invalid-response',
                'Your identity provider’s answer could not be read as a SAML response.',
                'The POST to the loopback ACS carried no usable SAMLResponse.',
              ),
            );
            return;
          }
          page(res, 200, 'Signed in');
          settle?.resolve(samlResponse);
        });
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      const timer = clock.setTimeout(
        () => settle?.reject(new AuthError('sign-in-timeout', 'The sign-in took longer than 10 minutes, so Deskbridge stopped waiting. Try again.')),
        timeoutMs,
      );
      const onAbort = (): void => settle?.reject(new AuthError('sign-in-cancelled', 'Sign-in was cancelled.'));
      signal.addEventListener('abort', onAbort);
      try {
        const target = new URL(request.signInUrl);
        target.searchParams.set('acs', `http://127.0.0.1:${port}${path}`);
        if (!isSafeExternalUrl(target.toString())) throw insecureSignInUrl(target.toString());
        try {
          await browser.open(target.toString());
        } catch (error) {
          throw browserFailed(error);
        }
        return await result;
      } finally {
        settle = null;
        clock.clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      }
    },
    // The system browser's cookies are its own; nothing of Deskbridge's to wipe.
    forget: () => Promise.resolve(),
  };
}
