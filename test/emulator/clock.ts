/** A controllable clock: real time by default, frozen and advanced by hand in tests. */
export interface Clock {
  /** Milliseconds since the epoch, in emulator time. */
  now(): number;
  /** Moves emulator time forward; in real mode this adds a permanent offset. */
  advance(ms: number): void;
  readonly manual: boolean;
}

export interface ClockOptions {
  /** Freeze time at `start` (default: the real time at creation) and move only on advance(). */
  readonly manual?: boolean;
  readonly start?: number;
}

export function createClock(options: ClockOptions = {}): Clock {
  if (options.manual === true) {
    let current = options.start ?? Date.now();
    return {
      manual: true,
      now: () => current,
      advance: (ms) => {
        if (ms < 0) throw new RangeError('the clock only moves forward');
        current += ms;
      },
    };
  }
  let offset = options.start === undefined ? 0 : options.start - Date.now();
  return {
    manual: false,
    now: () => Date.now() + offset,
    advance: (ms) => {
      if (ms < 0) throw new RangeError('the clock only moves forward');
      offset += ms;
    },
  };
}
