// Events cross the thread boundary as numbers and strings (src/pipeline/event-codec.ts):
// what comes out must equal what went in, field for field, for every event the
// parsers make from the shared corpus, the samples and the fixtures, and for odd
// events no parser makes today (flags out of order, unknown flags, nulls everywhere).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnnotator } from '../../src/annotate/index.js';
import type { Annotation, FirewallEvent } from '../../src/event.js';
import { readInputs } from '../../src/input/read.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { EventDecoder, EventEncoder } from '../../src/pipeline/event-codec.js';

const repo = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.(tsv|md)$/.test(name) ? [] : [p];
  });
}

/** Sends events through an encoder with `capacity`-event batches (recycling buffers as the worker does) and decodes them. */
function roundTrip(events: readonly FirewallEvent[], capacity: number): FirewallEvent[] {
  const enc = new EventEncoder(capacity);
  const dec = new EventDecoder();
  const out: FirewallEvent[] = [];
  const ship = (): void => {
    const b = enc.take();
    // What postMessage does to the parts that are copied, not transferred.
    const copy = structuredClone({ text: b.text, annotations: b.annotations });
    dec.decode({ ...b, ...copy }, (e) => out.push(e));
    enc.recycle({ nums: b.nums, anns: b.anns, ends: b.ends });
  };
  for (const e of events) {
    enc.add(e);
    if (enc.full) ship();
  }
  if (enc.n > 0) ship();
  return out;
}

describe('event codec', () => {
  it('round-trips every event of the corpus, samples and fixtures, annotated', async () => {
    const files = [...filesUnder(join(repo, '../shared/corpus')), ...filesUnder(join(repo, 'samples')), ...filesUnder(join(repo, 'test/fixtures'))];
    const annotator = createAnnotator(loadKnowledge({}), { lang: 'zh' });
    const events: FirewallEvent[] = [];
    await readInputs(files, {
      inputFormat: null,
      year: null,
      tz: null,
      onEvent(e) {
        annotator.annotate(e);
        events.push(e);
      },
    });
    expect(events.length).toBeGreaterThan(5000);
    // Every kind of field value the codec has a case for shows up in the corpus.
    expect(events.some((e) => e.icmp?.embedded)).toBe(true);
    expect(events.some((e) => e.tcpFlags?.length === 0 || (e.tcpFlags?.length ?? 0) > 2)).toBe(true);
    expect(events.some((e) => e.time === null)).toBe(true);
    expect(events.some((e) => e.annotations.length > 1)).toBe(true);
    for (const capacity of [1, 7, 2048]) expect(roundTrip(events, capacity)).toEqual(events);
  });

  const ip = fc.option(fc.constantFrom('203.0.113.7', '2001:db8::1', 'fe80::1%eth0', ''), { nil: null });
  const port = fc.option(fc.integer({ min: 0, max: 65535 }), { nil: null });
  const small = fc.option(fc.nat(4_294_967_295), { nil: null });
  // Any UTF-16 (lone surrogates too) and past 12 characters, where V8 slices instead of copying.
  const text = fc.option(fc.string({ unit: 'binary', maxLength: 20 }), { nil: null });
  const annotation = fc.record({
    id: fc.constantFrom('port-known', 'trojan-port', 'x'),
    severity: fc.constantFrom(0 as const, 3 as const, 5 as const),
    text: fc.string({ maxLength: 20 }),
    ref: fc.constant('002.txt'),
  });
  const event: fc.Arbitrary<FirewallEvent> = fc.record({
    time: fc.option(fc.date({ min: new Date(0), max: new Date(4_102_444_800_000), noInvalidDate: true }), { nil: null }),
    yearInferred: fc.boolean(),
    uptime: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null }),
    host: text,
    format: fc.constantFrom('iptables', 'windows-firewall'),
    action: fc.constantFrom('drop' as const, 'reject' as const, 'allow' as const, 'other' as const),
    direction: fc.constantFrom(null, 'in' as const, 'out' as const, 'forward' as const),
    rule: text,
    inIface: text,
    outIface: text,
    proto: fc.constantFrom('tcp', 'udp', 'icmp', '253'),
    ipVersion: fc.constantFrom(null, 4 as const, 6 as const),
    src: fc.record({ ip, port }),
    dst: fc.record({ ip, port }),
    ttl: small,
    len: small,
    // Any order, repeats and unknown names: those travel as text.
    tcpFlags: fc.option(fc.array(fc.constantFrom('SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR', 'NS', 'toString'), { maxLength: 5 }), { nil: null }),
    tcpWindow: small,
    pid: small,
    icmp: fc.option(
      fc.record({
        type: fc.option(fc.nat(255), { nil: null }),
        code: fc.option(fc.nat(255), { nil: null }),
        embedded: fc.option(fc.record({ src: fc.record({ ip, port }), dst: fc.record({ ip, port }), proto: fc.option(fc.constantFrom('tcp', 'udp'), { nil: null }) }), { nil: null }),
      }),
      { nil: null },
    ),
    count: fc.integer({ min: 1, max: 1_000_000 }),
    origin: fc.record({ file: fc.constantFrom('a.log', '(stdin)'), line: fc.nat() }),
    annotations: fc.array(annotation, { maxLength: 4 }),
  });

  it('round-trips arbitrary events in any batch size', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (events, capacity) => {
        expect(roundTrip(events, capacity)).toEqual(events);
      }),
    );
  });

  it('starts its annotation table again past 65,536 distinct annotations, and stays exact', () => {
    const base: FirewallEvent = roundTrip(
      [
        {
          time: null, yearInferred: false, uptime: null, host: null, format: 'iptables', action: 'drop', direction: null, rule: null, inIface: null, outIface: null,
          proto: 'tcp', ipVersion: 4, src: { ip: '203.0.113.7', port: 1 }, dst: { ip: '192.0.2.1', port: 2 }, ttl: null, len: null, tcpFlags: ['SYN'], tcpWindow: null, pid: null,
          icmp: null, count: 1, origin: { file: 'a.log', line: 1 }, annotations: [],
        },
      ],
      1,
    )[0]!;
    const events = Array.from({ length: 70_000 }, (_, i) => {
      const a: Annotation = { id: 'port-known', severity: 1, text: `port ${i}`, ref: 'x' };
      return { ...base, origin: { file: 'a.log', line: i + 1 }, annotations: [a] };
    });
    const enc = new EventEncoder(1000);
    const dec = new EventDecoder();
    const out: FirewallEvent[] = [];
    let resets = 0;
    for (const e of events) {
      enc.add(e);
      if (enc.full) {
        const b = enc.take();
        if (b.reset) resets++;
        dec.decode(structuredClone(b), (d) => out.push(d));
      }
    }
    expect(resets).toBe(1);
    expect(out).toEqual(events);
  });
});
