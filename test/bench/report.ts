/**
 * The bench runner's logic, apart from the file system: run each benchmark, keep its figures, note
 * every benchmark that failed to run (it threw, or gave a figure it could not measure), print the
 * table with "met" or "missed" beside each target, and an exit code that is non-zero only when a
 * benchmark failed to run. A missed target is reported, never turned into a failed run.
 */
import type { Benchmark, Figure } from './figures';

export interface BenchmarkEntry {
  readonly name: string;
  /** Loads and runs the benchmark (loading may fail too). */
  run(): ReturnType<Benchmark>;
}

export interface BenchFailure {
  readonly name: string;
  readonly reason: string;
}

export interface BenchReport {
  readonly figures: readonly Figure[];
  readonly failures: readonly BenchFailure[];
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function runBenchmarks(entries: readonly BenchmarkEntry[], write: (line: string) => void): Promise<BenchReport> {
  const figures: Figure[] = [];
  const failures: BenchFailure[] = [];
  if (entries.length === 0) failures.push({ name: '(none)', reason: 'no benchmark matched' });
  for (const entry of entries) {
    write(`running ${entry.name} …`);
    try {
      const got = await entry.run();
      const unmeasured = got.filter((f) => !Number.isFinite(f.value));
      figures.push(...got);
      if (got.length === 0) failures.push({ name: entry.name, reason: 'it reported no figure' });
      for (const f of unmeasured) failures.push({ name: entry.name, reason: `“${f.metric}” was not measured (${String(f.value)})` });
    } catch (error) {
      failures.push({ name: entry.name, reason: reasonOf(error) });
    }
  }
  for (const failure of failures) write(`  ${failure.name} failed: ${failure.reason}`);
  return { figures, failures };
}

/** "met", "missed", or empty for a figure without a target; an unmeasured value misses. */
export function verdict(figure: Figure): '' | 'met' | 'missed' {
  if (figure.target === undefined) return '';
  return Number.isFinite(figure.value) && figure.target.met(figure.value) ? 'met' : 'missed';
}

export function formatValue(figure: Figure): string {
  const n = Number.isInteger(figure.value) ? figure.value.toLocaleString('en-US') : figure.value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return `${n} ${figure.unit}`;
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = [
    ['benchmark', 'metric', 'value', 'target', ''],
    ...figures.map((f) => [f.benchmark, f.metric, formatValue(f), f.target?.label ?? '', verdict(f)]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: readonly string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(rows[0] ?? []), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** One line under the table: how many targets were met, and which benchmarks failed to run. */
export function summary(report: BenchReport): string {
  const judged = report.figures.filter((f) => f.target !== undefined);
  const met = judged.filter((f) => verdict(f) === 'met').length;
  const failed = report.failures.length === 0 ? '' : `; failed to run: ${[...new Set(report.failures.map((f) => f.name))].join(', ')}`;
  return `targets: ${met} met, ${judged.length - met} missed${failed}`;
}

/** Non-zero only when a benchmark failed to run: targets are reported, not enforced. */
export function exitCode(report: BenchReport): number {
  return report.failures.length > 0 ? 1 : 0;
}
