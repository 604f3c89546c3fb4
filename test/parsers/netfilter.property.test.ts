// Property tests: whatever the input, every line gets exactly one verdict, nothing
// throws, and every event satisfies the FirewallEvent invariants.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { journalExportFormat, journalJsonFormat } from '../../src/parsers/journald.js';
import type { FormatDefinition } from '../../src/parsers/types.js';
import { parseLines, splitLines } from '../helpers/parse.js';

const corpus = new URL('../../../shared/corpus/iptables/', import.meta.url).pathname;
const CORPUS_FILES = [
  'crowdsec-hub_iptables-logs.log',
  'crowdsec-hub_proxmox-pvefw.log',
  'crowdsec-hub_unifi-udm.log',
  'elastic-integrations_test-iptables-raw.log',
  'elastic-integrations_test-ubiquiti.log',
  'hms5232-ufwlog_fixture_ufw.log',
  'psad_invalid_icmp_type_code.log',
  'psad_ipv4_igmp_shorewall.log',
  'psad_ipv6_ms_sql_server_sig_match.log',
  'psad_mirai_default_credentials_scan.log',
  'psad_syslog_time_fmt1.log',
];
const realLines = CORPUS_FILES.flatMap((f) => splitLines(readFileSync(corpus + f, 'utf8')));
const FLAGS = new Set(['CWR', 'ECE', 'URG', 'ACK', 'PSH', 'RST', 'SYN', 'FIN']);

function isPort(p: number | null): boolean {
  return p === null || (Number.isInteger(p) && p >= 0 && p <= 65535);
}

function checkEvent(e: FirewallEvent): void {
  expect(e.time === null || Number.isFinite(e.time.getTime())).toBe(true);
  expect(isPort(e.src.port) && isPort(e.dst.port)).toBe(true);
  if (e.icmp?.embedded) expect(isPort(e.icmp.embedded.src.port) && isPort(e.icmp.embedded.dst.port)).toBe(true);
  for (const n of [e.ttl, e.len, e.tcpWindow, e.icmp?.type ?? null, e.icmp?.code ?? null]) {
    expect(n === null || (Number.isInteger(n) && n >= 0)).toBe(true);
  }
  expect(e.uptime === null || Number.isFinite(e.uptime)).toBe(true);
  expect(typeof e.src.ip === 'string' && typeof e.dst.ip === 'string' && e.proto.length > 0).toBe(true);
  expect(e.ipVersion === 4 || e.ipVersion === 6).toBe(true);
  if (e.tcpFlags !== null) {
    expect(e.proto).toBe('tcp');
    for (const f of e.tcpFlags) expect(FLAGS.has(f)).toBe(true);
  }
  expect(e.count).toBeGreaterThanOrEqual(1);
  expect(e.annotations).toEqual([]);
}

/** Parses lines and asserts the per-line invariants; returns the events. */
function checkLines(format: FormatDefinition, lines: string[], perLine = true): FirewallEvent[] {
  const r = parseLines(format, lines);
  for (const m of r.malformed) expect(m.reason).not.toMatch(/^parser error/);
  if (perLine) {
    const lineNos = [...r.events.map((e) => e.origin.line), ...r.skipped.map((s) => s.line), ...r.malformed.map((m) => m.line)].sort((a, b) => a - b);
    expect(lineNos).toEqual(lines.map((_, i) => i + 1));
  }
  for (const e of r.events) checkEvent(e);
  return r.events;
}

