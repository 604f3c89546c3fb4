// The one key=value reader of FortiGate, SonicWall and the two Sophos parsers: the syntax
// each format's writer uses (key characters, escapes in quoted values), positions not strings.
import { describe, expect, it } from 'vitest';
import {
  KeyValues,
  PACKET_BAD_DST,
  PACKET_BAD_DST_PORT,
  PACKET_BAD_PROTO,
  PACKET_BAD_SRC,
  PACKET_BAD_SRC_PORT,
  PACKET_MIXED,
  PACKET_NO_DST,
  PACKET_NO_DST_PORT,
  PACKET_NO_PROTO,
  PACKET_NO_SRC,
  type PacketSlots,
} from '../../src/parsers/key-values.js';
import { reason } from '../../src/parsers/reason.js';

/** Each key's text in `line` as the reader gives it, null when absent. */
function read(keys: readonly string[], line: string, syntax?: ConstructorParameters<typeof KeyValues>[1]): (string | null)[] {
  const f = new KeyValues(keys, syntax);
  f.read(line, 0, line.length);
  return keys.map((_, i) => (f.has(i) ? f.text(line, i) : null));
}

describe('KeyValues', () => {
  it('reads bare and quoted values, the first of a repeated key, and passes over words that are no pair', () => {
    expect(read(['a', 'bb', 'c'], 'a=1 Unknown (0x0000) bb="x y" c= a=2')).toEqual(['1', 'x y', '']);
    expect(read(['zz'], 'a=1 b="2"')).toEqual([null]);
  });

  it('by default keys are lower-case letters, digits, _ and -; a key in capitals is no key', () => {
    expect(read(['fw-rule', 'src_ip', 'srcmac'], 'fw-rule=5 src_ip=192.0.2.1 srcMac=00:11')).toEqual(['5', '192.0.2.1', null]);
  });

  it("with mixedCaseKeys (SonicOS), capitals are a key's too and - is not", () => {
    const syntax = { mixedCaseKeys: true, escapes: false };
    expect(read(['srcMac', 'icmpCode', 'fw-rule'], 'srcMac=00:11 icmpCode=3 fw-rule=5', syntax)).toEqual(['00:11', '3', null]);
  });

  it('a backslash escapes a quote in a quoted value by default; without escapes the first quote ends it', () => {
    const line = 'msg="say \\"hi\\"" n=1';
    expect(read(['msg', 'n'], line)).toEqual(['say "hi"', '1']);
    expect(read(['msg', 'n'], line, { mixedCaseKeys: true, escapes: false })).toEqual(['say \\', '1']);
  });

  it('with pairEnd (VRP, Comware) a pair ends at , or ; and a bare value keeps its blanks; keys of both cases and -', () => {
    const vrp = 'vsys=public, protocol=17, time=May 15 2026 14:56:05, application-name=, rule-name=Deny all';
    expect(read(['protocol', 'time', 'application-name', 'rule-name'], vrp, { pairEnd: ',' })).toEqual(['17', 'May 15 2026 14:56:05', '', 'Deny all']);
    expect(read(['SourceIP', 'CloseReason'], 'IPVer=4,SourceIP=192.0.2.1,CloseReason=aged-out', { pairEnd: ',' })).toEqual(['192.0.2.1', 'aged-out']);
    // Without it, the same line reads to the blanks.
    expect(read(['protocol', 'time'], vrp)).toEqual(['17,', 'May']);
  });

  it("with keyNumbers (Comware) a key's (NNNN) is passed over; a word that is no pair is passed over to the next ;", () => {
    const h3c = 'SrcZoneName(1025)=Trust;junk here;DstPort(1008)=53;Event(1048)=(8)Session deleted;';
    expect(read(['SrcZoneName', 'DstPort', 'Event'], h3c, { pairEnd: ';', keyNumbers: true })).toEqual(['Trust', '53', '(8)Session deleted']);
    expect(read(['SrcZoneName', 'DstPort'], h3c, { pairEnd: ';' })).toEqual([null, null]);
  });

  it('a line cut inside a quoted value says so and names the key', () => {
    const f = new KeyValues(['a', 'name']);
    const line = 'a=1 name="cut her';
    f.read(line, 0, line.length);
    expect([f.unclosed, f.cutKeyText(line), f.text(line, 0)]).toEqual([true, 'name', '1']);
    expect(f.unclosedReason(line)).toEqual(reason('unclosed', 'name', '"'));
  });
});

