// AWS VPC Flow Logs: the verdicts of a VPC's security groups and network ACLs, one record per
// flow (a 5-tuple on one network interface) and aggregation interval, space-separated, `-` for
// a field with no value. The default format (version 2, 14 fields):
//
//   version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
//   2 123456789010 eni-1235b8ca123456789 203.0.113.7 172.31.16.21 41234 23 6 1 40 1763619901 1763619961 REJECT OK
//
// A custom format (versions 3-8: vpc-id, instance-id, tcp-flags, pkt-srcaddr, flow-direction,
// reject-reason, …) chooses its own fields and order; files delivered to S3 start with a header
// line naming them, which sets the columns from there on (as pfirewall.log's `#Fields:` does).
// Without a header (a CloudWatch Logs export) the default 14 fields are read. Transit gateway
// flow logs (`resource-type`, `tgw-id`, …) have no accept/reject verdict: skipped, saying so.
//
// Mapping. Time: `start`, epoch seconds (absolute: no --tz). Addresses: `pkt-srcaddr` and
// `pkt-dstaddr` when logged (the packet's own addresses behind a NAT gateway or a secondary
// ENI address), else `srcaddr`/`dstaddr`. Protocol: the IANA number; ICMP records carry 0 in
// both port fields, so ICMP has no ports (and the log no type or code). Action: REJECT → drop,
// one record standing for `packets` blocked packets (count); ACCEPT → allow, one connection
// record (connectionRecords): a flow's packets are its connection's, not probes counted apart.
// Direction: `flow-direction` (ingress → in, egress → out) when logged, else from the
// addresses: to this side's networks (--home-net, else the local-network ranges) from another
// is in, the reverse out, the rest unknown. Interface: `interface-id` (the ENI), the way in
// unless the record goes out. Host: `instance-id` when logged. TCP flags: `tcp-flags`, the OR of
// the header flags seen in the interval (FIN 1, SYN 2, RST 4, …; 0 for ACK-only flows, which
// is no flag set known, so null). Rule: the action as logged and `reject-reason` when there is
// one (`REJECT BPA`: Block Public Access): VPC Flow Logs name no rule.
import type { Action, Direction, FirewallEvent } from '../event.js';
import { addressVersion } from './address.js';
import { flagNames, shown } from './fields.js';
import { BLANK_LINE, fixedReason, NOT_RECORD, reason, type LineReason } from './reason.js';
import type { FormatDefinition, LineParser, LineSink, ParseContext, RuleFields } from './types.js';
import { Columns } from './windows-firewall.js';
import { sideDirection } from '../util/egress.js';
import { carriesPorts, protoByNumber } from '../util/protocols.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';
import { SharedDates } from '../util/shared-date.js';
import { yearInRange, yearText } from '../util/year-range.js';

const ID = 'aws-vpcflow';

/** The version 2 fields, the order of every record when no header line names another. */
export const DEFAULT_FIELDS: readonly string[] = [
  'version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol',
  'packets', 'bytes', 'start', 'end', 'action', 'log-status',
];

/** Every field AWS documents for VPC and transit gateway flow logs: a header line is made of these. */
const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  ...DEFAULT_FIELDS, 'vpc-id', 'subnet-id', 'instance-id', 'tcp-flags', 'type', 'pkt-srcaddr', 'pkt-dstaddr',
  'region', 'az-id', 'sublocation-type', 'sublocation-id', 'pkt-src-aws-service', 'pkt-dst-aws-service',
  'flow-direction', 'traffic-path', 'ecs-cluster-arn', 'ecs-cluster-name', 'ecs-container-instance-arn',
  'ecs-container-instance-id', 'ecs-container-id', 'ecs-second-container-id', 'ecs-service-name',
  'ecs-task-definition-arn', 'ecs-task-arn', 'ecs-task-id', 'reject-reason',
  'resource-type', 'tgw-id', 'tgw-attachment-id', 'tgw-src-vpc-account-id', 'tgw-dst-vpc-account-id',
  'tgw-src-vpc-id', 'tgw-dst-vpc-id', 'tgw-src-subnet-id', 'tgw-dst-subnet-id', 'tgw-src-eni', 'tgw-dst-eni',
  'tgw-src-az-id', 'tgw-dst-az-id', 'tgw-pair-attachment-id', 'packets-lost-no-route',
  'packets-lost-blackhole', 'packets-lost-mtu-exceeded', 'packets-lost-ttl-expired',
]);

