/**
 * Network failures a person can act on (issue 13): the adapters throw a NetworkFailure, and the
 * auth and desktops classifiers (auth/network-error.ts, workspaces/aws-errors.ts) turn it into a
 * closed error code that names the host that failed. Raw Node/undici errors from any adapter are
 * recognized too (`networkFailureOf`).
 */

import type { ErrorParams, NetworkFailureCode } from '@shared/ipc/errors';

export type NetworkFailureKind =
  /** The proxy wants credentials and none were given, or they were refused (407), or the ask was cancelled. */
  | 'proxy-auth'
  /** The proxy itself cannot be reached (refused, DNS, timeout on the proxy). */
  | 'proxy-unreachable'
  /** A certificate signed by a CA this computer does not trust: typically TLS inspection. */
  | 'tls-inspection'
  | 'dns'
  | 'timeout'
  /** An https request answered by someone else (a redirect to another host, an HTML page). */
  | 'captive-portal'
  /** Refused, reset, unreachable: the rest of the transport failures. */
  | 'unreachable';

export class NetworkFailure extends Error {
  constructor(
    readonly kind: NetworkFailureKind,
    /** The host Deskbridge was trying to reach (`host` or `host:port`). */
    readonly host: string,
    message: string,
    readonly extra: { readonly proxy?: string; readonly issuer?: string; readonly code?: string; readonly cancelled?: boolean } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NetworkFailure';
  }
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const TIMEOUT = new Set(['TimeoutError', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'RequestTimeout']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
/** OpenSSL's verdicts for a chain that ends in a CA nobody here trusts. */
export const UNTRUSTED_CERT_CODES: ReadonlySet<string> = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  // Chromium's names for the same (Electron's net).
  'ERR_CERT_AUTHORITY_INVALID',
]);

/** Every name and code on an error and its causes (fetch wraps the real one in `cause`). */
export function errorCodes(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    const e = current as { name?: unknown; code?: unknown; cause?: unknown; message?: unknown };
    if (typeof e.name === 'string') out.push(e.name);
    if (typeof e.code === 'string') out.push(e.code);
    if (typeof e.message === 'string') {
      const chromium = /\bnet::(ERR_[A-Z_]+)/.exec(e.message);
      if (chromium?.[1]) out.push(chromium[1]);
    }
    current = e.cause;
  }
  return out;
}

function messages(error: unknown): string {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    const e = current as { message?: unknown; cause?: unknown };
    if (typeof e.message === 'string') out.push(e.message);
    current = e.cause;
  }
  return out.join(' | ');
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A proxy's answer that it wants credentials (undici's two ways of saying so, Chromium's code). */
export function isProxyAuthError(error: unknown): boolean {
  const text = messages(error);
  return /Proxy Authentication Required|Proxy response \(407\)/.test(text) || errorCodes(error).includes('ERR_PROXY_AUTH_UNSUPPORTED');
}

/**
 * Sorts a raw transport error (Node, undici, Chromium) into a NetworkFailure for `url`, or null
 * when it is not a transport failure (an HTTP answer, a bug). `proxy` is the proxy in use, if any:
 * a connection failure on the way there is the proxy's.
 */
