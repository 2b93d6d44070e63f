import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay, isRetryable, nextPollDelay, POLL_FAST_MS, POLL_STABLE_MS, RETRY_AFTER_MAX_MS } from '@shared/lib/polling-policy';

describe('polling policy', () => {
  it('pauses while no window is visible, whatever else is going on', () => {
    for (const anyTransitional of [false, true]) {
      for (const anyPending of [false, true]) {
        for (const failures of [0, 3]) expect(nextPollDelay({ visible: false, anyTransitional, anyPending, failures })).toBeNull();
      }
    }
  });

  it('polls every few seconds while something moves, about once a minute when all is still', () => {
    expect(nextPollDelay({ visible: true, anyTransitional: true, anyPending: false, failures: 0 })).toBe(POLL_FAST_MS);
    expect(nextPollDelay({ visible: true, anyTransitional: false, anyPending: true, failures: 0 })).toBe(POLL_FAST_MS);
    expect(nextPollDelay({ visible: true, anyTransitional: false, anyPending: false, failures: 0 })).toBe(POLL_STABLE_MS);
    expect(POLL_FAST_MS).toBeLessThanOrEqual(6_000);
    expect(POLL_STABLE_MS).toBeGreaterThanOrEqual(55_000);
    expect(POLL_STABLE_MS).toBeLessThanOrEqual(90_000);
  });

  it('backs off exponentially with jitter after failures, capped', () => {
    const low = (n: number) => backoffDelay(n, () => 0);
    const high = (n: number) => backoffDelay(n, () => 1);
    expect(low(1)).toBe(1_000);
    expect(high(1)).toBe(2_000);
    expect(low(2)).toBe(2_000);
    expect(high(3)).toBe(8_000);
    expect(high(40)).toBe(BACKOFF_MAX_MS);
    expect(low(40)).toBe(BACKOFF_MAX_MS / 2);
    expect(nextPollDelay({ visible: true, anyTransitional: true, anyPending: true, failures: 2 }, () => 0.5)).toBe(3_000);
  });

  it('waits at least as long as the server asked after a failure (Retry-After), within a bound', () => {
    const after = (retryAfterMs: number) => nextPollDelay({ visible: true, anyTransitional: false, anyPending: false, failures: 1, retryAfterMs }, () => 0.5);
    expect(after(30_000)).toBe(30_000);
    // A shorter ask than the back-off does not shorten it.
    expect(after(100)).toBe(backoffDelay(1, () => 0.5));
    // A broken or hostile value does not stop the list for good.
    expect(after(86_400_000)).toBe(RETRY_AFTER_MAX_MS);
    // Without a failure, a stale ask is irrelevant.
    expect(nextPollDelay({ visible: true, anyTransitional: false, anyPending: false, failures: 0, retryAfterMs: 30_000 })).toBe(POLL_STABLE_MS);
  });

  it('retries throttling, network and server errors on the schedule, not sign-in or permission problems', () => {
    expect(['throttled', 'network', 'server', 'auth', 'denied', 'other'].filter((k) => isRetryable(k as never))).toEqual(['throttled', 'network', 'server']);
  });
});