/** Column of each field read; -1 when the layout has none. */
interface Layout {
  count: number;
  /** From a header line (false: the default fields assumed). */
  named: boolean;
  /** A transit gateway's layout: no verdict in it. */
  transitGateway: boolean;
  /** The first field a record cannot be read without that the layout lacks; null: none. */
  missing: string | null;
  iface: number;
  srcaddr: number;
  dstaddr: number;
  srcport: number;
  dstport: number;
  protocol: number;
  packets: number;
  bytes: number;
  start: number;
  action: number;
  logStatus: number;
  instance: number;
  tcpFlags: number;
  pktSrc: number;
  pktDst: number;
  flowDirection: number;
  rejectReason: number;
}

const REQUIRED = ['srcaddr', 'dstaddr', 'protocol', 'start', 'action'] as const;

function layoutOf(names: readonly string[], named: boolean): Layout {
  const at = (n: string) => names.indexOf(n);
  const transitGateway = at('action') < 0 && (at('tgw-id') >= 0 || at('resource-type') >= 0);
  return {
    count: names.length,
    named,
    transitGateway,
    missing: REQUIRED.find((n) => at(n) < 0) ?? null,
    iface: at('interface-id'),
    srcaddr: at('srcaddr'),
    dstaddr: at('dstaddr'),
    srcport: at('srcport'),
    dstport: at('dstport'),
    protocol: at('protocol'),
    packets: at('packets'),
    bytes: at('bytes'),
    start: at('start'),
    action: at('action'),
    logStatus: at('log-status'),
    instance: at('instance-id'),
    tcpFlags: at('tcp-flags'),
    pktSrc: at('pkt-srcaddr'),
    pktDst: at('pkt-dstaddr'),
    flowDirection: at('flow-direction'),
    rejectReason: at('reject-reason'),
  };
}

const DEFAULT_LAYOUT = layoutOf(DEFAULT_FIELDS, false);

/**
 * logscan's flag bits of a TCP header's flag byte (FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32,
 * ECE 64, CWR 128, as `tcp-flags` sums them): the same eight flags in the opposite bit order.
 */
const HEADER_FLAG_BITS: readonly number[] = Array.from({ length: 256 }, (_, b) => {
  let m = 0;
  for (let i = 0; i < 8; i++) if ((b & (1 << i)) !== 0) m |= 1 << (7 - i);
  return m;
});

const MAX_U32 = 4294967295;
/** SYN in a TCP header's flag byte. */
const TCP_SYN = 2;
/** counter(): '-' (not logged) and not a count. */
const NONE = -1;
const BAD = -2;

/**
 * A packet or byte count: any number of digits (a long flow's bytes pass 10 digits, which
 * Columns.uint stops at), NONE for '-', BAD otherwise.
 */
function counter(s: string): number {
  if (s === '-') return NONE;
  if (s.length === 0 || s.length > 15) return BAD;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return BAD;
    v = v * 10 + d;
  }
  return v;
}
const ACCEPT = 'ACCEPT';
const REJECT = 'REJECT';
const NOT_FLOW_TGW = fixedReason('vpcflow-transit-gateway');
const OTHER_HALF = fixedReason('vpcflow-other-half');
/** Accepted records remembered for their connection's other half. */
const MAX_HALVES = 4096;

/** A header line: field names only, the first one of AWS's, at least two of them. */
function headerNames(s: string): string[] | null {
  const c = s.charCodeAt(0);
  if (c < 0x61 || c > 0x7a) return null;
  const names = s.split(' ');
  if (names.length < 2 || !KNOWN_FIELDS.has(names[0]!)) return null;
  let known = 0;
  for (const n of names) {
    if (!/^[a-z][a-z0-9-]*$/.test(n)) return null;
    if (KNOWN_FIELDS.has(n)) known++;
  }
  return known >= 2 ? names : null;
}

/** Strips trailing CR, spaces and tabs (an S3 object read on Windows, a copy and paste). */
function clean(text: string): string {
  let end = text.length;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c !== 13 && c !== 32 && c !== 9) break;
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}

