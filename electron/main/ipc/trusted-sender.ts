import { parseUrl } from '@shared/lib/parse-url';
import { isAppUrl, type TrustedOrigin } from '../windows/guards';

interface SenderFrame {
  readonly url: string;
  readonly parent?: unknown;
}

/** Only our own top-level page may call the API; iframes and foreign pages are refused. */
export function isTrustedSender(frame: SenderFrame | null | undefined, trusted: TrustedOrigin = {}): boolean {
  if (!frame) return false;
  if (frame.parent) return false;
  return isAppUrl(frame.url, trusted);
}

/** `protocol//host` of a frame's URL (URL.origin is "null" for app://), or '' for no URL. */
export function frameOrigin(url: string): string {
  const parsed = parseUrl(url);
  return parsed === null ? '' : `${parsed.protocol}//${parsed.host}`;
}

/** The VNC viewer page, wherever it was loaded: it only ever gets the session window's rights. */
export function isSessionPage(url: string): boolean {
  return parseUrl(url)?.pathname === '/session.html';
}