describe('KeyValues.packet', () => {
  const KEYS = ['src', 'dst', 'p', 'sp', 'dp'] as const;
  /** Reasons of its own, so a test tells which one came back. */
  const slots = (protoNumber: boolean, emptyIsThere: boolean): PacketSlots => ({
    src: 0,
    dst: 1,
    proto: 2,
    srcPort: 3,
    dstPort: 4,
    protoNumber,
    emptyIsThere,
    missingSrc: reason('missing', 'src'),
    missingDst: reason('missing', 'dst'),
    differ: reason('family-differs', 'dst', 'src'),
    missingProto: reason('missing', 'p'),
    missingDstPort: reason('missing', 'dp'),
  });
  const NUMBER = slots(true, false);
  const NAME = slots(false, false);
  const EMPTY_THERE = slots(true, true);
  const TCP4 = 'src=192.0.2.1 dst=198.51.100.2 p=6 sp=41234 dp=23';

  /** packet's answer for the line, what it left in the reader, and the reason it gives for a negative answer. */
  function packet(line: string, p: PacketSlots) {
    const f = new KeyValues(KEYS);
    f.read(line, 0, line.length);
    const code = f.packet(line, p);
    const why = code < 0 ? f.packetReason(line, code, p) : null;
    return { code, src: f.src, dst: f.dst, proto: f.proto, srcPort: f.srcPort, dstPort: f.dstPort, why: why && { code: why.code, field: why.field, value: why.value } };
  }

  it('answers 4 for an IPv4 pair and leaves the addresses, the protocol by number and both ports in its fields', () => {
    expect(packet(TCP4, NUMBER)).toEqual({ code: 4, src: '192.0.2.1', dst: '198.51.100.2', proto: 'tcp', srcPort: 41234, dstPort: 23, why: null });
  });

  it('answers 6 for an IPv6 pair (a zone index kept as logged) and reads a protocol by name', () => {
    const line = 'src=2001:db8::1 dst=fe80::2%eth0 p="UDP" dp=53';
    expect(packet(line, NAME)).toEqual({ code: 6, src: '2001:db8::1', dst: 'fe80::2%eth0', proto: 'udp', srcPort: -1, dstPort: 53, why: null });
  });

  it('reads no ports for a protocol that carries none, whatever the port keys hold', () => {
    const r = packet('src=192.0.2.1 dst=198.51.100.2 p=1 sp=x dp=', NUMBER);
    expect([r.code, r.proto, r.srcPort, r.dstPort]).toEqual([4, 'icmp', -1, -1]);
  });

  it('a source port is optional: without one it is -1', () => {
    const r = packet('src=192.0.2.1 dst=198.51.100.2 p=17 dp=53', NUMBER);
    expect([r.code, r.srcPort, r.dstPort]).toEqual([4, -1, 53]);
  });

  it('answers each PACKET_* code in the order it checks, with the reason the format gave or its value under its key', () => {
    const cases: [string, number, { code: string; field: string; value: string }][] = [
      ['dst=198.51.100.2 p=6 dp=23', PACKET_NO_SRC, { code: 'missing', field: 'src', value: '' }],
      ['src=192.0.2.1 p=6 dp=23', PACKET_NO_DST, { code: 'missing', field: 'dst', value: '' }],
      ['src=N/A dst=2001:db8::1 p=x', PACKET_BAD_SRC, { code: 'invalid-address', field: 'src', value: "'N/A'" }],
      ['src=192.0.2.1 dst=198.51.100 p=x', PACKET_BAD_DST, { code: 'invalid-address', field: 'dst', value: "'198.51.100'" }],
      ['src=192.0.2.1 dst=2001:db8::1 p=x', PACKET_MIXED, { code: 'family-differs', field: 'dst', value: 'src' }],
      ['src=192.0.2.1 dst=198.51.100.2 dp=23', PACKET_NO_PROTO, { code: 'missing', field: 'p', value: '' }],
      ['src=192.0.2.1 dst=198.51.100.2 p=256 dp=23', PACKET_BAD_PROTO, { code: 'not-a-protocol', field: 'p', value: "'256'" }],
      ['src=192.0.2.1 dst=198.51.100.2 p=tcp dp=23', PACKET_BAD_PROTO, { code: 'not-a-protocol', field: 'p', value: "'tcp'" }],
      ['src=192.0.2.1 dst=198.51.100.2 p=6 sp=1', PACKET_NO_DST_PORT, { code: 'missing', field: 'dp', value: '' }],
      ['src=192.0.2.1 dst=198.51.100.2 p=6 dp=70000', PACKET_BAD_DST_PORT, { code: 'invalid-port', field: 'dp', value: "'70000'" }],
      ['src=192.0.2.1 dst=198.51.100.2 p=6 sp=-1 dp=23', PACKET_BAD_SRC_PORT, { code: 'invalid-port', field: 'sp', value: "'-1'" }],
    ];
    for (const [line, code, why] of cases) expect(packet(line, NUMBER), line).toMatchObject({ code, why });
  });

  it('by name, a protocol it does not know is `other` (no port read), not a failure', () => {
    const r = packet('src=192.0.2.1 dst=198.51.100.2 p="weird" dp=x', NAME);
    expect([r.code, r.proto, r.dstPort]).toEqual([4, 'other', -1]);
  });

  it('an empty value is missing, unless the format counts it as there: then it is the invalid value it is', () => {
    const lines: [string, number, number, string][] = [
      // line, answer when empty is missing, answer when it is there, the field either names
      ['src= dst=198.51.100.2 p=6 dp=23', PACKET_NO_SRC, PACKET_BAD_SRC, 'src'],
      ['src=192.0.2.1 dst= p=6 dp=23', PACKET_NO_DST, PACKET_BAD_DST, 'dst'],
      ['src=192.0.2.1 dst=198.51.100.2 p= dp=23', PACKET_NO_PROTO, PACKET_BAD_PROTO, 'p'],
      ['src=192.0.2.1 dst=198.51.100.2 p=6 dp=', PACKET_NO_DST_PORT, PACKET_BAD_DST_PORT, 'dp'],
    ];
    for (const [line, missing, there, field] of lines) {
      expect(packet(line, NUMBER), line).toMatchObject({ code: missing, why: { code: 'missing', field } });
      expect(packet(line, EMPTY_THERE), line).toMatchObject({ code: there, why: { field, value: "''" } });
    }
    // An empty source port: passed over when empty is missing, an invalid port when it is there.
    const line = 'src=192.0.2.1 dst=198.51.100.2 p=6 sp= dp=23';
    expect(packet(line, NUMBER)).toMatchObject({ code: 4, srcPort: -1, dstPort: 23 });
    expect(packet(line, EMPTY_THERE)).toMatchObject({ code: PACKET_BAD_SRC_PORT, why: { code: 'invalid-port', field: 'sp', value: "''" } });
  });

  it('leaves nothing of an earlier line: ports read then are -1 on a line that fails before them', () => {
    const f = new KeyValues(KEYS);
    f.read(TCP4, 0, TCP4.length);
    expect(f.packet(TCP4, NUMBER)).toBe(4);
    const next = 'src=192.0.2.1 dst=198.51.100.2 p=1';
    f.read(next, 0, next.length);
    expect([f.packet(next, NUMBER), f.srcPort, f.dstPort, f.proto]).toEqual([4, -1, -1, 'icmp']);
  });
});

