/**
 * The one vetting function before anything is opened with the OS (shell.openExternal): https
 * anywhere, http only on loopback (the sign-in redirect, the local emulator), nothing else.
 */
export function isSafeExternalUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 4096) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return url.hostname.length > 0;
  if (url.protocol === 'http:') return url.hostname === '127.0.0.1';
  return false;
}
