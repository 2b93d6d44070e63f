import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { closing } = require('../../build/scripts/closing-line.cjs') as {
  closing: (report: unknown, status: number) => { line: string; status: number; reasons: string[] };
};

function report(files: Array<{ status: string; tests: string[] }>) {
  const all = files.flatMap((f) => f.tests);
  return {
    numPassedTests: all.filter((t) => t === 'passed').length,
    numFailedTests: all.filter((t) => t === 'failed').length,
    numPendingTests: all.filter((t) => t === 'skipped').length,
    numTodoTests: all.filter((t) => t === 'todo').length,
    testResults: files.map((f) => ({ status: f.status, assertionResults: f.tests.map((status) => ({ status })) })),
  };
}

describe('the suite closing line', () => {
  it('reads all passed when every test passed and vitest exited 0', () => {
    const r = closing(report([{ status: 'passed', tests: ['passed', 'passed'] }]), 0);
    expect(r).toEqual({ line: 'tests: 2 passed, 0 failed, 0 skipped', status: 0, reasons: [] });
  });

  it('counts a suite whose beforeAll failed (its tests skipped) as failed', () => {
    const r = closing(
      report([
        { status: 'passed', tests: ['passed'] },
        { status: 'failed', tests: ['skipped', 'skipped'] },
      ]),
      1,
    );
    expect(r.line).toBe('tests: 1 passed, 1 failed, 2 skipped');
    expect(r.status).toBe(1);
  });

  it('never says 0 failed when vitest exited non-zero (unhandled errors)', () => {
    const r = closing(report([{ status: 'passed', tests: ['passed'] }]), 1);
    expect(r.line).toBe('tests: 1 passed, 1 failed, 0 skipped');
    expect(r.status).toBe(1);
  });

  it('fails a run with a skipped test even when vitest exited 0', () => {
    const r = closing(report([{ status: 'passed', tests: ['passed', 'skipped'] }]), 0);
    expect(r.status).toBe(1);
    expect(r.reasons.join()).toMatch(/skipped/);
  });

  it('fails a run without a report or without any test', () => {
    expect(closing(null, 0)).toMatchObject({ line: 'tests: 0 passed, 1 failed, 0 skipped', status: 1 });
    expect(closing(report([]), 0).status).toBe(1);
  });
});
