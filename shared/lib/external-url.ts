/**
 * The one vetting function before anything is opened with the OS (shell.openExternal): https
 * anywhere, http only on loopback (the sign-in redirect, the local emulator), nothing else.
 */
export function isSafeExternalUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 4096) return false;
  // The raw string goes to the OS: URL() would forgive whitespace and controls, the OS might not.
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f]/.test(value)) return false;
  return isHttpsOrLoopback(value, ['127.0.0.1']);
}

/** An https address, or an http one on one of the given loopback hosts; never with credentials in it. */
export function isHttpsOrLoopback(value: string, loopbackHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return url.hostname.length > 0;
  return url.protocol === 'http:' && loopbackHosts.includes(url.hostname);
}

/**
 * The only other address Deskbridge gives the OS: the hand-off link to the official WorkSpaces
 * client, exactly `workspaces://<encoded user>@<encoded code>` and nothing more.
 */
export function isWorkspacesHandoffUrl(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 512 && /^workspaces:\/\/[A-Za-z0-9\-._~%]+@[A-Za-z0-9\-._~%+]+$/.test(value);
}
