/** One printed figure of a benchmark (benchmarks never pass or fail). */
export interface Figure {
  readonly benchmark: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** The target in words, e.g. "≤ 1.2× bound". */
  readonly target?: string;
}

export type Benchmark = () => Promise<readonly Figure[]>;

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}
