// The byte encoder behind `logscan events` must write exactly eventToJson(e) + "\n".
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../src/cli/analysis.js';
import { BatchedWriter } from '../../src/render/batched-writer.js';
import type { Annotation, FirewallEvent } from '../../src/event.js';
import { encodeEventLine } from '../../src/render/event-json-bytes.js';
import { eventToJson } from '../../src/render/event-json.js';
import { makeEvent } from '../helpers/events.js';
import { fixtureEvents } from '../helpers/parse.js';

function encoded(e: FirewallEvent, size = 64 * 1024): string {
  const buf = Buffer.alloc(size);
  const end = encodeEventLine(e, buf, 7);
  expect(end).toBeGreaterThan(7);
  return buf.toString('utf8', 7, end);
}

describe('encodeEventLine', () => {
  it('writes the bytes of eventToJson(e) + newline for every fixture event, in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const analysis = buildAnalysis({ inputFormat: null, year: null, tz: null, lang, signatures: [], homeNet: [] });
      const events = fixtureEvents();
      for (const e of events) {
        analysis.annotate(e);
        expect(encoded(e)).toBe(eventToJson(e) + '\n');
      }
      expect(events.length).toBeGreaterThan(100);
    }
  });

  it('matches eventToJson for any strings (escapes, non-ASCII, lone surrogates), numbers and ICMP details', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());
    const num = fc.oneof(fc.constant(null), fc.nat(70_000), fc.integer(), fc.double());
    const ann = fc.record({ id: text, severity: fc.integer({ min: 0, max: 5 }), text, ref: text });
    fc.assert(
      fc.property(
        fc.record({ host: fc.option(text), rule: fc.option(text), file: text, ip: fc.option(text), flag: text, port: num, ttl: num, uptime: num, count: fc.nat(), type: num }),
        fc.array(ann, { maxLength: 3 }),
        fc.boolean(),
        fc.option(fc.oneof(fc.integer({ min: -1e13, max: 2e14 }), fc.integer({ min: -8.64e15, max: 8.64e15 }))),
        (v, anns, freeze, ms) => {
          const annotations = anns.map((a) => (freeze ? Object.freeze({ ...a }) : a)) as Annotation[];
          const e = makeEvent({
            host: v.host,
            rule: v.rule,
            time: ms === null ? null : new Date(ms),
            uptime: v.uptime,
            ttl: v.ttl,
            count: v.count,
            tcpFlags: ['SYN', v.flag],
            src: { ip: v.ip, port: v.port },
            origin: { file: v.file, line: 3 },
            annotations,
            ...(v.type !== null ? { proto: 'icmp', icmp: { type: v.type, code: 0, embedded: { src: { ip: v.ip, port: v.port }, dst: { ip: '::1', port: 53 }, proto: v.flag } } } : {}),
          });
          expect(encoded(e)).toBe(eventToJson(e) + '\n');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('writes times, kernel uptimes and line numbers as String() and toISOString do', () => {
    // The encoder formats these itself: times in years 0-9999, uptimes with up to six
    // decimal places (as the envelope parses up to nine), line numbers past 65535.
    const uptime = fc
      .tuple(fc.nat(2 ** 33), fc.integer({ min: 1, max: 9 }), fc.nat(999_999_999))
      .map(([w, places, part]) => Number(`${w}.${String(part % 10 ** places).padStart(places, '0')}`));
    const edges = [-62_167_219_200_001, -62_167_219_200_000, 253_402_300_799_999, 253_402_300_800_000, 951_782_400_000, -1, 0];
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -7e13, max: 3e14 }), fc.constantFrom(...edges)),
        fc.oneof(uptime, fc.double({ min: 0, max: 1e22, noNaN: true }), fc.constantFrom(1e-6, 1e-7, 0.5, 65_535.000001, 4_294_967_295.999999, 4_294_967_296.5)),
        fc.nat(2 ** 34),
        (ms, up, line) => {
          const e = makeEvent({ time: new Date(ms), uptime: up, origin: { file: 'f.log', line } });
          expect(encoded(e)).toBe(eventToJson(e) + '\n');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('matches eventToJson through a run of events that share most fields (the pre-encoded runs)', () => {
    // Few values per field, so consecutive events hit, half-hit and miss the kept runs.
    const pick = <T,>(...xs: T[]) => fc.constantFrom(...xs);
    const ev = fc.record({
      ms: pick(1_763_596_800_000, 1_763_596_801_000, 1_763_596_801_000 + 1),
      yearInferred: fc.boolean(),
      host: pick('gw', 'gx', null),
      rule: pick('[UFW BLOCK]', '[UFW BLOCK] ', 'DROP IN:', null),
      action: pick('drop', 'allow'),
      direction: pick('in', 'out', null),
      inIface: pick('eth0', 'eth1', null),
      outIface: pick('eth0', null),
      proto: pick('tcp', 'udp'),
      ipVersion: pick(4, 6),
      count: pick(1, 2),
      file: pick('a.log', 'b.log'),
      pid: pick(null, 4, 10452, 4_294_967_295),
    });
    fc.assert(
      fc.property(fc.array(ev, { minLength: 2, maxLength: 40 }), (vs) => {
        for (const v of vs) {
          const e = makeEvent({
            time: new Date(v.ms),
            yearInferred: v.yearInferred,
            host: v.host,
            // Sliced from a longer text, as the parser's strings are: equal text, other objects.
            rule: v.rule === null ? null : `x${v.rule}`.slice(1),
            action: v.action as FirewallEvent['action'],
            direction: v.direction as FirewallEvent['direction'],
            inIface: v.inIface,
            outIface: v.outIface,
            proto: v.proto,
            ipVersion: v.ipVersion as 4 | 6,
            count: v.count,
            pid: v.pid,
            origin: { file: v.file, line: 1 },
          });
          expect(encoded(e)).toBe(eventToJson(e) + '\n');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns -1 and leaves room checks to the caller when the line might not fit', () => {
    const e = makeEvent({ rule: 'x'.repeat(5000) });
    const buf = Buffer.alloc(8 * 1024);
    expect(encodeEventLine(e, buf, 0)).toBe(-1);
    expect(encodeEventLine(e, Buffer.alloc(64 * 1024), 0)).toBe(Buffer.byteLength(eventToJson(e)) + 1);
    // Annotations are checked as they are written: a long text that overruns is caught too.
    const a = Object.freeze({ id: 'long', severity: 1, text: '端'.repeat(3000), ref: 'x' }) as Annotation;
    const annotated = makeEvent({ annotations: [a, a] });
    expect(encodeEventLine(annotated, Buffer.alloc(12 * 1024), 0)).toBe(-1);
    expect(encoded(annotated)).toBe(eventToJson(annotated) + '\n');
  });
});

describe('BatchedWriter.encodeInto', () => {
  it('starts a new batch when a line does not fit, and refuses one that fits no batch', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(Buffer.from(chunk));
        cb();
      },
    });
    const out = new BatchedWriter(sink);
    const events = Array.from({ length: 2000 }, (_, i) => makeEvent({ host: `h${i}` }));
    for (const e of events) expect(out.encodeInto(encodeEventLine, e)).toBe(true);
    const huge = makeEvent({ rule: 'y'.repeat(300_000) });
    expect(out.encodeInto(encodeEventLine, huge)).toBe(false);
    await out.flush();
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(events.map((e) => eventToJson(e) + '\n').join(''));
  });
});
