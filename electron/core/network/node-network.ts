/**
 * The network port on undici, for every host without Chromium's stack (the web host, tests, plain
 * Node). The only file in core that may import undici, node:http's client or node:https (ESLint).
 *
 * - Proxy: mode `system` reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY (proxy-env.ts), `manual` uses
 *   the configured URL, `none` connects directly. A proxy's 407 asks the user (the hooks) with
 *   Basic credentials kept in memory for this run only, at most MAX_ASKS times per proxy.
 * - Trust: Node's bundled roots, plus the OS's bundle where Node offers it (tls.getCACertificates
 *   on Node 22.15+, else the first readable well-known bundle file on Linux), plus the configured
 *   PEM file.
 */
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import * as tls from 'node:tls';
import { Agent, type Dispatcher, fetch as undiciFetch, ProxyAgent } from 'undici';
import { DEFAULT_NETWORK_SETTINGS, type NetworkSettings, sameNetworkSettings } from '@shared/models/network';
import { classifyTransportError, hostOf, isProxyAuthError, NetworkFailure } from './network-failure';
import type { ActiveNetwork, NetworkFactory, NetworkHooks, NetworkPort, ProxyCredentials } from './port';
import { environmentProxies, environmentProxyFor, normalizeProxyUrl, type ProxyEnv } from './proxy-env';

/** How many times one proxy may ask for credentials in one run before it is a clear error. */
export const MAX_PROXY_ASKS = 3;
const CONNECT_TIMEOUT_MS = 8_000;
const ISSUER_PROBE_TIMEOUT_MS = 5_000;

/** OS bundles Node 20 does not read by itself (Debian/Ubuntu, Fedora/RHEL, Alpine, openSUSE). */
export const SYSTEM_CA_FILES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem', '/etc/ssl/ca-bundle.pem'];

export interface NodeNetworkOptions {
  /** The environment for mode `system` (default: process.env). */
  readonly env?: ProxyEnv;
  /** Bundle files to try for the OS's CAs (default SYSTEM_CA_FILES); [] for Node's roots only. */
  readonly systemCaFiles?: readonly string[];
  readonly settings?: NetworkSettings;
}

/** A settings value the adapter cannot use (an unreadable CA file, a bad proxy URL). */
export class NetworkSettingsError extends Error {
  constructor(
    readonly field: 'caFile' | 'proxy',
    message: string,
  ) {
    super(message);
    this.name = 'NetworkSettingsError';
  }
}

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

async function systemCertificates(files: readonly string[]): Promise<string[]> {
  const fromNode = (tls as { getCACertificates?: (type: 'system') => string[] }).getCACertificates;
  if (typeof fromNode === 'function') return fromNode('system');
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) return text.match(PEM) ?? [];
  }
  return [];
}

