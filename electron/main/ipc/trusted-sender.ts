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