export function classifyTransportError(error: unknown, url: string, proxy: string | null): NetworkFailure | null {
  if (error instanceof NetworkFailure) return error;
  const host = hostOf(url);
  const codes = errorCodes(error);
  const text = messages(error);
  const code = codes.find((c) => /^[A-Z_]+$/.test(c) && c !== 'TypeError');
  const extra = { ...(proxy ? { proxy } : {}), ...(code ? { code } : {}) };
  if (isProxyAuthError(error) && proxy)
    return new NetworkFailure('proxy-auth', host, `The proxy ${proxy} asks for a user name and password to reach ${host}.`, extra, { cause: error });
  if (/Proxy response \((\d+)\)/.test(text) && proxy) {
    // The proxy is there but could not (or would not) open the way to the host.
    return new NetworkFailure('unreachable', host, `The proxy ${proxy} could not connect to ${host}: ${text}`, extra, { cause: error });
  }
  if (codes.some((c) => UNTRUSTED_CERT_CODES.has(c))) {
    return new NetworkFailure(
      'tls-inspection',
      host,
      `The certificate presented for ${host} is signed by a certificate authority this computer does not trust.`,
      extra,
      { cause: error },
    );
  }
  if (codes.some((c) => TIMEOUT.has(c))) return new NetworkFailure('timeout', host, `No answer from ${host} in time.`, extra, { cause: error });
  if (codes.some((c) => DNS.has(c))) {
    // With a proxy, Deskbridge resolves only the proxy's name; the proxy resolves the rest.
    if (proxy) return new NetworkFailure('proxy-unreachable', host, `The proxy ${proxy} could not be found (DNS).`, extra, { cause: error });
    return new NetworkFailure('dns', host, `The name ${host} could not be resolved (DNS).`, extra, { cause: error });
  }
  if (codes.some((c) => UNREACHABLE.has(c)) || (error instanceof TypeError && error.message === 'fetch failed')) {
    if (proxy && codes.includes('ECONNREFUSED'))
      return new NetworkFailure('proxy-unreachable', host, `The proxy ${proxy} is not answering.`, extra, { cause: error });
    return new NetworkFailure('unreachable', host, `Could not connect to ${host}.`, extra, { cause: error });
  }
  return null;
}

/** The NetworkFailure somewhere in an error's cause chain (the SDK and oauth4webapi wrap errors). */
export function networkFailureOf(error: unknown): NetworkFailure | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    if (current instanceof NetworkFailure) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * An https request answered by something that is not the service: a redirect to another host, or
 * an HTML page where an API answers JSON/XML. Captive portals (hotel, train Wi-Fi) do this.
 */
export function captivePortalIn(url: string, response: Response): NetworkFailure | null {
  const host = hostOf(url);
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location');
    if (location === null) return null;
    const target = new URL(location, url);
    if (target.host === new URL(url).host) return null;
    return new NetworkFailure('captive-portal', host, `The request to ${host} was redirected to ${target.host}: the network may need a sign-in page first.`, {
      code: `HTTP ${response.status}`,
    });
  }
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 200 && /^text\/html/i.test(type)) {
    return new NetworkFailure('captive-portal', host, `${host} answered with a web page instead of the service: the network may need a sign-in page first.`, {
      code: 'HTTP 200 text/html',
    });
  }
  return null;
}

/** The closed code a failure is worded with; null for a plain "could not connect" (the caller's own code). */
export function failureCode(failure: NetworkFailure): NetworkFailureCode | null {
  switch (failure.kind) {
    case 'proxy-auth':
      return failure.extra.cancelled ? 'network.proxyCancelled' : 'network.proxyAuth';
    case 'proxy-unreachable':
      return 'network.proxyUnreachable';
    case 'tls-inspection':
      return 'network.tlsInspection';
    case 'dns':
      return 'network.dns';
    case 'timeout':
      return 'network.timeout';
    case 'captive-portal':
      return 'network.captivePortal';
    default:
      return null;
  }
}

/** The values the renderer's message needs: the host, and the proxy or issuer when known. Never a credential. */
export function failureParams(failure: NetworkFailure): ErrorParams {
  return {
    host: failure.host,
    ...(failure.extra.proxy ? { proxy: failure.extra.proxy } : {}),
    ...(failure.kind === 'tls-inspection' ? { issuer: failure.extra.issuer ?? '?' } : {}),
  };
}

/** Technical details for the log and the "details" line: what happened, with the transport's own code. */
export function failureDetails(failure: NetworkFailure): string {
  return `${failure.message}${failure.extra.code ? ` (${failure.extra.code})` : ''}`.slice(0, 500);
}