/** Random edits of a real line: the kind of damage truncation, bit rot and hand edits do. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 8 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('[', ']', '=', ' ', 'SRC=', 'PROTO=', 'IN=', '[SRC=', '::', '.', '99999', 'ICMP', 'TCP', '\r', '\u0000', 'message repeated 3 times: ['),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('digit' as const), at: fc.nat(), d: fc.integer({ min: 0, max: 9 }) }),
);

type Mutation = { kind: string; at: number; len?: number; text?: string; d?: number };

function mutate(line: string, ms: readonly Mutation[]): string {
  let s = line;
  for (const m of ms) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + (m.len ?? 1));
    else if (m.kind === 'insert') s = s.slice(0, at) + (m.text ?? '') + s.slice(at);
    else if (m.kind === 'truncate') s = s.slice(0, at);
    else {
      // Replace the digit nearest to `at` to make out-of-range numbers and dates.
      const i = s.slice(at).search(/\d/);
      if (i >= 0) s = s.slice(0, at + i) + String(m.d) + s.slice(at + i + 1);
    }
  }
  return s;
}

describe('properties: iptables', () => {
  it('never throws and gives one verdict per line on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii', maxLength: 300 })), { maxLength: 20 }), (lines) => {
        checkLines(iptablesFormat, lines);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random mutations of real corpus lines; events stay well-formed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...realLines), fc.array(mutation, { minLength: 1, maxLength: 4 }), (line, ms) => {
        checkLines(iptablesFormat, [mutate(line, ms)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('corpus lines parse the same together as one by one (the per-second caches leak nothing)', () => {
    const strip = (e: FirewallEvent): unknown => JSON.stringify({ ...e, origin: null });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...realLines), { minLength: 1, maxLength: 15 }), (lines) => {
        const together = parseLines(iptablesFormat, lines);
        const alone = lines.map((l) => parseLines(iptablesFormat, [l]));
        expect(together.events.map(strip)).toEqual(alone.flatMap((r) => r.events.map(strip)));
        expect(together.malformed.map((m) => m.reason)).toEqual(alone.flatMap((r) => r.malformed.map((m) => m.reason)));
      }),
      { numRuns: 200 },
    );
  });

  it('key=value soup around SRC=/PROTO= anchors never yields out-of-range ports or Invalid Dates', () => {
    const token = fc.oneof(
      fc.constantFrom('IN=', 'IN=eth0', 'OUT=', 'SRC=1.2.3.4', 'DST=5.6.7.8', 'SRC=::1', 'DST=fe80::1', 'PROTO=TCP', 'PROTO=UDP', 'PROTO=ICMP', 'PROTO=', 'SYN', 'ACK', 'ACK=1', '[', ']', 'INCOMPLETE'),
      fc.tuple(fc.constantFrom('SPT=', 'DPT=', 'LEN=', 'TTL=', 'TYPE=', 'CODE=', 'WINDOW=', 'HOPLIMIT='), fc.oneof(fc.nat({ max: 200000 }).map(String), fc.string({ maxLength: 6 }))).map(([k, v]) => k + v),
    );
    const head = fc.constantFrom('', 'Nov 21 06:25:01 gw kernel: ', '[12.5] ', '<4>1 - h kernel - - - ', '2025-01-01T00:00:00Z h kernel: ', '0 1 C 20/Jun/2022:13:09:14 +0200 ');
    fc.assert(
      fc.property(head, fc.array(token, { maxLength: 25 }), (h, toks) => {
        checkLines(iptablesFormat, [h + toks.join(' ')]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('properties: journald', () => {
  it('export: arbitrary and mutated input never throws; events stay well-formed', () => {
    const lines = fc.array(
      fc.oneof(
        fc.string(),
        fc.constantFrom('', '__REALTIME_TIMESTAMP=1642033008518660', '_TRANSPORT=kernel', '_HOSTNAME=h', 'MESSAGE'),
        fc.constantFrom(...realLines).map((l) => `MESSAGE=${l}`),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(lines, (ls) => {
        const events = checkLines(journalExportFormat, ls, false);
        expect(events.length).toBeLessThanOrEqual(ls.length);
      }),
      { numRuns: 500 },
    );
  });

  it('json: arbitrary strings and arbitrary JSON values never throw', () => {
    const line = fc.oneof(
      fc.string(),
      fc.json(),
      fc.record({ MESSAGE: fc.oneof(fc.constantFrom(...realLines), fc.array(fc.integer({ min: -5, max: 300 })), fc.anything()), __REALTIME_TIMESTAMP: fc.oneof(fc.string(), fc.nat().map(String)) }).map((o) => JSON.stringify(o) ?? ''),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (ls) => {
        checkLines(journalJsonFormat, ls);
      }),
      { numRuns: 500 },
    );
  });
});
