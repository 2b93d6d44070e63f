/**
 * When the desktops scheduler polls next: fast while anything moves, about once a minute when all is
 * still, never while no window is visible, and with exponential back-off plus jitter after
 * throttling or network errors.
 */
export const POLL_FAST_MS = 5_000;
/** Chosen so a stable list costs ≤ 120 calls an hour including the first load (2 calls a poll). */
export const POLL_STABLE_MS = 72_000;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 120_000;
/** The longest a server's "retry after" is honoured: a broken value must not stop the list for good. */
export const RETRY_AFTER_MAX_MS = 600_000;

export interface PollInputs {
  readonly visible: boolean;
  readonly anyTransitional: boolean;
  readonly anyPending: boolean;
  /** Consecutive failed refreshes (throttling, network, 5xx); 0 after a success. */
  readonly failures: number;
  /** How long the server asked the client to wait after the last failure (Retry-After), if it did. */
  readonly retryAfterMs?: number;
}

/** Milliseconds until the next refresh, or null to stay paused until a window shows. */
export function nextPollDelay(inputs: PollInputs, random: () => number = Math.random): number | null {
  if (!inputs.visible) return null;
  if (inputs.failures > 0) return Math.max(backoffDelay(inputs.failures, random), Math.min(inputs.retryAfterMs ?? 0, RETRY_AFTER_MAX_MS));
  return inputs.anyTransitional || inputs.anyPending ? POLL_FAST_MS : POLL_STABLE_MS;
}

/** "Equal jitter": half the exponential step for sure, the other half at random. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(failures - 1, 16)));
  const jitter = Math.min(1, Math.max(0, random()));
  return Math.round(step / 2 + (step / 2) * jitter);
}

export type FailureKind = 'throttled' | 'network' | 'server' | 'auth' | 'denied' | 'other';

/** Failures worth retrying on the back-off schedule; the others wait for the user or a sign-in. */
export function isRetryable(kind: FailureKind): boolean {
  return kind === 'throttled' || kind === 'network' || kind === 'server';
}