/**
 * A line a record could be: its first column a version, an id (`eni-…`, `i-…`, `vpc-…`) or
 * `-`, as custom formats may lead with any field. Not a JSON object, nor a syslog or other
 * program's line: those are no records of this format.
 */
function mayBeRecord(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x2d;
}

function createParser(ctx: ParseContext, sink: LineSink): LineParser {
  let layout = DEFAULT_LAYOUT;
  const columns = new Columns();
  const dates = new SharedDates();
  const rules = new Interner();
  let lastStart = '';
  let lastMs = NaN;
  /** Accepted records waiting for the other half of their connection (bounded: the oldest goes first). */
  const halves = new Set<string>();

  /** The text of column i, or '-' when the layout has no such column. */
  const text = (i: number): string => (i < 0 ? '-' : columns.at(i));

  function bad(lineNo: number, line: string, r: LineReason): void {
    sink.malformed(lineNo, line, r);
  }

  /** An address column: 4 or 6, 0 when it is '-'; -1 after reporting it malformed. */
  function address(lineNo: number, line: string, field: string, value: string): 4 | 6 | 0 | -1 {
    if (value === '-') return 0;
    const v = addressVersion(value, 0, value.length);
    if (v !== 0) return v;
    bad(lineNo, line, reason('invalid-address', field, shown(value)));
    return -1;
  }

  function line(raw: string, lineNo: number): void {
    const s = clean(raw);
    if (s.length === 0) {
      sink.skipped(lineNo, BLANK_LINE);
      return;
    }
    const names = headerNames(s);
    if (names !== null) {
      layout = layoutOf(names, true);
      lastStart = '';
      sink.skipped(lineNo, reason('vpcflow-header', '', String(names.length)));
      return;
    }
    const f = columns;
    f.read(s);
    const L = layout;
    // A transit gateway record (header-less, its default format: `6 TransitGateway …`) has no verdict.
    if (L.transitGateway || (!L.named && f.count > 1 && f.is(1, 'TransitGateway'))) {
      sink.skipped(lineNo, NOT_FLOW_TGW);
      return;
    }
    if (!mayBeRecord(s)) {
      sink.skipped(lineNo, NOT_RECORD);
      return;
    }
    if (f.count !== L.count) {
      sink.malformed(lineNo, raw, { code: 'vpcflow-field-count', field: '', value: String(f.count), expected: L.count, named: L.named });
      return;
    }
    // NODATA: no traffic in the interval; SKIPDATA: flows the service could not capture. Neither is a flow.
    if (L.logStatus >= 0 && !f.is(L.logStatus, 'OK') && !f.is(L.logStatus, '-')) {
      const status = f.at(L.logStatus);
      if (status === 'NODATA' || status === 'SKIPDATA') sink.skipped(lineNo, reason('vpcflow-no-flow', 'log-status', status));
      else bad(lineNo, raw, reason('unknown', 'log-status', shown(status)));
      return;
    }
    if (L.missing !== null) return bad(lineNo, raw, reason('vpcflow-not-in-header', L.missing));

    const word = f.at(L.action);
    let action: Action;
    if (word === ACCEPT) action = 'allow';
    else if (word === REJECT) action = 'drop';
    else return bad(lineNo, raw, word === '-' ? reason('missing', 'action') : reason('unknown', 'action', shown(word)));

    let ms = lastMs;
    if (!f.is(L.start, lastStart) || lastStart === '') {
      const start = f.at(L.start);
      const secs = f.uint(L.start, MAX_U32);
      if (secs < 0) return bad(lineNo, raw, start === '-' ? reason('missing', 'start') : reason('invalid', 'start', shown(start)));
      ms = secs * 1000;
      const year = new Date(ms).getUTCFullYear();
      if (!yearInRange(year)) return bad(lineNo, raw, reason('year-range', 'start', yearText(year)));
      lastStart = start;
      lastMs = ms;
    }

    const protoText = f.at(L.protocol);
    const protoNo = f.uint(L.protocol, 255);
    if (protoNo < 0) return bad(lineNo, raw, protoText === '-' ? reason('missing', 'protocol') : reason('not-a-protocol', 'protocol', shown(protoText)));
    const proto = protoByNumber(protoNo);

    // The packet's own addresses when logged; srcaddr/dstaddr are the interface's side of a NAT.
    const pktSrc = text(L.pktSrc);
    const pktDst = text(L.pktDst);
    const srcField = pktSrc !== '-' ? 'pkt-srcaddr' : 'srcaddr';
    const dstField = pktDst !== '-' ? 'pkt-dstaddr' : 'dstaddr';
    const srcIp = pktSrc !== '-' ? pktSrc : f.at(L.srcaddr);
    const dstIp = pktDst !== '-' ? pktDst : f.at(L.dstaddr);
    const srcV = address(lineNo, raw, srcField, srcIp);
    if (srcV === -1) return;
    const dstV = address(lineNo, raw, dstField, dstIp);
    if (dstV === -1) return;
    if (srcV === 0) return bad(lineNo, raw, reason('missing', srcField));
    if (dstV === 0) return bad(lineNo, raw, reason('missing', dstField));
    if (srcV !== dstV) return bad(lineNo, raw, reason('family-differs', dstField, srcField));

    let srcPort: number | null = null;
    let dstPort: number | null = null;
    if (carriesPorts(proto)) {
      const sp = f.uint(L.srcport, 65535);
      if (sp === BAD) return bad(lineNo, raw, reason('invalid-port', 'srcport', shown(f.at(L.srcport))));
      const dp = f.uint(L.dstport, 65535);
      if (dp === BAD) return bad(lineNo, raw, reason('invalid-port', 'dstport', shown(f.at(L.dstport))));
      srcPort = sp < 0 ? null : sp;
      dstPort = dp < 0 ? null : dp;
    }

    const packets = counter(text(L.packets));
    if (packets === BAD) return bad(lineNo, raw, reason('invalid', 'packets', shown(f.at(L.packets))));
    const bytes = counter(text(L.bytes));
    if (bytes === BAD) return bad(lineNo, raw, reason('invalid', 'bytes', shown(f.at(L.bytes))));

    let tcpFlags: string[] | null = null;
    if (L.tcpFlags >= 0) {
      const bits = f.uint(L.tcpFlags, 255);
      if (bits === BAD) return bad(lineNo, raw, reason('invalid', 'tcp-flags', shown(f.at(L.tcpFlags))));
      // The flags are OR-ed over the interval's packets (SYN and FIN together: a connection's
      // first and last), so they are one packet's only for a single blocked packet, or for
      // blocked SYNs alone (an unanswered attempt's retries). An accepted flow is a connection.
      if (bits > 0 && proto === 'tcp' && action === 'drop' && (packets === 1 || bits === TCP_SYN)) tcpFlags = flagNames(HEADER_FLAG_BITS[bits]!);
    }

    let direction: Direction | null;
    const flow = text(L.flowDirection);
    if (flow === 'ingress') direction = 'in';
    else if (flow === 'egress') direction = 'out';
    else if (flow === '-') direction = sideDirection(srcIp, dstIp, null);
    else return bad(lineNo, raw, reason('unknown', 'flow-direction', shown(flow)));

    const eni = text(L.iface);
    const iface = eni === '-' ? null : eni;
    const instance = text(L.instance);
    const because = text(L.rejectReason);
    const rule = because === '-' ? word : rules.of(`${word} ${because}`);

    // A blocked record stands for its packets; an allowed one for a connection, counted once.
    const blocked = action === 'drop';
    const count = blocked && packets > 0 ? packets : 1;
    // The IP length only when every packet of the record had it: a blocked record of equal
    // packets (repeated SYNs); an allowed flow's bytes are a connection's, not a packet's.
    const len = blocked && packets > 0 && bytes > 0 && bytes % packets === 0 && bytes / packets <= 65535 ? bytes / packets : null;

    // One connection, two accepted records: the initiator's half and the responder's, on the
    // same interface in the same interval. The first of them in the log counts the connection;
    // the second is skipped, as a FortiGate session's start record is, so that connections stay
    // connections in the report's count.
    if (!blocked) {
      const self = `${eni} ${protoNo} ${srcIp} ${srcPort ?? '-'} ${dstIp} ${dstPort ?? '-'} ${f.at(L.start)}`;
      const other = `${eni} ${protoNo} ${dstIp} ${dstPort ?? '-'} ${srcIp} ${srcPort ?? '-'} ${f.at(L.start)}`;
      if (halves.delete(other)) {
        sink.skipped(lineNo, OTHER_HALF);
        return;
      }
      if (halves.size >= MAX_HALVES) halves.delete(halves.keys().next().value!);
      halves.add(flat(self));
    }

    const e: FirewallEvent = {
      time: dates.of(ms),
      yearInferred: false,
      uptime: null,
      host: instance === '-' ? null : instance,
      format: ID,
      action,
      direction,
      rule,
      inIface: direction === 'out' ? null : iface,
      outIface: direction === 'out' ? iface : null,
      proto,
      ipVersion: srcV,
      src: { ip: srcIp, port: srcPort },
      dst: { ip: dstIp, port: dstPort },
      ttl: null,
      len,
      tcpFlags,
      tcpWindow: null,
      pid: null,
      icmp: proto === 'icmp' || proto === 'icmpv6' ? { type: null, code: null, embedded: null } : null,
      count,
      origin: { file: ctx.file, line: lineNo },
      annotations: [],
    };
    sink.event(e);
  }

  return { line, end() {} };
}

