// The input layer on broken files, in-process: the binary heuristic (and the corpus
// file with 212 NULs that must still parse), errno → message mapping (the part of
// "permission denied" root cannot see), a file that shrinks while being read, and
// reading stopped by an abort signal (what SIGINT does).
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BINARY_SAMPLE_BYTES, binaryProblem, inspectHead } from '../../src/input/binary.js';
import { problemText } from '../../src/input/problem.js';
import { describeFsError } from '../../src/input/open.js';
import { PickingParser } from '../../src/input/pick-format.js';
import { readInputs, type ReadOptions } from '../../src/input/read.js';
import { repoRoot, tempDir } from '../helpers/cli.js';
import { corpusRoot } from './corpus-lines.js';

const NUL_FILE = join(corpusRoot, 'windows-firewall/balaji6894-copilot_pfirewall-pid-nul.log');
const UFW_LINE =
  'Nov 20 06:25:01 gw kernel: [12345.678901] [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=54321 PROTO=TCP SPT=40000 DPT=6776 WINDOW=1024 RES=0x00 SYN URGP=0';

function opts(extra: Partial<ReadOptions> = {}): ReadOptions & { events: number } {
  const o = { inputFormat: null, year: null, tz: null, events: 0, onEvent: () => void o.events++, ...extra };
  return o;
}

