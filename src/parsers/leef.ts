// IBM QRadar's Log Event Extended Format (LEEF) records of firewalls, bare or behind a syslog
// header (a device's own or a relay's):
//
//   <14>Nov 20 06:30:12 PA-3220 LEEF:1.0|Palo Alto Networks|PAN-OS Syslog Integration|10.2.4|allow|cat=TRAFFIC|…|src=192.168.1.23|dst=198.51.100.80|…|proto=tcp|action=allow
//   LEEF:2.0|Check Point|VPN-1 & FireWall-1|1.0|Drop|x09|action=Drop<TAB>ifdir=inbound<TAB>src=203.0.113.7<TAB>…
//
// The header: `LEEF:Version|Vendor|Product|Version|EventID|`; LEEF 2.0 may add a field naming
// the attributes' delimiter (a character, its hex `x5E`/`0x5e`, empty for a tab), which some
// vendors leave out (Check Point's Log Exporter). The attributes: `key=value`, a tab between
// them by the spec; PAN-OS's LEEF profile writes `|`. Without a delimiter field the one the
// attributes hold is taken: a tab if there is one, else `|`.
//
// Which records: as for CEF (cef.ts), only those of a firewall product named in
// signatures/leef.json, of its traffic category (`cat`: PAN-OS's TRAFFIC, FortiOS's traffic),
// with a verdict: `action` (or the EventID, which PAN-OS and Check Point make the action) in
// cef.json's verdict words. Other products are skipped saying vendor, product and EventID
// (leef-not-firewall); a firewall's other categories saying the category (leef-not-traffic:
// THREAT, SYSTEM, URL …); a record whose action is no verdict (a VPN's Decrypt) saying it
// (leef-not-verdict); a session's start record saying so (leef-session-half: its end record
// counts the session, as the native log and its CEF); a verdict with no address (leef-no-packet).
//
// Mapping. Addresses `src`/`dst`, ports `srcPort`/`dstPort` (Check Point: `s_port`, `service`),
// protocol `proto` (word or number). Time `devTime` by `devTimeFormat` when the record gives one
// (java-date.ts), else as IBM defines its default: `MMM dd yyyy HH:mm:ss[.SSS] [zone]` or epoch
// milliseconds (siem-stamp.ts, CEF's rt reader: seconds when 10 digits or fewer, as Check Point
// writes); without a zone in --tz; absent, the syslog header's time. Host: the record's device
// name (PAN-OS DeviceName, FortiOS devname), else the header's. Count: PAN-OS's RepeatCount.
// Zones, interfaces, rule label and direction as the vendor's native format reads the same
// fields (signatures/zone-sides.json, the native rule labels), so a PAN-OS LEEF record reads as
// its syslog record and its CEF one; Check Point's ifdir, ifname and conn_direction as its
// native log. With no side the zones know, direction is unknown (--home-net decides).
// An allowed record stands for a connection (the firewalls listed log one per session they
// let through), a denied one for a packet.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { cefRuleFields, cefVerdictWords, isLabelStyle, vendorRuleLabel, type LabelStyle } from './cef.js';
import { shown } from './fields.js';
import { fortigateLocalOut } from './fortigate.js';
import { PatternStamps } from './java-date.js';
import { WallTimes } from './local-time.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { SiemStamps } from './siem-stamp.js';
import { siemCount, siemHeaderAt, siemIcmp, SiemPacket } from './siem-record.js';
import { readSignatureData } from './signature-data.js';
import { recordShare, type FormatDefinition, type ParseContext } from './types.js';
import { isZoneConventionId, zoneConvention, type ZoneConvention } from './zone-direction.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';

const ID = 'leef';

/** What an attribute holds, whatever the vendor calls it (signatures/leef.json `keys`). */
const ROLES = [
  'src', 'dst', 'srcPort', 'dstPort', 'proto', 'action', 'cat', 'subtype', 'devTime', 'devTimeFormat',
  'rule', 'ruleId', 'ruleset', 'fromZone', 'toZone', 'inIface', 'outIface', 'iface', 'ifdir', 'connDirection',
  'icmpType', 'icmpCode', 'host', 'vdom', 'count',
] as const;
type Role = (typeof ROLES)[number];
const SLOT = Object.fromEntries(ROLES.map((r, i) => [r, i])) as Record<Role, number>;
const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);
const isDirection = (v: unknown): v is Direction => v === 'in' || v === 'out' || v === 'forward';

