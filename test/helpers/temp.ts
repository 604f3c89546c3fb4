// Temporary directories for tests, all under one root per vitest run that
// test/global-setup.ts makes (LOGSCAN_TEST_TMP) and removes at the end: /tmp used to keep
// every test's directory, thousands of them.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

/** The run's root; its children and the CLIs they spawn inherit the variable. */
export function testTmpRoot(): string {
  const root = process.env.LOGSCAN_TEST_TMP;
  if (!root) throw new Error('LOGSCAN_TEST_TMP is not set: test/global-setup.ts makes it; run the tests through vitest');
  return root;
}

/**
 * A fresh directory of its own (mode 0700) under the run's root. The names stay short
 * (/tmp/logscan-run-XXXXXX/t-XXXXXX): some end-to-end tests find a path on one line of a
 * 100-column report, and a longer one wraps.
 */
export function tempDir(prefix = 't-'): string {
  return mkdtempSync(join(testTmpRoot(), prefix));
}
