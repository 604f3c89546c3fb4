import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Test files that get a fresh module graph each: those that mock a module (vi.mock), and
 * those that assert a module's state before its first use (a table loaded lazily), which
 * another file run earlier in the same worker would have set.
 */
const ISOLATED = ['test/cli/analysis.test.ts', 'test/parsers/cisco-asa-ports.test.ts', 'test/parsers/ios-inspect-protocols.test.ts'];

export default defineConfig({
  test: {
    // `include` is each project's (below): a project that extends this config would add its
    // own to the one here, not replace it.
    // A non-UTC zone with a negative offset: time bugs (local vs UTC) show up as wrong hours.
    // The locale too (LANG and the variables above it, lang-option.ts localeLang): the language
    // logscan writes in follows it, and a developer's zh_CN or an unknown CI's must not change
    // what the tests read. Empty is unset for the locale (POSIX); a test sets what it needs.
    env: { TZ: 'Etc/GMT+2', NO_COLOR: '1', COLUMNS: '100', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' },
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // One test file per core, not vitest's default of one fewer: on CI's two cores that was a
    // single worker, and the suite took ~490 s of its 10 minutes; two take ~340 s. The tests
    // that race a child process wait for what it says, not for a fixed time, so they hold
    // with both cores busy.
    maxWorkers: '100%',
    // Never write snapshots on their own: unless CI is set, vitest writes a missing one and
    // only notes an obsolete one, so a lost or renamed snapshot passed unnoticed. Now a
    // missing or obsolete snapshot fails. Update on purpose: `npx vitest run FILE -u` (the
    // -u last: it takes an optional value), or `u` in `npm run test:watch`.
    update: 'none',
    // The JSON summary lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test/.tmp/vitest-results.json' }]],
    // A worker runs its test files one after another in one module graph, not a fresh one
    // per file: importing vitest and src/ again for each of ~180 files was a third of the
    // in-process tests' time (test/aggregate, util and parsers: 41 s -> 25 s). Every file
    // still gets its own temporary directories, and runCliShared's key holds all a run
    // depends on. A file that replaces a module (vi.mock) or asserts a module's first-use
    // state needs a graph of its own: those are listed in ISOLATED and run as they always did.
    projects: [
      { extends: true, test: { name: 'shared', isolate: false, include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...ISOLATED] } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