const NO_RULE: RuleFields = Object.freeze({});

/** A default-format record (version 2, an account number, an ENI, the verdict and log status). */
const DEFAULT_RECORD = /^2 \d{6,12} eni-[0-9a-f]{8,17} \S+ \S+ \S+ \S+ \S+ \S+ \S+ \d{1,11} \d{1,11} (?:ACCEPT|REJECT|-) (?:OK|NODATA|SKIPDATA)$/;
/**
 * A custom format's record, its fields in an order only its header names: an ENI id and a
 * verdict with log-status OK, or NODATA/SKIPDATA, among space-separated words. Claimed weakly,
 * so a record pasted into `explain` after its header reaches the parser that read the header, and
 * one without a header is told malformed for its field count rather than no record at all.
 */
const CUSTOM_WORDS = /^[\w.:/-]+(?: [\w.:/-]+){4,}$/;
const ENI = /(?:^| )eni-[0-9a-f]{8,17}(?: |$)/;
const VERDICT_OK = /(?:^| )(?:ACCEPT|REJECT)(?: .*)? OK(?: |$)|(?:^| )OK(?: .*)? (?:ACCEPT|REJECT)(?: |$)/;
const NO_FLOW = /(?:^| )(?:NODATA|SKIPDATA)(?: |$)/;

