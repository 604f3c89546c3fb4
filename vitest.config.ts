import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A non-UTC zone with a negative offset: time bugs (local vs UTC) show up as wrong hours.
    env: { TZ: 'Etc/GMT+2', NO_COLOR: '1', COLUMNS: '100' },
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // The JSON summary lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test/.tmp/vitest-results.json' }]],
  },
});
