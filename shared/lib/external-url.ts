import { parseUrl } from './parse-url';
import { englishReason, type ReasonOf } from './field-reasons';

/**
 * Loopback hosts that plain http may use: the IP literals only. "localhost" is a name that a hosts
 * file or a resolver can send elsewhere (RFC 8252 §8.3), so it is refused everywhere.
 */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', '[::1]'];

// Scheme "://" authority: the authority as written, before URL() rewrites it (punycode, dots).
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;

/**
 * THE rule for every web address Deskbridge signs in at or opens (issuer, start URL, endpoints, the
 * sign-in page): https with a host, or http on 127.0.0.1 / [::1] (the sign-in redirect, the local
 * cloud); never a user name or password in it; its host in ASCII, so what a dialog shows is what is
 * used (an international name is written in punycode, xn--…). Null when usable, else why not.
 */
export function serviceUrlReason(value: string): ReasonOf | null {
  // The raw string may go to the OS: URL() would forgive whitespace and controls, the OS might not.
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f]/.test(value)) return { reason: 'url-spaces' };
  const url = parseUrl(value);
  if (url === null) return { reason: 'url-invalid' };
  const authority = AUTHORITY.exec(value)?.[1];
  if (authority === undefined || !/^https?:$/.test(url.protocol) || url.hostname.length === 0) return { reason: 'url-not-https' };
  if (url.username || url.password) return { reason: 'url-credentials' };
  if (!/^[\x21-\x7e]*$/.test(authority)) return { reason: 'url-not-ascii' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { reason: 'url-not-https' };
  return null;
}

/** serviceUrlReason in English (logs, details): null when usable, else why not. */
export function serviceUrlProblem(value: string): string | null {
  const problem = serviceUrlReason(value);
  return problem === null ? null : englishReason(problem);
}

export function isSecureServiceUrl(value: string): boolean {
  return serviceUrlProblem(value) === null;
}

/** 127.0.0.1 or [::1], as URL().hostname gives them. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.includes(hostname);
}

/**
 * The one vetting function before anything is opened with the OS (shell.openExternal): the
 * service-address rule above, on the raw string the OS will receive (at most 4 KiB).
 */
export function isSafeExternalUrl(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 4096 && isSecureServiceUrl(value);
}

/**
 * The only other address Deskbridge gives the OS: the hand-off link to the official WorkSpaces
 * client, exactly `workspaces://<encoded user>@<encoded code>` and nothing more.
 */
export function isWorkspacesHandoffUrl(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 512 && /^workspaces:\/\/[A-Za-z0-9\-._~%]+@[A-Za-z0-9\-._~%+]+$/.test(value);
}