function customRecord(l: string): boolean {
  return CUSTOM_WORDS.test(l) && ENI.test(l) && (VERDICT_OK.test(l) || NO_FLOW.test(l));
}

export const awsVpcflowFormat: FormatDefinition = {
  id: ID,
  examples: [
    '2 123456789010 eni-1235b8ca123456789 203.0.113.7 172.31.16.21 41234 23 6 1 40 1763619901 1763619961 REJECT OK',
    '2 123456789010 eni-1235b8ca123456789 172.31.16.139 198.51.100.80 50514 443 6 20 4249 1763619901 1763619961 ACCEPT OK',
    '2 123456789010 eni-0f9e8d7c6b5a40312 2001:db8:ffff::7 2001:db8:1234:a100::21 61001 22 6 1 80 1763619962 1763620021 REJECT OK',
  ],
  sniff(lines) {
    let considered = 0;
    let records = 0;
    let custom = 0;
    for (const raw of lines) {
      const l = clean(raw);
      if (l.length === 0) continue;
      const names = headerNames(l);
      if (names !== null && names.includes('srcaddr') && names.includes('dstaddr')) return 0.99;
      considered++;
      if (DEFAULT_RECORD.test(l)) records++;
      else if (customRecord(l)) custom++;
    }
    if (records === 0) return custom === 0 ? 0 : 0.3 * (custom / considered);
    const ratio = records / considered;
    // The default record is distinctive (an ENI id, ACCEPT/REJECT, OK/NODATA/SKIPDATA) but unsigned.
    return ratio >= 0.5 ? 0.5 + 0.45 * ratio : 0.3 * ratio;
  },
  create: createParser,
  // The verdict as logged names no rule; a reject-reason (`BPA`) is why the record was rejected.
  ruleFields: (rule) => {
    const sp = rule.indexOf(' ');
    return sp < 0 ? NO_RULE : { reason: rule.slice(sp + 1) };
  },
  // An accepted flow is a connection's traffic in one direction and interval, not one packet.
  connectionRecords: { action: 'allow' },
};
