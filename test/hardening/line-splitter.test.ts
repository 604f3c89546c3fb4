// LineSplitter must give the same lines with the same numbers however the byte
// stream is cut into chunks: inside a multi-byte UTF-8 character, between CR and LF,
// inside an over-long line, or one byte at a time. A lone CR (not before LF) splits a
// line into pieces that keep its number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../src/input/lines.js';

type Out = [kind: 'line' | 'long', no: number, text: string | number][];

function collect(): { out: Out; consumer: ConstructorParameters<typeof LineSplitter>[0] } {
  const out: Out = [];
  return {
    out,
    consumer: {
      line: (text, no) => out.push(['line', no, text]),
      overlong: (no, len) => out.push(['long', no, len]),
    },
  };
}

/** Cuts `buf` at the given (sorted, deduplicated) offsets. */
function cut(buf: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((a) => a % (buf.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let prev = 0;
  for (const p of points) {
    parts.push(buf.subarray(prev, p));
    prev = p;
  }
  parts.push(buf.subarray(prev));
  return parts;
}

function viaFeed(chunks: Buffer[], max?: number): Out {
  const { out, consumer } = collect();
  const s = new LineSplitter(consumer, max);
  for (const c of chunks) s.feed(c);
  s.flushLast();
  return out;
}

async function viaStream(chunks: Buffer[], max?: number): Promise<Out> {
  const { out, consumer } = collect();
  const s = new LineSplitter(consumer, max);
  for (const c of chunks) s.write(c);
  await new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return out;
}

// Lines rich in multi-byte characters (2, 3 and 4 bytes), CRs and separators.
const piece = fc.constantFrom('a', 'é', '中', '😀', '\r', ' ', '=', 'SRC=1.2.3.4', '\u0000', '\ufffd', '\u202e');
const line = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const text = fc.tuple(fc.array(line, { maxLength: 15 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, final]) => ls.join(eol) + (final && ls.length > 0 ? eol : ''));
const cuts = fc.array(fc.nat(), { maxLength: 40 });

describe('LineSplitter: chunking never changes lines or numbers', () => {
  it('text with multi-byte UTF-8 and CRLF, random cuts (feed)', () => {
    fc.assert(
      fc.property(text, cuts, (t, at) => {
        const buf = Buffer.from(t, 'utf8');
        const whole = viaFeed([buf]);
        expect(viaFeed(cut(buf, at))).toEqual(whole);
        // Same as the plain definition: split on LF, drop one trailing CR, no empty last line;
        // then a lone CR splits a line into pieces numbered as their line (no empty last piece).
        const lines = t.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
        if (t.endsWith('\n') || t === '') lines.pop();
        const expected = lines.flatMap((l, i) => {
          const pieces = l.split('\r');
          if (pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
          return pieces.map((p) => [p, i + 1] as const);
        });
        expect(whole.map(([, , s]) => s)).toEqual(expected.map(([p]) => p));
        expect(whole.map(([, n]) => n)).toEqual(expected.map(([, n]) => n));
      }),
      { numRuns: 400 },
    );
  });

  it('random bytes (invalid UTF-8 included), random cuts, byte-at-a-time (feed)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), cuts, (bytes, at) => {
        const buf = Buffer.from(bytes);
        const whole = viaFeed([buf]);
        expect(viaFeed(cut(buf, at))).toEqual(whole);
        expect(viaFeed([...buf].map((b) => Buffer.from([b])))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('over-long lines are counted at the same numbers whatever the cuts (small cap)', () => {
    fc.assert(
      fc.property(text, cuts, (t, at) => {
        const buf = Buffer.from(t, 'utf8');
        const whole = viaFeed([buf], 12);
        const parts = viaFeed(cut(buf, at), 12);
        // Numbers and kinds always agree; an over-long line's reported length is informative only.
        expect(parts.map(([k, n]) => [k, n])).toEqual(whole.map(([k, n]) => [k, n]));
        expect(parts.filter(([k]) => k === 'line')).toEqual(whole.filter(([k]) => k === 'line'));
      }),
      { numRuns: 300 },
    );
  });

  it('the stream interface (write/end) agrees with feed()', async () => {
    await fc.assert(
      fc.asyncProperty(text, cuts, async (t, at) => {
        const buf = Buffer.from(t, 'utf8');
        expect(await viaStream(cut(buf, at))).toEqual(viaFeed([buf]));
      }),
      { numRuns: 150 },
    );
  });

  it('a CRLF split between CR and LF, and a 4-byte character split in every place', () => {
    const buf = Buffer.from('x😀y\r\nz\r\n', 'utf8');
    const whole = viaFeed([buf]);
    expect(whole).toEqual([
      ['line', 1, 'x😀y'],
      ['line', 2, 'z'],
    ]);
    for (let i = 0; i <= buf.length; i++) expect(viaFeed(cut(buf, [i]))).toEqual(whole);
  });
});

describe('LineSplitter: a byte-order mark', () => {
  it('before line 1 is not part of it, whatever the cuts; elsewhere it is kept', () => {
    const buf = Buffer.from('\ufeff#Version: 1.5\r\nx\ufeffy\n\ufeffz\n', 'utf8');
    const whole = viaFeed([buf]);
    expect(whole).toEqual([
      ['line', 1, '#Version: 1.5'],
      ['line', 2, 'x\ufeffy'],
      ['line', 3, '\ufeffz'],
    ]);
    for (let i = 0; i <= buf.length; i++) expect(viaFeed(cut(buf, [i]))).toEqual(whole);
  });

  it('a follower resuming at a later line keeps what its first line holds', () => {
    const { out, consumer } = collect();
    const s = new LineSplitter(consumer, undefined, 41);
    s.feed(Buffer.from('\ufeffa\n', 'utf8'));
    expect(out).toEqual([['line', 42, '\ufeffa']]);
  });
});

describe('LineSplitter: runs of NUL bytes (a region Windows leaves after a crash)', () => {
  function withNuls(max?: number) {
    const { out, consumer } = collect();
    const nuls: [number, number][] = [];
    const s = new LineSplitter({ ...consumer, nuls: (no, n) => nuls.push([no, n]) }, max);
    return { out, nuls, s };
  }

  it('do not count toward the line-length limit: the record after them is a line, the run reported once', () => {
    const buf = Buffer.concat([Buffer.from('a\r\n'), Buffer.alloc(70_000), Buffer.from('record\r\nb\n')]);
    const { out, nuls, s } = withNuls();
    s.feed(buf);
    s.flushLast();
    expect(out).toEqual([
      ['line', 1, 'a'],
      ['line', 2, 'record'],
      ['line', 3, 'b'],
    ]);
    expect(nuls).toEqual([[2, 70_000]]);
  });

  it('in 64 KiB chunks and any cuts the same lines come out (the run spans chunks; NULs after the CR too)', () => {
    const buf = Buffer.concat([Buffer.from('a\n'), Buffer.alloc(200_000), Buffer.from('rec\r'), Buffer.alloc(70_000), Buffer.from('\nz\n')]);
    const whole = viaFeed([buf]);
    expect(whole).toEqual([
      ['line', 1, 'a'],
      ['line', 2, 'rec'],
      ['line', 3, 'z'],
    ]);
    const chunks: Buffer[] = [];
    for (let i = 0; i < buf.length; i += 65_536) chunks.push(buf.subarray(i, i + 65_536));
    expect(viaFeed(chunks)).toEqual(whole);
    fc.assert(
      fc.property(cuts, (at) => {
        expect(viaFeed(cut(buf, at.map((x) => x * 997)))).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  });

  it('a line too long without its NULs is still over-long; a short one keeps its NULs (the parsers strip them)', () => {
    const long = Buffer.concat([Buffer.alloc(100), Buffer.from('x'.repeat(20)), Buffer.from('\n')]);
    expect(viaFeed([long], 12)).toEqual([['long', 1, expect.any(Number)]]);
    // Nothing is said of its NULs: the line was not read.
    const { out, nuls, s } = withNuls(12);
    s.feed(long);
    s.flushLast();
    expect([out.length, nuls]).toEqual([1, []]);
    expect(viaFeed([Buffer.from('\0\0rec\n')], 12)).toEqual([['line', 1, '\0\0rec']]);
  });

  it('bounded: a 128 MiB NUL region without a newline never grows the held line past the limit (fed 64 KiB at a time)', () => {
    const { out, s } = withNuls();
    const zeros = Buffer.alloc(65_536);
    for (let i = 0; i < 2_000; i++) {
      s.feed(zeros);
      expect((s as unknown as { pending: string }).pending.length).toBeLessThanOrEqual(65_537);
    }
    s.feed(Buffer.from('end\n'));
    expect(out).toEqual([['line', 1, 'end']]);
  });
});

describe('LineSplitter: a lone CR ends a record too', () => {
  it('CR-separated records come one by one, numbered as their LF line; CRLF and a CR before it add nothing', () => {
    const out = viaFeed([Buffer.from('a\rb\r\rc\nd\r\ne\r\r\nf')]);
    expect(out).toEqual([
      ['line', 1, 'a'],
      ['line', 1, 'b'],
      ['line', 1, ''],
      ['line', 1, 'c'],
      ['line', 2, 'd'],
      ['line', 3, 'e'],
      ['line', 4, 'f'],
    ]);
  });
});
