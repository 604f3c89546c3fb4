// Order/chunking invariance: the annotator is a function of the event sequence alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { at, makeEvent } from '../helpers/events.js';
import { annotator } from './kb.js';

const ports = [0, 7, 19, 22, 53, 67, 68, 80, 113, 137, 177, 1900, 3128, 4000, 5353, 5632, 6776, 6970, 8080, 13223, 17027, 27015, 27960, 31337, 31789, 32771, 33434, 33500, 33600, 33601, 61000, 50000];
const ips = ['203.0.113.7', '203.0.113.8', '198.51.100.10', '198.51.100.11', '198.51.100.255', '224.0.0.251', '255.255.255.255', 'ff02::1', '2001:db8::5'];

const eventArb = fc.record({
  dt: fc.integer({ min: 0, max: 900 }),
  proto: fc.constantFrom('tcp', 'udp', 'icmp', 'igmp'),
  sport: fc.constantFrom(...ports),
  dport: fc.constantFrom(...ports),
  src: fc.constantFrom(...ips),
  dst: fc.constantFrom(...ips),
  direction: fc.constantFrom('in', 'in', 'in', 'out', null),
  flags: fc.constantFrom(['SYN'], ['ACK'], ['SYN', 'ACK'], ['RST'], []),
  icmpType: fc.constantFrom(0, 3, 8, 11),
  rule: fc.constantFrom('[UFW BLOCK]', '[UFW AUDIT]', '[UFW LIMIT BLOCK]', null),
  timed: fc.boolean(),
});

type EventSpec = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function build(specs: EventSpec[]): FirewallEvent[] {
  let t = 0;
  return specs.map((s) => {
    t += s.dt;
    return makeEvent({
      time: s.timed ? at(t) : null,
      proto: s.proto,
      direction: s.direction as 'in' | 'out' | null,
      src: { ip: s.src, port: s.proto === 'tcp' || s.proto === 'udp' ? s.sport : null },
      dst: { ip: s.dst, port: s.proto === 'tcp' || s.proto === 'udp' ? s.dport : null },
      tcpFlags: s.proto === 'tcp' ? [...s.flags] : null,
      icmp: s.proto === 'icmp' ? { type: s.icmpType, code: 0 } : null,
      rule: s.rule,
      origin: { file: 'p.log', line: 1 },
    });
  });
}

function view(events: FirewallEvent[]): unknown {
  return events.map((e) => e.annotations.map((a) => [a.id, a.severity, a.text, a.ref]));
}

describe('annotator invariants', () => {
  it('chunking does not matter, and two fresh annotators agree', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 80 }), fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 20 }), (specs, cuts) => {
        const whole = build(specs);
        annotator({ maxTracked: 8 }).annotateAll(whole);

        const chunked = build(specs);
        const b = annotator({ maxTracked: 8 });
        let i = 0;
        let c = 0;
        while (i < chunked.length) {
          const n = cuts[c++ % cuts.length]!;
          b.annotateAll(chunked.slice(i, i + n));
          i += n;
        }

        const single = build(specs);
        const d = annotator({ maxTracked: 8 });
        for (const e of single) d.annotate(e);

        expect(view(chunked)).toEqual(view(whole));
        expect(view(single)).toEqual(view(whole));
      }),
      { numRuns: 150 },
    );
  });
  it('sessions() is deterministic across fresh annotators', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), (specs) => {
        const a = annotator();
        const b = annotator();
        a.annotateAll(build(specs));
        b.annotateAll(build(specs));
        expect(a.sessions()).toEqual(b.sessions());
      }),
      { numRuns: 100 },
    );
  });
});
