import { nextPollDelay } from '@shared/lib/polling-policy';
import type { Clock } from '../ports';

export interface RefreshOutcome {
  /** A throttling, network or server failure: back off before the next try. */
  readonly retryableFailure: boolean;
  /** The server asked to wait this long before the next try (a broker's Retry-After). */
  readonly retryAfterMs?: number;
}

export interface Activity {
  readonly anyTransitional: boolean;
  readonly anyPending: boolean;
}

/**
 * The only timer behind the desktop list. Fast while something moves, slow when all is still,
 * paused while no window is visible (an immediate refresh on show), exponential back-off with
 * jitter after retryable failures. Refreshes never overlap: a request during one runs right after.
 */
export class PollScheduler {
  private visible = false;
  private failures = 0;
  private retryAfterMs: number | undefined;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private disposed = false;
  /** When the pending timer fires, in clock time (for tests and benchmarks). */
  private dueAt: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly activity: () => Activity,
    private readonly refresh: () => Promise<RefreshOutcome>,
    private readonly random: () => number = Math.random,
  ) {}

  get isVisible(): boolean {
    return this.visible;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Clock time of the next scheduled refresh, or null while paused or refreshing. */
  get nextDueAt(): number | null {
    return this.dueAt;
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (!visible) this.clearTimer();
    else void this.trigger();
  }

  /** Refresh now; resolves when that refresh (and any queued behind it) is done. */
  trigger(options: { resetBackoff?: boolean } = {}): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (options.resetBackoff === true) this.failures = 0;
    this.clearTimer();
    if (this.running !== null) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.loop();
    return this.running;
  }

  /** Resolves once no refresh is running. */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  /** Re-plans the timer after activity changed (an action started, a desktop began moving). */
  reschedule(): void {
    if (this.running === null) this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.rerun = false;
        let outcome: RefreshOutcome;
        try {
          outcome = await this.refresh();
        } catch {
          outcome = { retryableFailure: true };
        }
        this.failures = outcome.retryableFailure ? this.failures + 1 : 0;
        this.retryAfterMs = outcome.retryableFailure ? outcome.retryAfterMs : undefined;
      } while (this.rerun && !this.disposed);
    } finally {
      this.running = null;
      this.schedule();
    }
  }

  private schedule(): void {
    this.clearTimer();
    if (this.disposed) return;
    const delay = nextPollDelay(
      { visible: this.visible, failures: this.failures, ...this.activity(), ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }) },
      this.random,
    );
    if (delay === null) return;
    this.dueAt = this.clock.now() + delay;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.dueAt = null;
      void this.trigger();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = null;
  }
}
