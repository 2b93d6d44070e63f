/** Per-user request budget: a token bucket per caller, in this instance's memory. */
export interface UserThrottleOptions {
  /** Requests a user may make in a burst. */
  readonly burst: number;
  /** Requests per second the bucket refills. */
  readonly perSecond: number;
  readonly now: () => number;
}

/** The default lets the client's fast polling (one list every 5 s) and a few clicks through with room to spare. */
export const DEFAULT_USER_THROTTLE = { burst: 20, perSecond: 2 } as const;

const MAX_TRACKED_USERS = 50_000;

export class UserThrottle {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: UserThrottleOptions) {}

  /** Takes one request from the user's budget: 0 when allowed, else seconds until one is free. */
  take(userName: string): number {
    const key = userName.toLowerCase();
    const now = this.options.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, at: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.options.perSecond);
    bucket.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= MAX_TRACKED_USERS) this.buckets.clear();
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.perSecond));
  }
}
