/**
 * Core's NetworkPort on Chromium's network stack (issue 13): the system proxy, PAC/WPAD,
 * NTLM/Kerberos/Negotiate and the OS certificate store come with it.
 *
 * Requests go through `net.request`, NOT `net.fetch`: Electron issue #44249 — `app.on('login')` is
 * not emitted for main-process `net.fetch` on Windows and macOS, so a proxy asking for Basic or
 * Digest credentials would fail silently there. `net.request` emits `login` on the request itself
 * on every platform, which is where the proxy sign-in is answered below.
 */
import type { AuthInfo, ClientRequest, ClientRequestConstructorOptions, IncomingMessage, Session } from 'electron';
import type { ScopedLogger } from '@core/log/logger';
import type { ActiveNetwork, NetworkFactory, NetworkHooks, NetworkPort, ProxyCredentials } from '@core/network/port';
import { DEFAULT_NETWORK_SETTINGS, type NetworkSettings } from '@shared/models/network';

/** How often Deskbridge asks for one proxy's credentials before it gives up (until a success or new settings). */
export const MAX_PROXY_ASKS = 3;

type LoginCallback = (username?: string, password?: string) => void;

export interface ElectronNetworkDeps {
  readonly net: { request(options: ClientRequestConstructorOptions): ClientRequest };
  /** The session requests use (Electron's default session; it exists only once the app is ready). */
  readonly session: () => Pick<Session, 'setProxy' | 'resolveProxy' | 'closeAllConnections'>;
  readonly log?: ScopedLogger;
}

/** A proxy sign-in that ended without access: the user cancelled, or the proxy refused every answer. */
export class ProxyAuthError extends Error {
  override readonly name = 'ProxyAuthError';
  constructor(
    readonly reason: 'cancelled' | 'refused',
    readonly proxy: string,
  ) {
    super(
      reason === 'cancelled'
        ? `Sign-in to the proxy ${proxy} was cancelled, so the request could not be sent.`
        : `The proxy ${proxy} refused the user name and password ${MAX_PROXY_ASKS} times. Check them with your IT department; Deskbridge asks again after you change the network settings or restart it.`,
    );
  }
}

/** Proxy answers for this run only: never written to settings, the keychain or the log. */
class ProxyCredentialMemory {
  private readonly answers = new Map<string, ProxyCredentials>();
  private readonly asks = new Map<string, number>();
  private readonly pending = new Map<string, Promise<ProxyCredentials | null>>();

  constructor(
    private readonly hooks: NetworkHooks,
    private readonly log: ScopedLogger | undefined,
  ) {}

  remembered(proxy: string): ProxyCredentials | undefined {
    return this.answers.get(proxy);
  }

  /** The remembered answer was refused: forget it so the next login asks. */
  forget(proxy: string): void {
    this.answers.delete(proxy);
  }

  /** The proxy let a request through with the answer: the bound counts failures in a row. */
  accepted(proxy: string): void {
    this.asks.delete(proxy);
  }

  exhausted(proxy: string): boolean {
    return (this.asks.get(proxy) ?? 0) >= MAX_PROXY_ASKS;
  }

  /** Asks the user once per proxy at a time; concurrent requests share the one dialog. */
  ask(proxy: string, authInfo: AuthInfo, forHost: string): Promise<ProxyCredentials | null> {
    const open = this.pending.get(proxy);
    if (open) return open;
    const attempt = (this.asks.get(proxy) ?? 0) + 1;
    this.asks.set(proxy, attempt);
    this.log?.info(`The proxy ${proxy} asks for sign-in (${authInfo.scheme.toLowerCase()}, ask ${attempt} of ${MAX_PROXY_ASKS})`);
    const challenge = { proxy, scheme: authInfo.scheme.toLowerCase(), forHost, attempt, ...(authInfo.realm ? { realm: authInfo.realm } : {}) };
    const asked = this.hooks
      .askProxyCredentials(challenge)
      .catch(() => null)
      .then((answer) => {
        if (answer) this.answers.set(proxy, answer);
        return answer;
      })
      .finally(() => this.pending.delete(proxy));
    this.pending.set(proxy, asked);
    return asked;
  }

  clear(): void {
    this.answers.clear();
    this.asks.clear();
  }
}

function proxyRulesOf(url: string): string {
  const parsed = new URL(url);
  // Only scheme, host and port: credentials are never put into Chromium's proxy configuration.
  return `${parsed.protocol}//${parsed.host}`;
}

/** Settings → Electron's proxy configuration. */
export function proxyConfigOf(settings: NetworkSettings): Electron.ProxyConfig {
  switch (settings.proxy.mode) {
    case 'system':
      return { mode: 'system' };
    case 'none':
      return { mode: 'direct' };
    case 'manual':
      return { mode: 'fixed_servers', proxyRules: proxyRulesOf(settings.proxy.url) };
  }
}

function describeSettings(settings: NetworkSettings): string {
  switch (settings.proxy.mode) {
    case 'system':
      return 'System proxy settings (PAC/WPAD included)';
    case 'none':
      return 'DIRECT';
    case 'manual':
      return `PROXY ${new URL(settings.proxy.url).host}`;
  }
}

/** Headers Chromium computes itself and refuses from callers. */
const CHROMIUM_OWNED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'upgrade', 'trailer', 'te', 'expect']);
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function responseHeaders(raw: Record<string, string | string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted.', 'AbortError');
}

