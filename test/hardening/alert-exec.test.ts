// --alert-exec review, pinned by tests: the command line is split by logscan itself
// (no shell: metacharacters stay literal), and the alert, which carries log-derived
// text, reaches the hook ONLY as JSON on stdin, never in argv or the environment.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertExec } from '../../src/live/alert-exec.js';
import { en } from '../../src/i18n/en.js';
import { splitCommand } from '../../src/live/argv.js';
import { tempDir } from '../helpers/cli.js';

describe('splitCommand: POSIX-like quoting, nothing else', () => {
  it('keeps shell metacharacters as literal text', () => {
    expect(splitCommand('--alert-exec', `hook ';rm -rf /' "$(id)" a|b \`x\` *.log >out`)).toEqual(['hook', ';rm -rf /', '$(id)', 'a|b', '`x`', '*.log', '>out']);
  });
  it('rejects unterminated quotes and an empty command as usage errors', () => {
    expect(() => splitCommand('--alert-exec', `hook 'x`)).toThrow(/unterminated ' quote/);
    expect(() => splitCommand('--alert-exec', '   ')).toThrow(/empty command/);
  });
});

describe('AlertExec', () => {
  it('runs argv without a shell; the alert arrives only on stdin; env and argv carry none of it', async () => {
    const dir = tempDir();
    const hook = join(dir, 'hook.mjs');
    const out = join(dir, 'seen.json');
    writeFileSync(
      hook,
      "import { writeFileSync } from 'node:fs'; let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => writeFileSync(process.argv[2], JSON.stringify({ argv: process.argv.slice(3), stdin: s, env: Object.values(process.env).join('\\n') })));\n",
    );
    const problems: string[] = [];
    const exec = new AlertExec({ argv: [process.execPath, hook, out, '$(touch pwned)', ';|&'], report: (r) => problems.push(en.follow.alertExec(r)) });
    const alert = { type: 'alert', source: '203.0.113.7', explanation: "prefix [$(touch pwned)] `id` ; rm -rf / \u001b[2J" };
    exec.run(alert);
    await exec.close(5000);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { argv: string[]; stdin: string; env: string };
    expect(seen.argv).toEqual(['$(touch pwned)', ';|&']);
    expect(JSON.parse(seen.stdin)).toEqual(alert);
    expect(seen.env).not.toContain('203.0.113.7');
    expect(problems).toEqual([]);
  });

  it('a hook that exits at once without reading stdin does not crash logscan, and is reported', async () => {
    const problems: string[] = [];
    const exec = new AlertExec({ argv: [process.execPath, '-e', 'process.exit(3)'], report: (r) => problems.push(en.follow.alertExec(r)) });
    exec.run({ big: 'x'.repeat(1024 * 1024) });
    await exec.close(5000);
    expect(problems.join('\n')).toMatch(/exited with 3/);
  });

  it('a command that does not exist is reported, not thrown', async () => {
    const problems: string[] = [];
    const exec = new AlertExec({ argv: ['/nonexistent/logscan-hook'], report: (r) => problems.push(en.follow.alertExec(r)) });
    exec.run({});
    await exec.close(5000);
    expect(problems.join('\n')).toMatch(/cannot run \/nonexistent\/logscan-hook/);
  });

  it('a hook that hangs is killed after the timeout', async () => {
    const problems: string[] = [];
    const exec = new AlertExec({ argv: [process.execPath, '-e', 'setInterval(() => {}, 1000)'], timeoutMs: 300, report: (r) => problems.push(en.follow.alertExec(r)) });
    exec.run({});
    await new Promise((r) => setTimeout(r, 1500));
    await exec.close(100);
    expect(problems.join('\n')).toMatch(/still running after 0\.3 s; killed/);
  });
});