describe('binary heuristic (control bytes in the first 4 KiB, a NUL run counted once)', () => {
  it('the corpus pfirewall.log with 212 NULs before a record is text', () => {
    const head = readFileSync(NUL_FILE).subarray(0, BINARY_SAMPLE_BYTES);
    expect(head.includes(0)).toBe(true);
    expect(inspectHead(head).binary).toBe(false);
  });

  it('and it still parses: 127 events, no error', async () => {
    const o = opts();
    const [s] = await readInputs([NUL_FILE], o);
    expect(s.error).toBeNull();
    expect(s.events).toBe(127);
  });

  it('scattered control bytes (an executable-like head) are binary', () => {
    const buf = Buffer.alloc(4096);
    for (let i = 0; i < buf.length; i++) buf[i] = i % 5 === 0 ? 1 + (i % 7) : 0x41;
    const v = inspectHead(buf);
    expect(v.binary).toBe(true);
    expect(problemText(binaryProblem(v))).toMatch(/^looks like binary data, not a text log \([\d,]+ control bytes in the first 4,096 bytes\); skipped$/);
  });

  it('many separate NUL bytes are binary, one long NUL run is not', () => {
    const sep = Buffer.from('ab\0'.repeat(1400));
    expect(inspectHead(sep).binary).toBe(true);
    const run = Buffer.concat([Buffer.alloc(3000), Buffer.from(UFW_LINE + '\n')]);
    expect(inspectHead(run).binary).toBe(false);
  });

  it('UTF-16 text is flagged with a conversion hint', () => {
    const v = inspectHead(Buffer.from('#Fields: date time action\r\n'.repeat(20), 'utf16le'));
    expect(v).toMatchObject({ binary: true, utf16: true });
    expect(problemText(binaryProblem(v))).toContain('iconv -f UTF-16 -t UTF-8');
  });

  it('log lines with escape sequences in them stay text', () => {
    const evil = Buffer.from(`${UFW_LINE.replace('[UFW BLOCK]', '\u001b]0;pwned\u0007\u001b[2J')}\n`.repeat(20));
    expect(inspectHead(evil).binary).toBe(false);
  });

  it('one hostile line of control bytes cannot hide the log: the clean lines after it make the head text', () => {
    const hostile = (b: number) => `Nov 21 06:25:00 gw sshd[1]: Invalid user ${String.fromCharCode(b).repeat(450)}\n`;
    for (const b of [0x1b, 0x01, 0x7f]) {
      const head = Buffer.from(hostile(b) + `${UFW_LINE}\n`.repeat(20));
      expect(inspectHead(head).binary, `0x${b.toString(16)}`).toBe(false);
    }
    // Nor do lines that are all hostile: no NUL, valid UTF-8, line after line, is text.
    expect(inspectHead(Buffer.from(hostile(0x01).repeat(9))).binary).toBe(false);
    // Not so random data, whose lines (if any) are never clean.
    let x = 12345;
    const random = Buffer.alloc(4096, 0).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 255);
    expect(inspectHead(random).binary).toBe(true);
  });

  it('4 KiB of records with control bytes in their prefix stay a log (they hid 200 clean records after them)', () => {
    const line = (i: number, evil: string): string => UFW_LINE.replace('[UFW BLOCK]', `[UFW ${evil}BLOCK]`).replace('SRC=', `SRC=203.0.113.${i} X=`);
    const head = Buffer.from(Array.from({ length: 24 }, (_, i) => `${line(i, '\u0007'.repeat(40))}\n`).join('') + `${line(99, '')}\n`.repeat(200));
    const v = inspectHead(head);
    expect(v.controls / v.sampled).toBeGreaterThan(0.1);
    expect(v.binary).toBe(false);
    // With a Latin-1 name here and there (bytes that are no UTF-8) too.
    const latin1 = Buffer.from(Array.from({ length: 30 }, () => `Nov 21 06:25:00 gw sshd[1]: Invalid user caf\xe9 ${'\u001b'.repeat(30)}\n`).join(''), 'latin1');
    expect(inspectHead(latin1).binary).toBe(false);
  });

  it('what is no text stays binary: NULs between the bytes, or broken UTF-8, even cut into lines', () => {
    // An executable's head: small numbers with NULs between them, newlines among them.
    const elf = Buffer.alloc(4096);
    for (let i = 0; i < elf.length; i++) elf[i] = i % 3 === 0 ? 0 : i % 7 === 0 ? 0x0a : 1 + (i % 31);
    expect(inspectHead(elf).binary).toBe(true);
    // Image-like data: bytes of every value, no NUL (so UTF-8 decides), newlines every 64.
    let x = 99;
    const img = Buffer.alloc(4096).map((_, i) => (i % 64 === 63 ? 0x0a : (((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 255) || 1));
    expect(img.includes(0)).toBe(false);
    expect(inspectHead(img).binary).toBe(true);
  });

  it('a binary file is skipped with the reason, as incomplete, and the next input is read', async () => {
    const dir = tempDir();
    const bin = join(dir, 'image.log');
    writeFileSync(bin, Buffer.from(Array.from({ length: 9000 }, (_, i) => (i * 37) % 256)));
    const ok = join(dir, 'ok.log');
    writeFileSync(ok, UFW_LINE + '\n');
    const o = opts();
    const [a, b] = await readInputs([bin, ok], o);
    expect(a).toMatchObject({ incomplete: true, lines: 0, events: 0 });
    expect(a.error).toMatch(/looks like binary data/);
    expect(b).toMatchObject({ incomplete: false, events: 1 });
  });
});

describe('compressed data where no file name said so (stdin, a FIFO)', () => {
  const text = Array.from({ length: 3000 }, (_, i) => UFW_LINE.replace('DPT=6776', `DPT=${1 + (i % 900)}`)).join('\n') + '\n';
  const stdin = (bytes: Buffer): Readable => Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]);

  it('gzip is unpacked: every record of `cat x.gz | logscan -`', async () => {
    const o = opts({ stdin: stdin(gzipSync(text)) });
    const [s] = await readInputs(['-'], o);
    expect(s).toMatchObject({ file: '(stdin)', lines: 3000, events: 3000, incomplete: false, error: null });
  });

  it('truncated gzip keeps what was read and says so', async () => {
    const gz = gzipSync(text);
    const o = opts({ stdin: stdin(gz.subarray(0, gz.length >> 1)) });
    const [s] = await readInputs(['-'], o);
    expect(s.incomplete).toBe(true);
    expect(s.error).toMatch(/^gzip data is truncated or corrupt after line \d+/);
    expect(s.events).toBeGreaterThan(100);
    expect(s.events).toBeLessThan(3000);
  });

  it('gzip of a binary file is judged after unpacking', async () => {
    const o = opts({ stdin: stdin(gzipSync(Buffer.from(Array.from({ length: 9000 }, (_, i) => (i * 37) % 256)))) });
    const [s] = await readInputs(['-'], o);
    expect(s).toMatchObject({ incomplete: true, events: 0 });
    expect(s.error).toMatch(/looks like binary data/);
  });

  it('zip, an archive, is skipped with the command that unpacks it', async () => {
    // The rest is text, so only the magic bytes can tell.
    const o = opts({ stdin: stdin(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(text)])) });
    const [s] = await readInputs(['-'], o);
    expect(s).toMatchObject({ incomplete: true, events: 0 });
    expect(s.error).toBe('zip-compressed data, not a text log; skipped (unpack it first: unzip -p FILE | logscan -)');
  });

  it.each([
    ['bzip2', [0x42, 0x5a, 0x68, 0x39], /^bzip2: Data integrity error/],
    ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], /^xz: \(stdin\): /],
    ['zstd', [0x28, 0xb5, 0x2f, 0xfd], /^zstd: .*error/i],
  ])('%s magic before plain text goes to its command, which refuses it: not a line is read as text, and the command says why', async (name, magic, why) => {
    const o = opts({ stdin: stdin(Buffer.concat([Buffer.from(magic), Buffer.from(text)])) });
    const [s] = await readInputs(['-'], o);
    expect(s).toMatchObject({ incomplete: true, events: 0, lines: 0, problem: { code: 'unpack-cut', name, line: 0 } });
    expect(s.error).toMatch(new RegExp(`^${name} data is truncated or corrupt before its first line \\(`));
    expect((s.problem as { why: string }).why).toMatch(why);
  });
});

