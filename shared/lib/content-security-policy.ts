/** The renderer's CSP: only our own scripts, styles and connections; no inline script, no eval. */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The session window's CSP: the app's, plus WebSockets to the VNC bridge on loopback (noVNC draws from blob: images). */
export const SESSION_CSP = APP_CSP.replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:*").replace(
  "img-src 'self' data:",
  "img-src 'self' data: blob:",
);

/** The CSP of one served file: only the session page may open the bridge. */
export function cspFor(file: string): string {
  return /(^|[\\/])session\.html$/.test(file) ? SESSION_CSP : APP_CSP;
}