interface Firewall {
  /** Lower-cased `cat` prefixes of its traffic records; null: every record. */
  readonly cats: readonly string[] | null;
  /** Lower-cased subtypes or actions of a session's other record. */
  readonly halves: ReadonlySet<string>;
  readonly zones: ZoneConvention;
  readonly label: LabelStyle;
  /** Lower-cased `cat` or subtype values of traffic to the device itself (FortiOS's local). */
  readonly toDevice: ReadonlySet<string>;
  /** Check Point's ifdir and conn_direction words, as its native log reads them. */
  readonly ifdir: ReadonlyMap<string, Direction>;
  readonly connDirection: ReadonlyMap<string, Direction>;
}

interface Knowledge {
  /** `vendor|product`, lower-cased. */
  readonly firewalls: ReadonlyMap<string, Firewall>;
  readonly keys: ReadonlyMap<string, number>;
  readonly actions: ReadonlyMap<string, Action>;
}

let knowledge: Knowledge | null = null;

function strings(o: unknown): string[] {
  return Array.isArray(o) ? o.filter((x): x is string => typeof x === 'string') : [];
}

function directions(o: unknown): Map<string, Direction> {
  const m = new Map<string, Direction>();
  if (typeof o === 'object' && o !== null) for (const [k, v] of Object.entries(o)) if (isDirection(v)) m.set(k, v);
  return m;
}

/** signatures/leef.json (and cef.json's verdict words), read when the first LEEF record is. */
function known(): Knowledge {
  if (knowledge !== null) return knowledge;
  const doc = readSignatureData('leef.json') as Record<string, unknown>;
  const firewalls = new Map<string, Firewall>();
  for (const fw of Array.isArray(doc.firewalls) ? (doc.firewalls as Record<string, unknown>[]) : []) {
    if (typeof fw.vendor !== 'string') continue;
    const entry: Firewall = {
      cats: fw.cats === undefined ? null : strings(fw.cats).map((c) => c.toLowerCase()),
      halves: new Set(strings(fw.halves).map((h) => h.toLowerCase())),
      zones: zoneConvention(isZoneConventionId(fw.zones) ? fw.zones : 'cef'),
      label: isLabelStyle(fw.label) ? fw.label : 'rule',
      toDevice: new Set(strings(fw.toDevice).map((c) => c.toLowerCase())),
      ifdir: directions(fw.ifdir),
      connDirection: directions(fw.connDirection),
    };
    for (const p of strings(fw.products)) firewalls.set(`${fw.vendor}|${p}`.toLowerCase(), entry);
  }
  const keys = new Map<string, number>();
  if (typeof doc.keys === 'object' && doc.keys !== null) for (const [k, r] of Object.entries(doc.keys)) if (isRole(r)) keys.set(k, SLOT[r]);
  return (knowledge = { firewalls, keys, actions: cefVerdictWords() });
}

const CUT_HEADER = fixedReason('truncated', 'LEEF header');
const TAB = 0x09;
const PIPE = 0x7c;

/** Index of `LEEF:` that opens a record in s[start, end) (`LEEF:1.0|`, after a tag too), -1 otherwise. */
export function leefAt(s: string, start: number, end: number): number {
  return siemHeaderAt(s, start, end, 'LEEF:', false);
}

/**
 * The delimiter a LEEF 2.0 header's field s[a, b) names: a character, its hex (`x5E`, `0x5e`,
 * `^`), empty for a tab; -1 when the field is no delimiter (an attribute: the field left out).
 */
