import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { atMost, below, type Figure, quantile } from '../bench/figures';
import { exitCode, formatTable, runBenchmarks, summary, verdict } from '../bench/report';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const figure = (value: number, target?: Figure['target']): Figure => ({ benchmark: 'b', metric: 'm', value, unit: 'ms', ...(target ? { target } : {}) });

describe('the bench report', () => {
  it('notes a benchmark that throws and exits non-zero, keeping the others’ figures', async () => {
    const lines: string[] = [];
    const report = await runBenchmarks(
      [
        { name: 'crashes.bench.ts', run: () => Promise.reject(new Error('Xvnc did not start')) },
        { name: 'works.bench.ts', run: () => Promise.resolve([figure(3)]) },
      ],
      (line) => lines.push(line),
    );
    expect(report.figures).toEqual([figure(3)]);
    expect(report.failures).toEqual([{ name: 'crashes.bench.ts', reason: 'Xvnc did not start' }]);
    expect(lines).toContain('  crashes.bench.ts failed: Xvnc did not start');
    expect(exitCode(report)).toBe(1);
    expect(summary(report)).toBe('targets: 0 met, 0 missed; failed to run: crashes.bench.ts');
  });

  it('counts a figure it could not measure (NaN) or no figure at all as a failure to run', async () => {
    const report = await runBenchmarks(
      [
        { name: 'nan.bench.ts', run: () => Promise.resolve([figure(NaN, atMost(5, 'ms'))]) },
        { name: 'empty.bench.ts', run: () => Promise.resolve([]) },
      ],
      () => undefined,
    );
    expect(report.failures.map((f) => f.name)).toEqual(['nan.bench.ts', 'empty.bench.ts']);
    expect(exitCode(report)).toBe(1);
    expect(verdict(report.figures[0]!)).toBe('missed');
  });

  it('exits 0 when every benchmark ran, even with a missed target: it is a report, not a test', async () => {
    const report = await runBenchmarks([{ name: 'slow.bench.ts', run: () => Promise.resolve([figure(700, atMost(500, 'ms'))]) }], () => undefined);
    expect(exitCode(report)).toBe(0);
    expect(summary(report)).toBe('targets: 0 met, 1 missed');
  });

  it('fails when no benchmark matched', async () => {
    expect(exitCode(await runBenchmarks([], () => undefined))).toBe(1);
  });

  it('prints met or missed beside each target and nothing beside a figure without one', () => {
    const table = formatTable([
      { benchmark: 'vnc', metric: 'click to first frame', value: 480, unit: 'ms', target: atMost(500, 'ms') },
      { benchmark: 'vnc', metric: 'click to first frame, cold', value: 612.345, unit: 'ms', target: atMost(500, 'ms') },
      { benchmark: 'render', metric: 'frame', value: 100, unit: 'ms', target: below(100, 'ms') },
      { benchmark: 'bridge', metric: 'throughput', value: 400, unit: 'MiB/s' },
    ]).split('\n');
    expect(table[0]).toMatch(/^\| benchmark +\| metric +\| value +\| target +\| +\|$/);
    expect(table[2]).toMatch(/\| 480 ms +\| ≤ 500 ms +\| met +\|$/);
    expect(table[3]).toMatch(/\| 612.35 ms +\| ≤ 500 ms +\| missed \|$/);
    expect(table[4]).toMatch(/\| 100 ms +\| < 100 ms +\| missed \|$/);
    expect(table[5]).toMatch(/\| 400 MiB\/s +\| +\| +\|$/);
  });

  it('takes quantiles by nearest rank', () => {
    const xs = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect([quantile(xs, 0.5), quantile(xs, 0.95), quantile(xs, 1)]).toEqual([10, 19, 20]);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('npm run bench (test/bench/run.ts)', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const bench = async (files: Record<string, string>): Promise<{ code: number; stdout: string }> => {
    dir = await mkdtemp(join(tmpdir(), 'deskbridge-bench-runner-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    try {
      const { stdout } = await run(join(root, 'node_modules/.bin/tsx'), [join(root, 'test/bench/run.ts'), `--dir=${dir}`], { cwd: root });
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string };
      return { code: e.code, stdout: e.stdout };
    }
  };
  const ok = `export default async () => [{ benchmark: 'ok', metric: 'm', value: 2, unit: 'ms', target: { label: '≤ 1 ms', met: (v) => v <= 1 } }];\n`;

  it('exits non-zero when a benchmark crashes, and still prints the others', async () => {
    const { code, stdout } = await bench({ 'a-ok.bench.ts': ok, 'b-crash.bench.ts': `export default async () => { throw new Error('boom'); };\n` });
    expect(code).toBe(1);
    expect(stdout).toContain('b-crash.bench.ts failed: boom');
    expect(stdout).toMatch(/\| ok +\| m +\| 2 ms +\| ≤ 1 ms +\| missed \|/);
  });

  it('exits 0 when every benchmark ran, with a missed target', async () => {
    const { code, stdout } = await bench({ 'a-ok.bench.ts': ok });
    expect(code).toBe(0);
    expect(stdout).toContain('targets: 0 met, 1 missed');
  });
});
