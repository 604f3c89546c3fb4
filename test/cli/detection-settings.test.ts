// The three ways of use (the report, `follow`, `daily`) on the same log with the same
// detection settings agree: the options that decide what counts as a scan and which
// events are left out mean the same in each, and follow's window summary counts as the
// report's header does. Runs the built CLI.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, startCli } from '../helpers/cli.js';

const env = { LOGSCAN_FOLLOW_POLL_MS: '40', LOGSCAN_FOLLOW_RETIRE_MS: '400', COLUMNS: '300' };

interface ReportTotals {
  totals: { events: number; sources: number };
}

function reportTotals(args: string[]): ReportTotals['totals'] {
  const r = runCli(['-o', 'json', ...args]);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as ReportTotals).totals;
}

/** follow --from-start over FILE: the first window summary's head line, and the whole output. */
async function firstWindow(args: string[]): Promise<{ head: string; stdout: string }> {
  const cli = startCli(['follow', '--quiet', '--from-start', '--summary-every', '1s', ...args], { env });
  // The whole file is read at start-up, before the first window ends: it all falls in that window.
  await cli.waitFor((out) => /^── last 1 s: \d/m.test(out), 15_000);
  const r = await cli.stop();
  expect(r.code).toBe(0);
  return { head: /^── last 1 s: \d.*$/m.exec(r.stdout)![0], stdout: r.stdout };
}

describe("follow's window summary counts what the report's header counts", () => {
  for (const sample of ['ufw.log', 'pfirewall.log', 'iptables.log']) {
    it(`samples/${sample}: every event and every source of the window, not only the ranked sources' events`, async () => {
      const file = join(repoRoot, 'samples', sample);
      const t = reportTotals([file]);
      const { head } = await firstWindow([file]);
      expect(head).toBe(`── last 1 s: ${t.events.toLocaleString('en-US')} events from ${t.sources} sources`);
    });
  }
});
