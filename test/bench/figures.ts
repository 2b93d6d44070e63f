/** One printed figure of a benchmark: a report, never a pass/fail test. */
export interface Figure {
  readonly benchmark: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** What the figure should be; the report prints "met" or "missed" beside it. */
  readonly target?: Target;
}

/** A target a figure is read against, in words ("≤ 120 calls") and as a check. */
export interface Target {
  readonly label: string;
  met(value: number): boolean;
}

export type Benchmark = () => Promise<readonly Figure[]>;

const limitText = (limit: number, unit: string): string => `${limit.toLocaleString('en-US')}${unit === '' ? '' : ` ${unit}`}`;

/** The figure must not exceed `limit`. */
export function atMost(limit: number, unit = ''): Target {
  return { label: `≤ ${limitText(limit, unit)}`, met: (value) => value <= limit };
}

/** The figure must stay strictly below `limit`. */
export function below(limit: number, unit = ''): Target {
  return { label: `< ${limitText(limit, unit)}`, met: (value) => value < limit };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** The q-quantile (0…1) by the nearest-rank method; NaN for no samples. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? NaN;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
