import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from '@shared/lib/app-origin';
import { parseUrl } from '@shared/lib/parse-url';

/*
 * Serving the built renderer, as every host does: Electron's app:// protocol handler and the web
 * host (test/harness) alike. The CSP each file is served with is shared/lib/content-security-policy.
 */

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Maps an app:// URL to a file under root, or null for anything outside it (traversal, encoded
 * separators, other hosts). Pure so it can be tested without Electron.
 */
export function resolveAppAsset(root: string, requestUrl: string): string | null {
  const url = parseUrl(requestUrl);
  if (url === null || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  return resolveUnderRoot(root, url.pathname);
}

/** A URL path (still percent-encoded) mapped to a file under root, or null if it would leave root. */
export function resolveUnderRoot(root: string, encodedPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(encodedPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
  return file.startsWith(base + sep) ? file : null;
}

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
