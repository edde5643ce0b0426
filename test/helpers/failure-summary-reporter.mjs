// A reporter that repeats, after everything else, each failed test with its file and first error
// line: on a long CI log (often shown only in part) the failures are the last thing printed.
import { relative } from 'node:path';
import { defaultReporter } from '@web/test-runner';

function failures(results, trail, out) {
  if (!results) return;
  for (const test of results.tests ?? []) {
    if (!test.passed && !test.skipped) out.push({ name: [...trail, test.name].join(' > '), error: test.error });
  }
  for (const suite of results.suites ?? []) failures(suite, [...trail, suite.name], out);
}

export function failureSummaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const lines = [];
      for (const session of sessions) {
        const found = [];
        failures(session.testResults, [], found);
        for (const error of session.errors ?? []) found.push({ name: '(file did not run)', error });
        for (const { name, error } of found) {
          const message = String(error?.message ?? error ?? 'failed').split('\n')[0];
          lines.push(`  ✗ ${relative(process.cwd(), session.testFile)}\n      ${name}\n      ${message}`);
        }
      }
      if (lines.length) console.log(`\nFailed tests (${lines.length}):\n${lines.join('\n')}\n`);
    },
  };
}

export const reporters = [defaultReporter(), failureSummaryReporter()];