describe('UTF-16 text with a byte-order mark (Windows PowerShell 5.1 `>` and Out-File)', () => {
  const PFW = join(repoRoot, 'samples/pfirewall.log');
  const utf8 = readFileSync(PFW);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString('utf8'), 'utf16le')]);
  const be = Buffer.from(le).swap16();
  /** Events as `logscan events` would list them, minus the file name. */
  async function read(path: string, extra: Partial<ReadOptions> = {}) {
    const events: unknown[] = [];
    const [s] = await readInputs([path], opts({ onEvent: (e) => events.push({ ...e, origin: { line: e.origin.line } }), ...extra }));
    return { s: s!, events };
  }

  it('is decoded: the same events, lines and format as the UTF-8 file, little- and big-endian', async () => {
    const dir = tempDir();
    const want = await read(PFW);
    expect(want.events.length).toBe(305);
    for (const [name, bytes] of [['le.log', le], ['be.log', be]] as const) {
      const f = join(dir, name);
      writeFileSync(f, bytes);
      const got = await read(f);
      expect(got.s).toMatchObject({ format: 'windows-firewall', formatBy: 'sniff', lines: want.s.lines, error: null, incomplete: false });
      expect(got.events).toEqual(want.events);
    }
  });

  it('gzipped (a .gz file, or gzip on stdin) and from a pipe that hands over one byte first', async () => {
    const dir = tempDir();
    const want = await read(PFW);
    const gz = join(dir, 'le.log.gz');
    writeFileSync(gz, gzipSync(le));
    expect((await read(gz)).events).toEqual(want.events);
    expect((await read('-', { stdin: Readable.from([gzipSync(be)]) })).events).toEqual(want.events);
    const trickle = Readable.from([le.subarray(0, 1), le.subarray(1, 3), le.subarray(3, 1001), le.subarray(1001)]);
    expect((await read('-', { stdin: trickle })).events).toEqual(want.events);
  });

  it('without a mark it is still skipped with the hint, and no format is named for it', async () => {
    const f = join(tempDir(), 'nobom.log');
    writeFileSync(f, le.subarray(2));
    const { s } = await read(f);
    expect(s).toMatchObject({ format: null, formatBy: null, lines: 0, incomplete: true });
    expect(s.error).toContain('looks like UTF-16 text');
  });

  it('binary data that happens to start with FF FE is no UTF-16 text: skipped, no format', async () => {
    let x = 7;
    const junk = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(8000).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 255)]);
    const f = join(tempDir(), 'junk.log');
    writeFileSync(f, junk);
    const { s } = await read(f);
    expect(s).toMatchObject({ format: null, lines: 0, incomplete: true });
    expect(s.error).toMatch(/UTF-16 byte-order mark but is no UTF-16 text|binary/);
  });

  it('two bytes and nothing else (only the mark) is an empty log', async () => {
    const f = join(tempDir(), 'mark.log');
    writeFileSync(f, Buffer.from([0xff, 0xfe]));
    const { s } = await read(f);
    expect(s).toMatchObject({ lines: 0, events: 0, error: null, incomplete: false });
  });
});

describe('errno → message', () => {
  it.each([
    ['ENOENT', 'no such file'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EISDIR', 'is a directory'],
    ['ENOTDIR', 'a parent of the path is not a directory'],
    ['ELOOP', 'too many symbolic links'],
  ])('%s → %s', (code, text) => {
    expect(describeFsError(Object.assign(new Error(`${code}: raw`), { code }))).toBe(text);
  });
  it('a name Node.js got as U+FFFD (its bytes were not UTF-8) says why it cannot be opened, and what to do', async () => {
    const dir = tempDir();
    // On disk as Latin-1 bytes (a Buffer path); the command line can only hand Node "caf\uFFFD.log".
    writeFileSync(Buffer.from(join(dir, 'caf\xe9.log'), 'latin1'), 'x\n');
    const [s] = await readInputs([join(dir, 'caf\uFFFD.log')], opts());
    expect(s.error).toContain('no such file (the name is not valid UTF-8');
    expect(s.error).toContain('logscan - < FILE');
    // An ordinary missing file gets no such hint.
    const [t] = await readInputs([join(dir, 'cafe.log')], opts());
    expect(t.error).toMatch(/no such file$/);
  });
  it('an unknown errno keeps the system message', () => {
    expect(describeFsError(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))).toBe('EIO: i/o error');
  });
});