function delimiterNamed(s: string, a: number, b: number): number {
  if (a === b) return TAB;
  if (b - a === 1) return s.charCodeAt(a) === 0x3d ? -1 : s.charCodeAt(a);
  const m = /^(?:0?[xX])([0-9A-Fa-f]{1,4})$/.exec(s.slice(a, b));
  return m === null ? -1 : parseInt(m[1]!, 16);
}

class LeefPayload implements PayloadParser {
  readonly format = ID;
  private readonly kb = known();
  private readonly dates = new SharedDates();
  private readonly rules = new Interner();
  private readonly hosts = new Interner();
  /** Value start and end of each role in the line, -1 when absent. */
  private readonly vs = new Int32Array(ROLES.length);
  private readonly ve = new Int32Array(ROLES.length);
  private readonly pipes = new Int32Array(6);
  private readonly packet = new SiemPacket({ src: 'src', dst: 'dst', proto: 'proto', srcPort: 'srcPort', dstPort: 'dstPort' });
  private lastProduct = '';
  private lastFirewall: Firewall | null = null;
  private readonly stamps: SiemStamps;
  private readonly patterns: PatternStamps;
  private yearInferred = false;
  private timeError: LineReason | null = null;

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry' | 'refDate'>,
  ) {
    this.stamps = new SiemStamps(ctx, 'devTime', new WallTimes(ctx));
    this.patterns = new PatternStamps(ctx, this.stamps.zones, 'devTime', 'devTimeFormat');
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    // A line with no header is all message.
    if (start >= end) {
      start = 0;
      end = s.length;
    }
    const at = leefAt(s, start, end);
    if (at < 0) return NOT_MINE;
    const p = this.pipes;
    let n = 0;
    for (let i = s.indexOf('|', at); i >= 0 && i < end && n < 5; i = s.indexOf('|', i + 1)) p[n++] = i;
    if (n < 5) return malformed(CUT_HEADER);
    let from = p[4]! + 1;
    let delim = -1;
    if (s.charCodeAt(at + 5) === 0x32) {
      // LEEF 2.0: the delimiter field, unless the vendor left it out (its place holds an attribute).
      const q = s.indexOf('|', from);
      if (q >= 0 && q < end && q - from <= 6) {
        delim = delimiterNamed(s, from, q);
        if (delim >= 0) from = q + 1;
      }
    }
    if (delim < 0) {
      const tab = s.indexOf('\t', from);
      delim = tab >= 0 && tab < end ? TAB : PIPE;
    }
    const kb = this.kb;
    const product = s.slice(p[0]! + 1, p[2]!);
    if (product !== this.lastProduct) {
      this.lastProduct = product;
      this.lastFirewall = kb.firewalls.get(product.toLowerCase()) ?? null;
    }
    const eventId = s.slice(p[3]! + 1, p[4]!);
    const fw = this.lastFirewall;
    if (fw === null) return new PayloadReject(false, reason('leef-not-firewall', '', shown(`${product.replace('|', ' ')}: ${eventId}`)));
    this.readAttributes(s, from, end, delim);
    const vs = this.vs;
    const cat = this.text(s, 'cat');
    if (fw.cats !== null && (cat === null || !startsWithAny(cat.toLowerCase(), fw.cats))) {
      return new PayloadReject(false, reason('leef-not-traffic', '', shown(`${product.replace('|', ' ')}: ${cat ?? eventId}`)));
    }
    const subtype = this.text(s, 'subtype');
    const act = this.text(s, 'action') ?? eventId;
    if (fw.halves.size > 0) {
      const half = subtype !== null && fw.halves.has(subtype.toLowerCase()) ? subtype : fw.halves.has(act.toLowerCase()) ? act : null;
      if (half !== null) return new PayloadReject(false, reason('leef-session-half', '', shown(half)));
    }
    const action = kb.actions.get(act.toLowerCase());
    if (action === undefined) return new PayloadReject(false, reason('leef-not-verdict', '', shown(`${product.replace('|', ' ')}: ${act}`)));

    const src = this.text(s, 'src');
    const dst = this.text(s, 'dst');
    if (src === null && dst === null) return new PayloadReject(false, reason('leef-no-packet', '', shown(act)));
    const ve = this.ve;
    const pk = this.packet;
    const bad = pk.read(src, dst, this.text(s, 'proto'), s, vs[SLOT.srcPort]!, ve[SLOT.srcPort]!, vs[SLOT.dstPort]!, ve[SLOT.dstPort]!);
    if (bad !== null) return bad;
    const proto = pk.proto;

    let time = head.time;
    let yearInferred = head.yearInferred;
    const devTime = this.text(s, 'devTime');
    if (devTime !== null) {
      const ms = this.timeOf(s, devTime, head);
      if (ms !== ms) return malformed(this.timeError!);
      time = this.dates.of(ms);
      yearInferred = this.yearInferred;
    }
    const count = vs[SLOT.count]! >= 0 ? siemCount(s, vs[SLOT.count]!, ve[SLOT.count]!, head) : head.count;
    if (count < 0) return malformed(reason('not-a-number', 'RepeatCount', shown(this.raw(s, SLOT.count))));
    const icmp: IcmpInfo | null = proto === 'icmp' || proto === 'icmpv6' ? siemIcmp(this.text(s, 'icmpType'), this.text(s, 'icmpCode')) : null;
    const fromZone = this.zoneOf(s, fw, 'fromZone');
    const toZone = this.zoneOf(s, fw, 'toZone');
    const toDevice = fw.toDevice.size > 0 && ((cat !== null && fw.toDevice.has(cat.toLowerCase())) || (subtype !== null && fw.toDevice.has(subtype.toLowerCase())));
    const direction = toDevice ? 'in' : this.direction(s, fw, fromZone, toZone);
    const [inIface, outIface] = this.ifaces(s, fw, direction);
    const rule = vendorRuleLabel(fw.label, this.text(s, 'ruleset'), this.text(s, 'ruleId'), this.text(s, 'rule'), fromZone, toZone, direction === 'in');
    const host = this.text(s, 'host');

    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: host === null ? head.host : this.hosts.of(flat(host)),
      format: ID,
      action,
      direction,
      rule: rule === null ? null : this.rules.of(flat(rule)),
      inIface,
      outIface,
      proto,
      ipVersion: pk.ipVersion,
      src: { ip: pk.src, port: pk.srcPort },
      dst: { ip: pk.dst, port: pk.dstPort },
      ttl: null,
      len: null,
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      icmp,
      count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /**
   * The attributes s[from, end) into the role slots: each `key=value` between delimiters, the
   * value everything after the key's first `=` (Check Point's values may hold an escaped one).
   * The first of a role's keys counts (PAN-OS writes `action` and `Action` alike).
   */
  private readAttributes(s: string, from: number, end: number, delim: number): void {
    const vs = this.vs;
    const ve = this.ve;
    vs.fill(-1);
    const keys = this.kb.keys;
    const d = String.fromCharCode(delim);
    let a = from;
    while (a < end) {
      let b = s.indexOf(d, a);
      if (b < 0 || b > end) b = end;
      const e = s.indexOf('=', a);
      if (e > a && e < b) {
        const slot = keys.get(s.slice(a, e));
        if (slot !== undefined && vs[slot]! < 0) {
          vs[slot] = e + 1;
          ve[slot] = b;
        }
      }
      a = b + 1;
    }
  }

  private raw(s: string, slot: number): string {
    return s.slice(this.vs[slot]!, this.ve[slot]!);
  }

  /** A role's value, unescaped (`\=`, `\|`, `\\`); null when absent or empty. */
  private text(s: string, r: Role): string | null {
    const i = SLOT[r];
    if (this.vs[i]! < 0 || this.vs[i] === this.ve[i]) return null;
    const t = this.raw(s, i).trim();
    if (t === '') return null;
    return t.indexOf('\\') < 0 ? t : t.replace(/\\([=|\\])/g, '$1');
  }

  private zoneOf(s: string, fw: Firewall, r: 'fromZone' | 'toZone'): string | null {
    const z = this.text(s, r);
    return z === null || fw.zones.isNone(z) ? null : z;
  }

  /** The zones as the vendor's native format reads them, else its ifdir or conn_direction words. */
  private direction(s: string, fw: Firewall, fromZone: string | null, toZone: string | null): Direction | null {
    const z = fw.zones.direction(fromZone, toZone);
    if (z !== null) return z;
    if (fw.connDirection.size > 0) {
      const c = this.text(s, 'connDirection');
      const d = c === null ? undefined : fw.connDirection.get(c);
      if (d !== undefined) return d;
    }
    if (fw.ifdir.size > 0) {
      const i = this.text(s, 'ifdir');
      const d = i === null ? undefined : fw.ifdir.get(i);
      if (d !== undefined) return d;
    }
    return null;
  }

  /** In and out interface; Check Point names one, `ifname`, on the side `ifdir` says, as its native log. */
  private ifaces(s: string, fw: Firewall, direction: Direction | null): [string | null, string | null] {
    let inIface = this.text(s, 'inIface');
    let outIface = this.text(s, 'outIface');
    if (inIface === null && outIface === null) {
      const one = this.text(s, 'iface');
      if (one !== null) {
        if (this.text(s, 'ifdir') === 'outbound') outIface = one;
        else inIface = one;
      }
    }
    if (fw.label === 'fortigate' && direction === 'in') outIface = fortigateLocalOut(outIface, this.text(s, 'vdom'));
    return [inIface === null ? null : flat(inIface), outIface === null ? null : flat(outIface)];
  }

  /** devTime in ms by devTimeFormat when given, else as IBM's default; NaN with timeError set when it is no time. */
  private timeOf(s: string, devTime: string, head: RecordHead): number {
    const pattern = this.text(s, 'devTimeFormat');
    const reader = pattern === null ? this.stamps : this.patterns;
    const ms = pattern === null ? this.stamps.read(devTime, head) : this.patterns.read(devTime, pattern, head);
    this.yearInferred = reader.yearInferred;
    this.timeError = reader.error;
    return ms;
  }
}

