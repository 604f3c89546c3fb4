// TEST-ONLY hook, not a feature: LOGSCAN_TEST_CRASH=1 (or =COMMAND) makes a command
// throw a plain Error, so the end-to-end tests can prove that an internal bug prints
// a short message plus the --debug hint, exits 1, and shows a stack only with --debug.
// Documented in docs/failure-behaviour.md; no user has a reason to set it.
export function testCrashHook(command: string): void {
  const v = process.env.LOGSCAN_TEST_CRASH;
  if (v === undefined || v === '' || v === '0') return;
  if (v === '1' || v === command) throw new Error(`deliberate crash in "${command}" (LOGSCAN_TEST_CRASH is set; test-only)`);
}

/**
 * TEST-ONLY: LOGSCAN_TEST_CRASH=uncaught throws from a callback outside any command's
 * promise chain (as a stream's event handler would), to prove that such a bug still ends
 * in the short internal-error message and exit 1, not Node's raw stack trace.
 */
export function testUncaughtHook(): void {
  if (process.env.LOGSCAN_TEST_CRASH !== 'uncaught') return;
  setImmediate(() => {
    throw new Error('deliberate uncaught crash (LOGSCAN_TEST_CRASH is set; test-only)');
  });
}
