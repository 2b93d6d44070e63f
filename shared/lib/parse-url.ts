/**
 * The one way to parse an address that may be invalid: the URL, or null (never a throw). `base`
 * resolves a relative value, as `new URL(value, base)` does.
 */
export function parseUrl(value: string, base?: string): URL | null {
  try {
    return base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    return null;
  }
}

/**
 * An HTTP request target as a local server receives it (Node's `req.url`), resolved on loopback;
 * null for one that is no valid URL (any local program can send one), which is refused, never thrown.
 */
export function parseRequestUrl(target: string | undefined): URL | null {
  return parseUrl(target ?? '/', 'http://127.0.0.1');
}
