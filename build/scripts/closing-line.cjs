// The suite's one plain closing line, "tests: N passed, N failed, N skipped", from vitest's JSON
// report, and the exit code that must agree with it. A failed suite (a beforeAll that threw, a
// file that did not load), an unhandled error or a non-zero vitest exit counts as a failure even
// when no single test failed; a skipped or todo test fails the run too, since nothing in this
// suite is meant to be switched off.
'use strict';
const { readFileSync } = require('node:fs');

function closing(report, vitestStatus) {
  const passed = report ? report.numPassedTests : 0;
  const skipped = report ? report.numPendingTests + report.numTodoTests : 0;
  let failed = report ? report.numFailedTests : 0;
  const files = report ? report.testResults : [];
  // Suites that failed without a failing test of their own (hook errors, import errors).
  for (const file of files) {
    const anyFailedTest = (file.assertionResults ?? []).some((t) => t.status === 'failed');
    if (file.status === 'failed' && !anyFailedTest) failed += 1;
  }
  const ran = passed + failed > 0;
  if (!report || (vitestStatus !== 0 && failed === 0)) failed += 1; // unhandled errors, a crash, no report
  const ok = failed === 0 && skipped === 0 && ran && vitestStatus === 0;
  const reasons = [];
  if (!report) reasons.push('vitest wrote no report');
  if (skipped > 0) reasons.push(`${skipped} test(s) skipped: every test must run`);
  if (!ran) reasons.push('no test ran');
  return { line: `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`, status: ok ? 0 : 1, reasons };
}

module.exports = { closing };

if (require.main === module) {
  const [file, statusText] = process.argv.slice(2);
  let report = null;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    report = null;
  }
  const result = closing(report, Number(statusText));
  for (const reason of result.reasons) process.stdout.write(`note: ${reason}\n`);
  process.stdout.write(`${result.line}\n`);
  process.exit(result.status);
}