describe('a regular file is read ahead, chunk by chunk', () => {
  it('delivers every line once, in order, across many chunk boundaries', async () => {
    const dir = tempDir();
    const f = join(dir, 'chunks.log');
    // Lines of varying length, multi-byte text and some CRLF, so boundaries fall everywhere (~8 chunks).
    const lines = Array.from({ length: 6000 }, (_, i) => `${i} ${'x'.repeat(i % 157)} 冰河${i % 7 === 0 ? '\r' : ''}`);
    writeFileSync(f, lines.join('\n') + '\n');
    const seen: string[] = [];
    const [s] = await readInputs([f], opts({ onLine: (_f, text, n) => void seen.push(`${n}:${text}`) }));
    expect(s).toMatchObject({ lines: 6000, incomplete: false, error: null });
    expect(seen).toEqual(lines.map((l, i) => `${i + 1}:${l.replace(/\r$/, '')}`));
  });
});

describe('a file that shrinks while being read', () => {
  it('is reported incomplete with both sizes, events read before are kept', async () => {
    const dir = tempDir();
    const f = join(dir, 'shrinking.log');
    // Several read chunks (64 KiB each); cut the file after the first one.
    writeFileSync(f, (UFW_LINE + '\n').repeat(6000));
    let chunks = 0;
    const o = opts({
      afterChunk: () => {
        if (++chunks === 1) truncateSync(f, 1000);
      },
    });
    const [s] = await readInputs([f], o);
    expect(s.incomplete).toBe(true);
    expect(s.error).toMatch(/^file shrank while being read \(\d+ bytes when opened, \d+ read\); truncated or rotated\?$/);
    expect(o.events).toBeGreaterThan(0);
    expect(o.events).toBeLessThan(6000);
  });

  it('a file that grows while being read is not a problem', async () => {
    const dir = tempDir();
    const f = join(dir, 'growing.log');
    writeFileSync(f, (UFW_LINE + '\n').repeat(3000));
    let chunks = 0;
    const o = opts({
      afterChunk: () => {
        if (++chunks === 1) writeFileSync(f, UFW_LINE + '\n', { flag: 'a' });
      },
    });
    const [s] = await readInputs([f], o);
    expect(s).toMatchObject({ incomplete: false, error: null });
  });
});

describe('reading stopped by an abort signal (SIGINT in the CLI)', () => {
  it('keeps what was read, marks the input interrupted (not incomplete), does not open the rest', async () => {
    const dir = tempDir();
    const f = join(dir, 'big.log');
    writeFileSync(f, (UFW_LINE + '\n').repeat(6000));
    const ac = new AbortController();
    let chunks = 0;
    const o = opts({ signal: ac.signal, afterChunk: () => void (++chunks === 1 && ac.abort()) });
    const stats = await readInputs([f, f], o);
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ interrupted: true, incomplete: false, error: null });
    expect(o.events).toBeGreaterThan(0);
    expect(o.events).toBeLessThan(6000);
  });
});

describe('sniffing holds a bounded sample', () => {
  it('a file that opens with two million blank lines holds a run of them, not each one, and still sniffs the records after', () => {
    const events: { line: number }[] = [];
    let chosen = '';
    const parser = new PickingParser({
      inputFormat: null,
      ctx: { file: 'blank.log', refDate: new Date('2026-11-25T00:00:00Z'), year: null, tz: 'UTC' },
      sink: { event: (e) => void events.push({ line: e.origin.line }), skipped() {}, malformed() {} },
      onChosen: (picked) => void (chosen = `${picked.format.id} by ${picked.by}`),
    });
    const before = process.memoryUsage().heapUsed;
    const BLANK = 2_000_000;
    for (let i = 1; i <= BLANK; i++) parser.line(i % 3 === 0 ? ' ' : '', i);
    // Held as objects, two million lines took ~100 MB of heap; as runs, almost nothing.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(40 * 1024 * 1024);
    expect(parser.pending).toBe(BLANK);
    for (let i = 1; i <= 3; i++) parser.line(UFW_LINE, BLANK + i);
    parser.end();
    expect(chosen).toBe('iptables by sniff');
    expect(events.map((e) => e.line)).toEqual([BLANK + 1, BLANK + 2, BLANK + 3]);
  });
});