/** A Response whose body streams Electron's IncomingMessage. */
function toResponse(message: IncomingMessage, url: string, onBodyError: (listener: (error: unknown) => void) => void): Response {
  const status = message.statusCode;
  const init = { status, statusText: message.statusMessage ?? '', headers: responseHeaders(message.headers) };
  if (NULL_BODY_STATUSES.has(status)) {
    return withUrl(new Response(null, init), url);
  }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      message.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      message.on('end', () => controller.close());
      message.on('error', (error: Error) => controller.error(error));
      message.on('aborted', () => controller.error(new Error(`The response from ${new URL(url).host} was cut off.`)));
      onBodyError((error) => {
        try {
          controller.error(error);
        } catch {
          // already closed
        }
      });
    },
  });
  return withUrl(new Response(body, init), url);
}

function withUrl(response: Response, url: string): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

interface Exchange {
  readonly request: Request;
  readonly body: Uint8Array | null;
}

async function exchangeOf(input: string | URL | Request, init?: RequestInit): Promise<Exchange> {
  const request = new Request(input, init);
  // Uploads are small (API calls, token requests): buffered, so Chromium can send a Content-Length.
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : null;
  return { request, body };
}

/** The NetworkPort over `net.request`; `configure` maps Settings → Network onto the session. */
export function electronNetwork(deps: ElectronNetworkDeps): NetworkFactory {
  return (hooks: NetworkHooks): NetworkPort => {
    const memory = new ProxyCredentialMemory(hooks, deps.log);
    const inFlight = new Set<ClientRequest>();
    let active: ActiveNetwork = { settings: DEFAULT_NETWORK_SETTINGS, source: 'default', description: describeSettings(DEFAULT_NETWORK_SETTINGS) };

    function send(exchange: Exchange): Promise<Response> {
      const { request: fetchRequest, body } = exchange;
      const url = fetchRequest.url;
      const forHost = new URL(url).host;
      const signal = fetchRequest.signal;
      if (signal.aborted) return Promise.reject(abortReason(signal));
      const redirect = fetchRequest.redirect;
      const request = deps.net.request({
        method: fetchRequest.method,
        url,
        redirect: redirect === 'manual' ? 'manual' : redirect === 'error' ? 'error' : 'follow',
        useSessionCookies: false,
      });
      inFlight.add(request);
      fetchRequest.headers.forEach((value, name) => {
        if (!CHROMIUM_OWNED_HEADERS.has(name.toLowerCase())) request.setHeader(name, value);
      });

      return new Promise<Response>((resolve, reject) => {
        let settled = false;
        let bodyErrorListener: ((error: unknown) => void) | null = null;
        let proxyLogins = 0;
        let answeredProxy: string | null = null;
        const fail = (error: Error) => {
          inFlight.delete(request);
          signal.removeEventListener('abort', onAbort);
          if (!settled) {
            settled = true;
            reject(error);
          } else bodyErrorListener?.(error);
        };
        const onAbort = () => {
          request.abort();
          fail(abortReason(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });

        const endWithoutCredentials = (callback: LoginCallback, error: ProxyAuthError) => {
          callback();
          request.abort();
          fail(error);
        };

        request.on('login', (authInfo: AuthInfo, callback: LoginCallback) => {
          if (!authInfo.isProxy) {
            // A server (not a proxy) asking for HTTP authentication: Deskbridge never answers it.
            deps.log?.warn(`${authInfo.host} asked for HTTP sign-in; Deskbridge does not answer servers' sign-in requests`);
            callback();
            return;
          }
          const proxy = `${authInfo.host}:${authInfo.port}`;
          proxyLogins++;
          const remembered = memory.remembered(proxy);
          if (proxyLogins === 1 && remembered) {
            answeredProxy = proxy;
            callback(remembered.username, remembered.password);
            return;
          }
          // A second login on the same request: the proxy refused the answer it was given.
          if (proxyLogins > 1) memory.forget(proxy);
          if (memory.exhausted(proxy)) {
            endWithoutCredentials(callback, new ProxyAuthError('refused', proxy));
            return;
          }
          void memory.ask(proxy, authInfo, forHost).then((answer) => {
            if (settled) return;
            if (!answer) {
              endWithoutCredentials(callback, new ProxyAuthError('cancelled', proxy));
              return;
            }
            answeredProxy = proxy;
            callback(answer.username, answer.password);
          });
        });

        request.on('redirect', (statusCode: number, _method: string, redirectUrl: string, headers: Record<string, string[]>) => {
          if (redirect !== 'manual' || settled) return;
          // fetch's `redirect: 'manual'`: hand back the 3xx itself (with its Location) and stop here.
          const response = withUrl(new Response(null, { status: statusCode, headers: responseHeaders({ ...headers, location: redirectUrl }) }), url);
          settled = true;
          inFlight.delete(request);
          request.abort();
          resolve(response);
        });

        request.on('response', (message: IncomingMessage) => {
          if (settled) return;
          if (answeredProxy && message.statusCode !== 407) memory.accepted(answeredProxy);
          settled = true;
          resolve(
            toResponse(message, url, (listener) => {
              bodyErrorListener = listener;
            }),
          );
          message.on('end', () => {
            inFlight.delete(request);
            signal.removeEventListener('abort', onAbort);
          });
        });

        request.on('error', (error: Error) => fail(error));
        if (body && body.byteLength > 0) request.write(Buffer.from(body));
        request.end();
      });
    }

    return {
      fetch: async (input, init) => send(await exchangeOf(input, init)),
      resolveProxy: (url) => deps.session().resolveProxy(url),
      configure: async (settings) => {
        await deps.session().setProxy(proxyConfigOf(settings));
        // New settings: earlier answers belonged to the old proxy, and its ask bound starts over.
        memory.clear();
        await deps.session().closeAllConnections();
        active = { settings, source: 'settings', description: describeSettings(settings) };
        deps.log?.info(`Network settings applied: ${active.description}`);
      },
      active: () => active,
      dispose: async () => {
        for (const request of inFlight) request.abort();
        inFlight.clear();
        memory.clear();
      },
    };
  };
}