describe('KeyValues.icmp and dateAndTime', () => {
  function reader(keys: readonly string[], line: string): KeyValues {
    const f = new KeyValues(keys);
    f.read(line, 0, line.length);
    return f;
  }

  it('icmp: type and code 0-255 as numbers; empty, absent, over 255 or not decimal is null', () => {
    const at = (line: string) => reader(['t', 'c'], line).icmp(line, 0, 1);
    expect(at('t=8 c=0')).toEqual({ type: 8, code: 0, embedded: null });
    expect(at('t=255 c=3')).toEqual({ type: 255, code: 3, embedded: null });
    expect(at('t=256 c=')).toEqual({ type: null, code: null, embedded: null });
    expect(at('c=0x03')).toEqual({ type: null, code: null, embedded: null });
  });

  it('dateAndTime: the six fields into out, else the field not so written (date first) or the impossible date', () => {
    const out = [0, 0, 0, 0, 0, 0];
    const at = (line: string) => {
      const r = reader(['date', 'time'], line).dateAndTime(line, 0, 1, out);
      return r && { code: r.code, field: r.field, value: r.value };
    };
    expect([at('date=2026-11-20 time=06:25:01'), out]).toEqual([null, [2026, 11, 20, 6, 25, 1]]);
    expect(at('date=2026/11/20 time=6:25')).toEqual({ code: 'invalid', field: 'date', value: "'2026/11/20'" });
    expect(at('date=2026-11-20 time=6:25')).toEqual({ code: 'invalid', field: 'time', value: "'6:25'" });
    expect(at('date=2026-02-30 time=06:25:01')).toMatchObject({ code: 'impossible-day', field: 'time' });
    expect(at('date=1800-01-01 time=06:25:01')).toMatchObject({ code: 'year-range' });
  });
});
