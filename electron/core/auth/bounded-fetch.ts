import { AuthError } from './auth-error';

/** About 1 MB: far more than any discovery document, key set, token or UserInfo answer needs. */
export const MAX_IDP_RESPONSE_BYTES = 1024 * 1024;

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Statuses whose Response may not carry a body (the Fetch standard's null body statuses). */
const NULL_BODY = new Set([204, 205, 304]);

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

function tooLarge(url: string, what: string): AuthError {
  return new AuthError(
    'idp-response-too-large',
    'Your organization’s identity provider sent an answer far larger than a sign-in needs, so Deskbridge stopped reading it. Try again later; if this repeats, contact your IT department.',
    `${withoutQuery(url)} ${what}.`,
  );
}

/** Reads at most `limit` bytes of a body (after decompression) and gives up as soon as there are more. */
async function readBounded(body: ReadableStream<Uint8Array>, url: string, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, `sent more than the ${limit} bytes allowed`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * A fetch for oauth4webapi's and jose's customFetch: the whole body is read here, up to `limit`
 * bytes, so a hostile or broken server cannot make Deskbridge read 200 MB. A declared
 * content-length over the limit is refused before reading anything. `inner` is the network port's fetch.
 */
export function boundedFetch(limit: number, inner: Fetch): Fetch {
  return async (url, init) => {
    const response = await inner(url, init);
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limit) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(url, `announced ${declared} bytes, more than the ${limit} allowed`);
    }
    const body = response.body === null ? null : await readBounded(response.body, url, limit);
    return new Response(NULL_BODY.has(response.status) ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
