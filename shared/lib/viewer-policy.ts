/**
 * The in-app viewer's rules, pure so they are tested without a browser: what a closed connection
 * means, and how long to wait before the next automatic reconnect.
 */
import { BRIDGE_CLOSE } from '../ipc/domains/sessions';

export type CloseMeaning =
  /** The user or Deskbridge ended it: stop. */
  | 'ended'
  /** The server refused the password: ask again, never retry by itself. */
  | 'wrong-password'
  /** The server closed or the connection broke: reconnect with back-off. */
  | 'dropped';

export interface CloseFacts {
  readonly code: number;
  readonly securityFailure: boolean;
  readonly userDisconnected: boolean;
}

export function closeMeaning(facts: CloseFacts): CloseMeaning {
  if (facts.userDisconnected || facts.code === BRIDGE_CLOSE.disconnected || facts.code === BRIDGE_CLOSE.bridgeStopped) return 'ended';
  if (facts.securityFailure) return 'wrong-password';
  return 'dropped';
}

/** After a drop of an established session: this many tries; before the first connect, fewer. */
export const MAX_RECONNECTS = 8;
export const MAX_FIRST_TRIES = 3;

/** 0.5 s, 1 s, 2 s, 4 s, then every 8 s; `jitter` in [0, 1) adds up to a fifth. */
export function reconnectDelay(attempt: number, jitter = 0): number {
  const base = Math.min(500 * 2 ** Math.max(0, attempt), 8_000);
  return Math.round(base * (1 + Math.min(Math.max(jitter, 0), 0.999) * 0.2));
}

/** Whether another automatic attempt is due (attempt counts from 0). */
export function shouldReconnect(attempt: number, everConnected: boolean): boolean {
  return attempt < (everConnected ? MAX_RECONNECTS : MAX_FIRST_TRIES);
}

/** The user's shortcut that gives the keyboard back to this computer: Ctrl+Alt+Shift+R. */
export function isReleaseShortcut(event: {
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly metaKey: boolean;
  readonly code: string;
}): boolean {
  return event.ctrlKey && event.altKey && event.shiftKey && !event.metaKey && event.code === 'KeyR';
}
