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
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '';
  }
}

/** The VNC viewer page, wherever it was loaded: it only ever gets the session window's rights. */
export function isSessionPage(url: string): boolean {
  try {
    return new URL(url).pathname === '/session.html';
  } catch {
    return false;
  }
}
