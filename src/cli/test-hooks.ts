// TEST-ONLY hook, not a feature: LOGSCAN_TEST_CRASH=1 (or =COMMAND) makes a command
// throw a plain Error, so the end-to-end tests can prove that an internal bug prints
// a short message plus the --debug hint, exits 1, and shows a stack only with --debug.
// Documented in docs/failure-behaviour.md; no user has a reason to set it.
export function testCrashHook(command: string): void {
  const v = process.env.LOGSCAN_TEST_CRASH;
  if (v === undefined || v === '' || v === '0') return;
  if (v === '1' || v === command) throw new Error(`deliberate crash in "${command}" (LOGSCAN_TEST_CRASH is set; test-only)`);
}
