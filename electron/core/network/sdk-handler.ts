/**
 * The AWS SDK's request handler over the network port: every STS, SSO, SSO-OIDC and WorkSpaces
 * call goes through `NetworkFetch` (so through the host's proxy, CA and proxy sign-in), never the
 * SDK's own node:http handler.
 */
import type { HeaderBag, HttpHandlerOptions, HttpRequest, HttpResponse, QueryParameterBag, RequestHandler, RequestHandlerOutput } from '@smithy/types';
import { captivePortalIn } from './network-failure';
import type { NetworkFetch } from './port';

export interface SdkHandlerTimeouts {
  /** The whole request, connection included (the SDK's requestTimeout). */
  readonly requestTimeoutMs: number;
}

/** RFC 3986 unreserved characters stay, everything else is percent-encoded (as the SDK's escapeUri). */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function queryString(query: QueryParameterBag | undefined): string {
  const parts: string[] = [];
  for (const key of Object.keys(query ?? {}).sort()) {
    const value = query?.[key];
    if (value === null || value === undefined) {
      parts.push(escapeUri(key));
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) parts.push(`${escapeUri(key)}=${escapeUri(item)}`);
  }
  return parts.join('&');
}

export function requestUrl(request: HttpRequest): string {
  const port = request.port === undefined ? '' : `:${request.port}`;
  const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
  const query = queryString(request.query);
  return `${request.protocol.replace(/:?$/, ':')}//${request.hostname}${port}${path}${query ? `?${query}` : ''}${request.fragment ? `#${request.fragment}` : ''}`;
}

/** Request bodies the SDK gives for these JSON/XML/query APIs: strings and bytes (no streaming uploads). */
function requestBody(body: unknown): BodyInit | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body as BodyInit;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('Deskbridge’s SDK handler sends string or byte bodies only.');
}

function headersOf(response: Response): HeaderBag {
  const out: HeaderBag = {};
  response.headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** An abort from the SDK, or the request timeout: the first one wins; a timeout is a TimeoutError. */
function signalFor(options: HttpHandlerOptions | undefined, timeoutMs: number): AbortSignal {
  const signals = [AbortSignal.timeout(options?.requestTimeout ?? timeoutMs)];
  const outer = options?.abortSignal as AbortSignal | undefined;
  if (outer && typeof (outer as { addEventListener?: unknown }).addEventListener === 'function') signals.push(outer);
  return AbortSignal.any(signals);
}

export class NetworkSdkHandler implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private config: SdkHandlerTimeouts;

  constructor(
    private readonly fetch: NetworkFetch,
    timeouts: SdkHandlerTimeouts,
  ) {
    this.config = timeouts;
  }

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<RequestHandlerOutput<HttpResponse>> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      // Forbidden or computed by the transport: fetch sets host and content-length itself.
      if (name.toLowerCase() === 'host' || name.toLowerCase() === 'content-length') continue;
      headers.set(name, value);
    }
    const body = requestBody(request.body);
    const url = requestUrl(request);
    const response = await this.fetch(url, {
      method: request.method,
      headers,
      ...(body === undefined || request.method === 'GET' || request.method === 'HEAD' ? {} : { body }),
      redirect: 'manual',
      signal: signalFor(options, this.config.requestTimeoutMs),
    });
    const portal = captivePortalIn(url, response);
    if (portal) {
      await response.body?.cancel().catch(() => undefined);
      throw portal;
    }
    // AWS answers are small JSON/XML documents: read whole, handed to the deserializer as bytes.
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { response: { statusCode: response.status, reason: response.statusText, headers: headersOf(response), body: bytes } };
  }

  updateHttpClientConfig(key: keyof SdkHandlerTimeouts, value: number): void {
    this.config = { ...this.config, [key]: value };
  }

  httpHandlerConfigs(): SdkHandlerTimeouts {
    return this.config;
  }

  destroy(): void {
    // The port owns connections; nothing per client to close.
  }
}
