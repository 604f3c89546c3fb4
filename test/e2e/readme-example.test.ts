// README's example outputs are what a reader compares with their own run: its excerpts of
// the report, of `explain` and of `follow` on samples/ufw.log must be what the program
// prints (at 100 columns, in a machine zone of UTC, as they were written), or the manual
// shows numbers no run gives. Its option tables must name every option a command's --help
// lists, and no option the program lacks; docs/daily.md's JSON example must hold the numbers
// its command gives (the sample's day there went stale unseen once).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, spawnCli, startCli } from '../helpers/cli.js';

const readme = (): string[] => readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n');
const ENV = { TZ: 'UTC', COLUMNS: '100' };

/** The lines of the README's code block that starts with `first` (after it when `skipFirst`), up to its closing fence. */
function block(first: string, skipFirst: boolean): string[] {
  const lines = readme();
  const from = lines.indexOf(first);
  expect(from, first).toBeGreaterThan(0);
  const to = lines.findIndex((l, i) => i > from && l.startsWith('```'));
  return lines.slice(skipFirst ? from + 1 : from, to);
}

/**
 * Whether `output` holds the excerpt: its runs of lines between "…" lines, each whole and
 * one after another, in order. Returns the first run not found (null: all were).
 */
function missingRun(excerpt: readonly string[], output: readonly string[]): string[] | null {
  const runs: string[][] = [[]];
  for (const l of excerpt) if (l === '…') runs.push([]);
  else runs[runs.length - 1]!.push(l);
  let at = 0;
  for (const run of runs.filter((r) => r.length > 0)) {
    let found = -1;
    for (let i = at; i + run.length <= output.length && found < 0; i++) if (run.every((l, k) => output[i + k] === l)) found = i;
    if (found < 0) return run;
    at = found + run.length;
  }
  return null;
}

const COMMAND = '$ npx logscan samples/ufw.log --top 5';

/** The README's lines after COMMAND, up to the "…then" that says what follows. */
function readmeExcerpt(): string[] {
  const lines = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n');
  const from = lines.indexOf(COMMAND);
  expect(from).toBeGreaterThan(0);
  const to = lines.findIndex((l, i) => i > from && l.startsWith('…then'));
  expect(to).toBeGreaterThan(from);
  return lines.slice(from + 1, to);
}

describe('README "What you get"', () => {
  it('shows the head of the report exactly as `logscan samples/ufw.log --top 5` prints it', () => {
    const excerpt = readmeExcerpt();
    const r = runCli(['samples/ufw.log', '--top', '5'], { env: { TZ: 'UTC', COLUMNS: '100' } });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, excerpt.length)).toEqual(excerpt);
  });
});

describe('README "explain"', () => {
  const COMMAND = '$ logscan explain "$(grep -m1 DPT=6776 samples/ufw.log)"';
  it('shows the head of its output as `logscan explain LINE` prints it', () => {
    const line = readFileSync(join(repoRoot, 'samples/ufw.log'), 'utf8').split('\n').find((l) => l.includes('DPT=6776'))!;
    const r = runCli(['explain', line], { env: ENV });
    expect(r.code).toBe(0);
    // The stamp has no year, so it is inferred from today: the only part of the run that moves.
    const anyYear = (l: string): string => l.replace(/\b\d{4}(-11-21 14:08:04)/, 'YYYY$1');
    const excerpt = block(COMMAND, true).map(anyYear);
    expect(missingRun(excerpt, r.stdout.split('\n').map(anyYear))).toBeNull();
    expect(excerpt[excerpt.length - 1]).toBe('…');
  });
});

describe('README "follow"', () => {
  it('shows lines and a summary that `logscan follow --from-start --summary-every 2s --tz UTC samples/ufw.log` prints', async () => {
    const lines = readme();
    const lead = lines.findIndex((l) => l.startsWith('An excerpt of `logscan follow --from-start --summary-every 2s --tz UTC samples/ufw.log`'));
    expect(lead).toBeGreaterThan(0);
    const excerpt = block(lines[lead + 3]!, false);
    expect(excerpt[0]).toBe('── 2026-11-20 ──');
    const cli = startCli(['follow', '--from-start', '--summary-every', '2s', '--tz', 'UTC', 'samples/ufw.log'], { env: ENV });
    try {
      // The first summary covers the whole file, read well within its 2 s; the excerpt shows its first two sources.
      await cli.waitFor((out) => /── last 2 s[^]*\n {4}2\. [^\n]*\n/.test(out), 15_000);
    } finally {
      await cli.stop();
    }
    expect(missingRun(excerpt, cli.stdout.split('\n'))).toBeNull();
  }, 30_000);
});

/** The long options and short flags a `--help` lists (`  -o, --output-format <format>`, `  --top <n>`). */
function helpOptions(help: string): { long: string; short: string | null }[] {
  return [...help.matchAll(/^ {2}(?:(-[a-zA-Z]), )?(--[a-z][a-z0-9-]*)/gm)].map((m) => ({ long: m[2]!, short: m[1] ?? null }));
}

/** Whether `text` names the flag as a whole word (`--top` is not in `--topology`). */
const names = (text: string, flag: string): boolean => new RegExp(`(^|[^a-z0-9-])${flag}(?![a-z0-9-])`, 'm').test(text);

