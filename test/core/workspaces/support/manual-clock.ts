import type { Clock } from '@core/ports';

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/** Core's Clock port, moved by hand; `linked` clocks (the emulator's) move with it. */
export class ManualClock implements Clock {
  private current: number;
  private nextId = 1;
  private timers: Timer[] = [];

  constructor(
    start: number,
    private readonly linked: { advance(ms: number): void }[] = [],
  ) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Pending timers' due times, soonest first. */
  get due(): readonly number[] {
    return this.timers.map((t) => t.at).sort((a, b) => a - b);
  }

  /**
   * Moves time forward to `now + ms`, firing timers in order; after each timer `settle()` is
   * awaited (e.g. the service's idle()) so the work it started finishes at that instant.
   */
  async advance(ms: number, settle: () => Promise<void> = async () => undefined): Promise<void> {
    const end = this.current + ms;
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at)[0];
      if (next === undefined || next.at > end) break;
      this.moveTo(next.at);
      this.timers = this.timers.filter((t) => t.id !== next.id);
      next.callback();
      await settle();
    }
    this.moveTo(end);
  }

  private moveTo(at: number): void {
    const delta = at - this.current;
    if (delta <= 0) return;
    this.current = at;
    for (const clock of this.linked) clock.advance(delta);
  }
}
