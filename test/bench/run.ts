/**
 * `npm run bench`: runs every test/bench/*.bench.ts (each default-exports a Benchmark) one after
 * the other and prints a table of figures. Figures, never pass/fail.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark, Figure } from './figures';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const figures: Figure[] = [];
for (const file of files) {
  process.stdout.write(`running ${file} …\n`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Benchmark };
  try {
    figures.push(...(await mod.default()));
  } catch (error) {
    process.stdout.write(`  ${file} failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}

const format = (f: Figure): string => (Number.isInteger(f.value) ? f.value.toLocaleString('en-US') : f.value.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const rows = [['benchmark', 'metric', 'value', 'target'], ...figures.map((f) => [f.benchmark, f.metric, `${format(f)} ${f.unit}`, f.target ?? ''])];
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
process.stdout.write(`\n${line(rows[0] ?? [])}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.slice(1).map(line).join('\n')}\n`);
process.exit(0);