/** The options in the first column of the option tables in `text` (rows `| \`--x <n>\`, \`--y\` | meaning | example |`). */
function tableOptions(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('| `-'))
    .flatMap((l) => [...l.split(' | ')[0]!.matchAll(/(?:^|[ `,])(--[a-z][a-z0-9-]*)/g)].map((m) => m[1]!));
}

describe('README "Commands": the options', () => {
  // Each command's section of README, from its heading to the next; the input options
  // every command that reads logs takes are in the table under "## Commands", before them.
  const sections: Record<string, string> = {};
  const lines = readme();
  const heading = (start: string): number => lines.findIndex((l) => l.startsWith(start));
  const sectionFrom = (start: string): string => {
    const from = heading(start);
    expect(from, start).toBeGreaterThan(0);
    const to = lines.findIndex((l, i) => i > from && /^##+ /.test(l));
    return lines.slice(from, to).join('\n');
  };
  const common = sectionFrom('## Commands');
  const commands = {
    '': '### Global options',
    report: '### `logscan [report] FILE...`',
    events: '### `logscan events FILE...`',
    follow: '### `logscan follow FILE...`',
    daily: '### `logscan daily`',
    explain: '### `logscan explain QUERY...`',
    check: '### `logscan check FILE...`',
    formats: '### `logscan formats`',
  } as const;
  for (const [command, start] of Object.entries(commands)) sections[command] = sectionFrom(start);
  const readsLogs = ['report', 'events', 'follow', 'daily', 'check'];

  it("names every option of each command's --help in that command's section (or the input options' table), and lists none it does not have", async () => {
    const helps = await Promise.all(Object.keys(commands).map((c) => spawnCli(c === '' ? ['--help'] : [c, '--help'])));
    const commonTable = tableOptions(common);
    const missing: string[] = [];
    const extra: string[] = [];
    Object.keys(commands).forEach((command, i) => {
      const h = helps[i]!;
      expect(h.code, `${command} --help`).toBe(0);
      const options = helpOptions(h.stdout);
      expect(options.length, `${command} --help lists its options`).toBeGreaterThan(1);
      const where = sections[command]! + (readsLogs.includes(command) ? `\n${common}` : '');
      for (const o of options) {
        if (command !== '' && (o.long === '--help' || o.long === '--version')) continue; // Global options says it once for all
        if (!names(where, o.long) && !(o.short !== null && names(where, o.short))) missing.push(`${command || 'logscan'} ${o.long}`);
      }
      const has = new Set(options.map((o) => o.long));
      for (const o of [...tableOptions(sections[command]!), ...(readsLogs.includes(command) ? commonTable : [])]) {
        if (!has.has(o)) extra.push(`${command || 'logscan'} ${o}`);
      }
    });
    expect(missing, 'options --help lists that README does not').toEqual([]);
    expect(extra, 'options README lists that --help does not know').toEqual([]);
  });
});

describe('docs/daily.md "-o json"', () => {
  it("holds the numbers `logscan daily --date 2026-11-21 --tz Europe/Berlin -o json samples/ufw.log` gives", () => {
    const doc = readFileSync(join(repoRoot, 'docs/daily.md'), 'utf8').split('\n');
    const command = 'logscan daily --date 2026-11-21 --tz Europe/Berlin -o json samples/ufw.log';
    const from = doc.findIndex((l) => l.includes(`from \`${command}\``));
    expect(from, 'docs/daily.md names the command its example comes from').toBeGreaterThan(0);
    const open = doc.findIndex((l, i) => i > from && l.startsWith('```'));
    const block = doc.slice(open + 1, doc.findIndex((l, i) => i > open && l.startsWith('```')));
    // The sample's stamps have no year: --year keeps the run on the example's day whatever the checkout's date.
    const r = runCli(['daily', '--date', '2026-11-21', '--tz', 'Europe/Berlin', '-o', 'json', '--year', '2026', 'samples/ufw.log']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { headline: Record<string, unknown>; comparison: Record<string, unknown>; outside: Record<string, unknown> };
    /** The `"key": number` pairs of the block's lines from the one holding `start` through the one holding `end`, without the comments. */
    const numbers = (start: string, end: string): Record<string, number> => {
      const i = block.findIndex((l) => l.includes(start));
      const j = block.findIndex((l, k) => k >= i && l.includes(end));
      expect(i, start).toBeGreaterThanOrEqual(0);
      const text = block.slice(i, j + 1).map((l) => l.replace(/ \/\/.*$/, '')).join('\n');
      return Object.fromEntries([...text.matchAll(/"(\w+)": (-?\d[\d.]*)/g)].map((m) => [m[1]!, Number(m[2])]));
    };
    const headline = numbers('"headline": {', '"blocked":');
    expect(Object.keys(headline).length).toBeGreaterThan(10);
    expect(headline).toEqual(Object.fromEntries(Object.keys(headline).map((k) => [k, d.headline[k]])));
    expect(numbers('"probes": { "today"', '"probes": { "today"')).toEqual(d.comparison.probes);
    for (const key of ['newSourceCount', 'newPortCount']) expect(numbers(`"${key}"`, `"${key}"`)[key], key).toBe(d.comparison[key]);
    expect(numbers('"outside"', '"outside"')).toEqual(d.outside);
    const ranked = /"newRanked": \[("[^"]+"(?:, "[^"]+")*)/.exec(block.join('\n'))?.[1];
    expect((d.comparison.newRanked as string[]).slice(0, 2).map((ip) => `"${ip}"`).join(', ')).toBe(ranked);
  });
});