export async function readCaFile(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new NetworkSettingsError('caFile', `The certificate file ${path} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const pems = text.match(PEM) ?? [];
  if (pems.length === 0) throw new NetworkSettingsError('caFile', `The certificate file ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`);
  return pems;
}

/** `http://user@proxy:3128/` → `proxy:3128` (never the user name): how the proxy is named to people. */
function proxyLabel(proxyUrl: string): string {
  const url = new URL(proxyUrl);
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

function basicToken(credentials: ProxyCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

/** Statuses whose Response may not carry a body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

function toRequest(input: string | URL | Request, init: RequestInit | undefined): { url: string; init: RequestInit } {
  if (typeof input === 'string' || input instanceof URL) return { url: input.toString(), init: init ?? {} };
  return {
    url: input.url,
    init: {
      method: input.method,
      headers: input.headers,
      ...(input.body ? { body: input.body, duplex: 'half' } : {}),
      signal: input.signal,
      redirect: input.redirect,
      ...init,
    },
  };
}

export class NodeNetwork implements NetworkPort {
  private settings: NetworkSettings;
  private ca: string[] | null = null;
  private readonly dispatchers = new Map<string, Dispatcher>();
  /** Proxy (host:port) → the credentials the user gave in this run. Memory only. */
  private readonly credentials = new Map<string, ProxyCredentials>();
  private readonly asks = new Map<string, number>();
  private readonly asking = new Map<string, Promise<void>>();
  private readonly env: ProxyEnv;
  /** After dispose (core stopping), nothing asks the user any more: late requests just fail. */
  private disposed = false;

  constructor(
    private readonly hooks: NetworkHooks,
    private readonly options: NodeNetworkOptions = {},
  ) {
    this.settings = options.settings ?? DEFAULT_NETWORK_SETTINGS;
    this.env = options.env ?? process.env;
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = toRequest(input, init);
    for (;;) {
      if (this.disposed) throw new NetworkFailure('unreachable', hostOf(request.url), 'Deskbridge is closing its network connections.');
      const proxy = this.proxyUrlFor(request.url);
      const label = proxy === null ? null : proxyLabel(proxy);
      const usedCredentials = label === null ? undefined : this.credentials.get(label);
      try {
        const dispatcher = await this.dispatcher(proxy);
        const response = await undiciFetch(request.url, { ...request.init, dispatcher } as Parameters<typeof undiciFetch>[1]);
        if (response.status === 407 && label !== null) {
          // A forwarded (absolute-URI) request: the proxy's 407 arrives as a response, not as an error.
          await response.body?.cancel().catch(() => undefined);
          await this.authenticate(label, request.url, usedCredentials, proxyChallengeOf(response.headers.get('proxy-authenticate')));
          continue;
        }
        return new Response(NULL_BODY.has(response.status) ? null : (response.body as ReadableStream<Uint8Array> | null), {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers as unknown as HeadersInit,
        });
      } catch (error) {
        if (proxy !== null && label !== null && isProxyAuthError(error)) {
          await this.authenticate(label, request.url, usedCredentials);
          continue;
        }
        throw await this.explain(error, request.url, proxy);
      }
    }
  };

  async resolveProxy(url: string): Promise<string> {
    const proxy = this.proxyUrlFor(url);
    return Promise.resolve(proxy === null ? 'DIRECT' : `PROXY ${proxyLabel(proxy)}`);
  }

  async configure(settings: NetworkSettings): Promise<void> {
    if (settings.proxy.mode === 'manual') checkProxyUrl(settings.proxy.url);
    const ca = await this.loadCa(settings);
    const old = [...this.dispatchers.values()];
    this.dispatchers.clear();
    if (!sameNetworkSettings(settings, this.settings)) {
      this.credentials.clear();
      this.asks.clear();
    }
    this.settings = settings;
    this.ca = ca;
    await Promise.all(old.map((d) => d.close().catch(() => undefined)));
  }

  active(): ActiveNetwork {
    const proxy = this.settings.proxy;
    if (proxy.mode === 'manual') return { settings: this.settings, source: 'settings', description: `PROXY ${proxyLabel(proxy.url)}` };
    if (proxy.mode === 'none') return { settings: this.settings, source: 'settings', description: 'DIRECT' };
    const env = environmentProxies(this.env);
    const parts = [
      env.https ? `HTTPS_PROXY=${proxyLabel(normalizeProxyUrl(env.https))}` : '',
      env.http ? `HTTP_PROXY=${proxyLabel(normalizeProxyUrl(env.http))}` : '',
      env.noProxy ? `NO_PROXY=${env.noProxy}` : '',
    ].filter(Boolean);
    return parts.length > 0
      ? { settings: this.settings, source: 'environment', description: parts.join(' ') }
      : { settings: this.settings, source: 'default', description: 'DIRECT' };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    this.credentials.clear();
    await Promise.all(all.map((d) => d.close().catch(() => undefined)));
  }

  // ---- internals ----

  private proxyUrlFor(url: string): string | null {
    const proxy = this.settings.proxy;
    if (proxy.mode === 'none') return null;
    if (proxy.mode === 'manual') return proxy.url;
    return environmentProxyFor(url, this.env);
  }

  private async loadCa(settings: NetworkSettings): Promise<string[]> {
    const system = await systemCertificates(this.options.systemCaFiles ?? SYSTEM_CA_FILES);
    const extra = settings.caFile ? await readCaFile(settings.caFile) : [];
    return [...tls.rootCertificates, ...system, ...extra];
  }

  private async dispatcher(proxy: string | null): Promise<Dispatcher> {
    this.ca ??= await this.loadCa(this.settings);
    const key = proxy === null ? '' : `${proxy} ${this.credentials.get(proxyLabel(proxy))?.username ?? ''}`;
    let dispatcher = this.dispatchers.get(key);
    if (dispatcher) return dispatcher;
    const tlsOptions = { ca: this.ca, timeout: CONNECT_TIMEOUT_MS };
    if (proxy === null) {
      dispatcher = new Agent({ connect: tlsOptions });
    } else {
      const credentials = this.credentials.get(proxyLabel(proxy));
      const url = new URL(proxy);
      url.username = '';
      url.password = '';
      // http:// targets go to the proxy as absolute-URI requests (as curl does); https:// tunnel with CONNECT.
      dispatcher = new ProxyAgent({
        uri: url.toString(),
        proxyTunnel: false,
        requestTls: tlsOptions,
        proxyTls: tlsOptions,
        connect: tlsOptions,
        ...(credentials ? { token: basicToken(credentials) } : {}),
      });
    }
    this.dispatchers.set(key, dispatcher);
    return dispatcher;
  }

  /** One ask at a time per proxy; the answer is for every request waiting on that proxy. */
  private async authenticate(proxy: string, forUrl: string, used: ProxyCredentials | undefined, offered: OfferedChallenge | null = null): Promise<void> {
    const current = this.credentials.get(proxy);
    if (current !== undefined && current !== used) return; // someone answered meanwhile: retry with that
    const pending = this.asking.get(proxy);
    if (pending) return pending;
    if (this.disposed) throw new NetworkFailure('unreachable', hostOf(forUrl), 'Deskbridge is closing its network connections.');
    const asked = this.asks.get(proxy) ?? 0;
    const host = hostOf(forUrl);
    if (asked >= MAX_PROXY_ASKS) {
      throw new NetworkFailure('proxy-auth', host, `The proxy ${proxy} did not accept the user name and password (${asked} tries).`, {
        proxy,
        code: 'HTTP 407',
      });
    }
    const ask = (async () => {
      this.asks.set(proxy, asked + 1);
      const answer = await this.hooks.askProxyCredentials({
        proxy,
        scheme: 'basic',
        forHost: host,
        attempt: asked + 1,
        ...(offered?.realm ? { realm: offered.realm } : {}),
      });
      if (answer === null)
        throw new NetworkFailure('proxy-auth', host, `Sign-in to the proxy ${proxy} was cancelled.`, { proxy, code: 'HTTP 407', cancelled: true });
      this.credentials.set(proxy, answer);
    })();
    this.asking.set(proxy, ask);
    try {
      await ask;
    } finally {
      this.asking.delete(proxy);
    }
  }

  private async explain(error: unknown, url: string, proxy: string | null): Promise<unknown> {
    const failure = classifyTransportError(error, url, proxy === null ? null : proxyLabel(proxy));
    if (failure === null) return error;
    if (failure.kind !== 'tls-inspection') return failure;
    const issuer = await this.peerIssuer(url, proxy).catch(() => null);
    if (issuer === null) return failure;
    return new NetworkFailure('tls-inspection', failure.host, `${failure.message} Issuer: ${issuer}.`, { ...failure.extra, issuer }, { cause: error });
  }

  /**
   * A second TLS handshake to the same host along the same route, verification off, to read only
   * the issuer of the certificate presented; nothing is sent over it.
   */
  private async peerIssuer(url: string, proxy: string | null): Promise<string | null> {
    const target = new URL(url);
    if (target.protocol !== 'https:') return null;
    const port = Number(target.port || 443);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const socket = proxy === null ? netConnect(port, host) : await this.tunnel(proxy, host, port);
    return new Promise<string | null>((resolve, reject) => {
      const secure = tls.connect({ socket, rejectUnauthorized: false, ...(isIP(host) ? {} : { servername: host }) });
      const timer = setTimeout(() => {
        secure.destroy();
        reject(new Error('timeout'));
      }, ISSUER_PROBE_TIMEOUT_MS);
      secure.once('error', (error: Error) => {
        clearTimeout(timer);
        reject(error);
      });
      secure.once('secureConnect', () => {
        clearTimeout(timer);
        const issuer = secure.getPeerCertificate().issuer as Partial<Record<string, string>> | undefined;
        secure.destroy();
        const names = [issuer?.CN, issuer?.O].filter((n): n is string => typeof n === 'string' && n !== '');
        resolve(names.length === 0 ? null : [...new Set(names)].join(', '));
      });
    });
  }

  private tunnel(proxy: string, host: string, port: number): Promise<Socket> {
    const proxyUrl = new URL(proxy);
    const credentials = this.credentials.get(proxyLabel(proxy));
    return new Promise<Socket>((resolve, reject) => {
      const req = httpRequest({
        host: proxyUrl.hostname,
        port: Number(proxyUrl.port || 80),
        method: 'CONNECT',
        path: `${isIP(host) === 6 ? `[${host}]` : host}:${port}`,
        headers: { host: `${host}:${port}`, ...(credentials ? { 'proxy-authorization': basicToken(credentials) } : {}) },
        timeout: ISSUER_PROBE_TIMEOUT_MS,
      });
      req.once('connect', (res, socket) => {
        if (res.statusCode === 200) resolve(socket);
        else {
          socket.destroy();
          reject(new Error(`CONNECT ${res.statusCode}`));
        }
      });
      req.once('timeout', () => req.destroy(new Error('timeout')));
      req.once('error', reject);
      req.end();
    });
  }
}

interface OfferedChallenge {
  readonly schemes: readonly string[];
  readonly basic: boolean;
  readonly realm?: string;
}

/** `Proxy-Authenticate: Basic realm="corp", Negotiate`: the schemes offered and Basic's realm (null: no header). */
export function proxyChallengeOf(header: string | null): OfferedChallenge | null {
  if (header === null || header.trim() === '') return null;
  const schemes = [...header.matchAll(/(?:^|,)\s*([A-Za-z][\w-]*)(?=\s+[\w-]+=|\s*,|\s*$|\s+[A-Za-z0-9+/=]+\s*(?:,|$))/g)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
  const realm = /basic\s+[^,]*?realm="([^"]*)"/i.exec(header)?.[1];
  return { schemes, basic: schemes.includes('basic'), ...(realm ? { realm } : {}) };
}

/** A manual proxy URL: http(s)://host[:port], never with credentials in it (they are asked at use). */
export function checkProxyUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new NetworkSettingsError('proxy', `“${value}” is not a proxy address (http://host:port).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new NetworkSettingsError('proxy', `The proxy address must start with http:// or https:// (got ${url.protocol}).`);
  if (url.username !== '' || url.password !== '')
    throw new NetworkSettingsError('proxy', 'The proxy address must not contain a user name or password; Deskbridge asks for them when the proxy wants them.');
}

/** The default factory: the Node adapter. */
export function nodeNetwork(options: NodeNetworkOptions = {}): NetworkFactory {
  return (hooks) => new NodeNetwork(hooks, options);
}
