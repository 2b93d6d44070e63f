/**
 * `npm run bench [name…] [--dir=folder]`: runs every test/bench/*.bench.ts (each default-exports a Benchmark) one
 * after the other and prints a table of figures with "met"/"missed" beside each target. Exits
 * non-zero when a benchmark fails to run; a missed target is a figure, not a failure.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark } from './figures';
import { exitCode, formatTable, runBenchmarks, summary } from './report';

const args = process.argv.slice(2);
// --dir=… runs the benchmarks of another folder (the runner's own test uses it).
const dir = args.find((a) => a.startsWith('--dir='))?.slice('--dir='.length) ?? import.meta.dirname;
const only = args.filter((a) => !a.startsWith('--dir='));
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const write = (line: string): void => void process.stdout.write(`${line}\n`);
const report = await runBenchmarks(
  files.map((file) => ({
    name: file,
    run: async () => ((await import(pathToFileURL(join(dir, file)).href)) as { default: Benchmark }).default(),
  })),
  write,
);
write(`\n${formatTable(report.figures)}\n${summary(report)}`);
process.exit(exitCode(report));