function startsWithAny(t: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (t.startsWith(p)) return true;
  return false;
}

export function createLeefPayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry' | 'refDate'>): PayloadParser {
  return new LeefPayload(ctx.file, ctx);
}

/** Sniff-only: a LEEF header at the line's start or after a syslog header. */
const SNIFF = /(?:^|\s)LEEF:\d(?:\.\d+)?\|[^|]*\|[^|]*\|[^|]*\|[^|]*\|/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (SNIFF.test(l)) records++;
  return recordShare(records, lines.length);
}

export const leefFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<14>Nov 20 06:30:12 PA-3220 LEEF:1.0|Palo Alto Networks|PAN-OS Syslog Integration|10.2.4|allow|cat=TRAFFIC|ReceiveTime=2026/11/20 06:30:12|SerialNumber=012801000000|Type=TRAFFIC|Subtype=end|devTime=Nov 20 2026 05:30:12 GMT|src=192.168.1.23|dst=198.51.100.80|srcPostNAT=203.0.113.1|dstPostNAT=198.51.100.80|RuleName=lan-out|usrName=|Application=ssl|VirtualSystem=vsys1|SourceZone=trust|DestinationZone=untrust|IngressInterface=ethernet1/2|EgressInterface=ethernet1/1|SessionID=33512|RepeatCount=1|srcPort=50514|dstPort=443|proto=tcp|action=allow|DeviceName=PA-3220',
    'LEEF:2.0|Check Point|VPN-1 & FireWall-1|1.0|Drop|x09|cat=VPN-1 & FireWall-1\tdevTime=1795155901\taction=Drop\tifdir=inbound\tifname=eth1\tinzone=External\toutzone=Internal\tlayer_name=Network\trule=7\trule_name=Cleanup\tsrc=203.0.113.7\tdst=198.51.100.2\tproto=6\ts_port=41234\tservice=23',
  ],
  sniff,
  // An allowed record is one connection the firewall let through (the products listed
  // log one per session), counted as connections; a denied one is a blocked packet.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createLeefPayload, 'LEEF:', true),
  // The labels are cef's, in the vendors' native shapes.
  ruleFields: cefRuleFields,
};
