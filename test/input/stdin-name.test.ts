// `(stdin)` is what standard input is called where a file's name goes; ECS leaves
// log.file.path out for it. A file that is itself named `(stdin)` must not pass for
// standard input: it goes by `./(stdin)`, and its events have their path.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STDIN_NAME, inputName } from '../../src/input/open.js';
import { ndjson, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const LINE = 'Nov 21 06:25:01 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:5e:6c:00:f4:69:42:e4:72:00:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0\n';

interface Doc {
  log?: { file: { path: string } };
  logscan: { line: number };
}

describe('standard input and a file named (stdin)', () => {
  it('only `-` is called (stdin); a file of that name goes by ./(stdin)', () => {
    expect(inputName('-')).toBe(STDIN_NAME);
    expect(inputName(STDIN_NAME)).toBe(`./${STDIN_NAME}`);
    expect(inputName('ufw.log')).toBe('ufw.log');
    expect(inputName('./(stdin)')).toBe('./(stdin)');
  });

  it('events --ecs: a file named (stdin) has its log.file.path, standard input none, in one run', () => {
    const dir = tempDir();
    writeFileSync(join(dir, STDIN_NAME), LINE);
    const r = runCli(['events', '--ecs', '--year', '2026', STDIN_NAME, '-'], { cwd: dir, input: LINE });
    expect(r.code, r.stderr).toBe(0);
    const docs = ndjson(r.stdout) as unknown as Doc[];
    expect(docs).toHaveLength(2);
    expect(docs[0]!.log).toEqual({ file: { path: join(dir, STDIN_NAME) } });
    expect(docs[1]!.log).toBeUndefined();
  });

  it("events: the file's origin.file is ./(stdin), standard input's (stdin)", () => {
    const dir = tempDir();
    writeFileSync(join(dir, STDIN_NAME), LINE);
    const r = runCli(['events', '--year', '2026', STDIN_NAME, '-'], { cwd: dir, input: LINE });
    expect(r.code, r.stderr).toBe(0);
    expect((ndjson(r.stdout) as unknown as { origin: { file: string } }[]).map((e) => e.origin.file)).toEqual([`./${STDIN_NAME}`, STDIN_NAME]);
  });
});
