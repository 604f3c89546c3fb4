// Common Event Format (ArcSight's CEF) records of firewalls, bare or behind a syslog header
// (a device's own or a relay's):
//
//   <134>Nov 20 06:25:01 fw1 CEF:0|Check Point|VPN-1 & FireWall-1|R81.20|Log|Drop|Unknown|act=Drop deviceDirection=0 rt=1795155901000 spt=41234 dpt=23 src=203.0.113.7 dst=198.51.100.2 proto=TCP
//
// The header: `CEF:Version|Device Vendor|Device Product|Device Version|Signature ID|Name|
// Severity|`, `\|` and `\\` escaped; FortiOS writes `CEF: 0|`. The extension: `key=value`
// pairs, a value running to the next ` key=` (so it may hold spaces), `\=`, `\\`, `\n`
// escaped; a key is the dictionary's short name (`src`) or, as some devices write, its full
// name (`sourceAddress`), the aliases in signatures/cef.json.
//
// Which records: CEF carries anything (IDS alerts, logins, web requests), so only the
// records of a firewall product named in signatures/cef.json (vendor and product from the
// header; or any product an ArcSight connector filed under categoryDeviceGroup /Firewall)
// with a packet filter verdict are read: `act` in that file's verdict words (Drop, Deny,
// Accept, permit, blocked …), else the record's Name when the vendor writes its verdict there
// (Forcepoint's Connection_Discarded). Other products are skipped saying vendor, product and
// Name (cef-not-firewall); a firewall's record of another kind (its Name outside the product's
// traffic names, an act that is no verdict) saying the same and its act (cef-not-verdict); a
// session's other record (PAN-OS start, Forcepoint Connection_Closed) saying its Name
// (cef-session-half), its one counted record standing for it; a verdict with no address at
// all (cef-no-packet).
//
// Mapping. Addresses: `src`/`dst`, else the custom IPv6 addresses labelled Source/Destination
// IPv6 Address (`c6a2`/`c6a3`). Ports `spt`/`dpt`, protocol `proto` (word or number). Time
// `rt`: epoch milliseconds (seconds when 10 digits or fewer), `MMM dd [yyyy] HH:mm:ss[.SSS]
// [zone]` or ISO 8601; without a zone, or with an abbreviation that is no zone id (CEST), in
// --tz; absent, the syslog header's time. Host
// `dvchost`, else `dvc`, else the header's. Count `cnt` (baseEventCount). Interfaces
// `deviceInboundInterface`/`deviceOutboundInterface`, else Check Point's one `ifname` on the
// side deviceDirection says. Direction: the zones (labelled custom strings, Check Point's
// inzone/outzone) by their sides in signatures/cef.json, else the destination being the
// device's own `dvc` (in), else `deviceDirection` as the vendor means it (Check Point's is its
// ifdir: 0 in; others' 0 forward, what a vendor calls inbound being often its interface's side,
// not the network's; 1 out), else unknown (--home-net decides). Rule label `[ruleset: ]rule ID|- ["name"]
// [from->to]`, from the custom strings whose labels name a rule, its id or a zone.
// An allowed record stands for a connection (the firewalls listed log one per session they
// let through), a denied one for a packet (`cnt` of them when folded).
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { flagNames, flagWordBit, shown } from './fields.js';
import { WallTimes } from './local-time.js';
import { SiemStamps } from './siem-stamp.js';
import { siemCount, siemHeaderAt, siemIcmp, SiemPacket } from './siem-record.js';
import { malformed, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { syslogPayloadCreate } from './payload-dispatch.js';
import { fixedReason, reason, type LineReason } from './reason.js';
import { readSignatureData } from './signature-data.js';
import { recordShare, type FormatDefinition, type ParseContext, type RuleFields } from './types.js';
import { zonedRuleFields } from './rule-label.js';
import { isZoneConventionId, zoneConvention, type ZoneConvention } from './zone-direction.js';
import { paloaltoRuleFields, paloaltoRuleLabel } from './paloalto.js';
import { FORTIGATE_LOCAL, fortigateLocalOut, fortigateRuleFields, fortigateRuleLabel } from './fortigate.js';
import { xgRuleFields } from './sophos-xg.js';
import { SharedDates } from '../util/shared-date.js';
import { flat } from '../util/flat-string.js';
import { Interner } from '../util/interner.js';

const ID = 'cef';

/** What a labelled custom field or a vendor's own key holds (signatures/cef.json). */
type Role = 'rule' | 'ruleId' | 'ruleset' | 'fromZone' | 'toZone' | 'src6' | 'dst6' | 'icmpType' | 'icmpCode' | 'tcpFlags' | 'vdom' | 'iface';
const ROLES: readonly Role[] = ['rule', 'ruleId', 'ruleset', 'fromZone', 'toZone', 'src6', 'dst6', 'icmpType', 'icmpCode', 'tcpFlags', 'vdom', 'iface'];
/** How a vendor's native format writes a rule label, which its CEF records' labels follow (signatures/cef.json `label`). */
export type LabelStyle = 'rule' | 'fw_rule' | 'paloalto' | 'fortigate';
export const isLabelStyle = (v: unknown): v is LabelStyle => v === 'rule' || v === 'fw_rule' || v === 'paloalto' || v === 'fortigate';

interface Firewall {
  /** Lower-cased Name prefixes of the records that are traffic; null: every record. */
  readonly names: readonly string[] | null;
  /** Lower-cased signature ids, Names or acts of a session's other record. */
  readonly halves: ReadonlySet<string>;
  /** The header's Name is the rule's (Trend Micro's firewall rules), when no field names one. */
  readonly nameIsRule: boolean;
  /** The vendor's zone convention (signatures/zone-sides.json), its native format's. */
  readonly zones: ZoneConvention;
  readonly label: LabelStyle;
  /** Lower-cased Name prefixes of traffic to the device itself (FortiGate's traffic:local). */
  readonly toDevice: readonly string[];
  /** What deviceDirection 0 and 1 say, as the vendor's native format reads the field it maps there. */
  readonly deviceDirection: readonly [Direction | null, Direction | null];
}

interface Knowledge {
  /** `vendor|product`, lower-cased. */
  readonly firewalls: ReadonlyMap<string, Firewall>;
  /** A product an ArcSight connector filed as a firewall. */
  readonly anyRecord: Firewall;
  readonly categories: ReadonlySet<string>;
  readonly actions: ReadonlyMap<string, Action>;
  readonly nameActions: ReadonlyMap<string, Action>;
  readonly aliases: ReadonlyMap<string, string>;
  readonly labels: ReadonlyMap<string, Role>;
  readonly vendorKeys: ReadonlyMap<string, Role>;
}

let knowledge: Knowledge | null = null;

function entries(o: unknown): [string, unknown][] {
  return typeof o === 'object' && o !== null ? Object.entries(o as Record<string, unknown>) : [];
}

function strings(o: unknown): string[] {
  return Array.isArray(o) ? o.filter((x): x is string => typeof x === 'string') : [];
}

const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);
const isAction = (v: unknown): v is Action => v === 'drop' || v === 'reject' || v === 'allow' || v === 'other';
const isDirection = (v: unknown): v is Direction => v === 'in' || v === 'out' || v === 'forward';

/** `{ "0": "forward", "1": "out" }` as the pair deviceDirection 0 and 1 read as; `fallback` where it says nothing. */
function deviceDirections(o: unknown, fallback: readonly [Direction | null, Direction | null]): readonly [Direction | null, Direction | null] {
  if (typeof o !== 'object' || o === null) return fallback;
  const m = o as Record<string, unknown>;
  return [isDirection(m['0']) ? m['0'] : null, isDirection(m['1']) ? m['1'] : null];
}

/** signatures/cef.json, read when the first CEF record is. */
function known(): Knowledge {
  if (knowledge !== null) return knowledge;
  const doc = readSignatureData('cef.json') as Record<string, unknown>;
  const commonDirections = deviceDirections(doc.deviceDirection, [null, null]);
  const firewalls = new Map<string, Firewall>();
  for (const fw of Array.isArray(doc.firewalls) ? (doc.firewalls as Record<string, unknown>[]) : []) {
    if (typeof fw.vendor !== 'string') continue;
    const names = fw.names === undefined ? null : strings(fw.names).map((n) => n.toLowerCase());
    const entry: Firewall = {
      names,
      halves: new Set(strings(fw.halves).map((h) => h.toLowerCase())),
      nameIsRule: fw.nameIsRule === true,
      zones: zoneConvention(isZoneConventionId(fw.zones) ? fw.zones : 'cef'),
      label: isLabelStyle(fw.label) ? fw.label : 'rule',
      toDevice: strings(fw.toDevice).map((n) => n.toLowerCase()),
      deviceDirection: deviceDirections(fw.deviceDirection, commonDirections),
    };
    for (const p of strings(fw.products)) firewalls.set(`${fw.vendor}|${p}`.toLowerCase(), entry);
  }
  const actions = new Map<string, Action>();
  for (const [a, words] of entries(doc.actions)) if (isAction(a)) for (const w of strings(words)) actions.set(w.toLowerCase(), a);
  const nameActions = new Map<string, Action>();
  for (const [n, a] of entries(doc.nameActions)) if (isAction(a)) nameActions.set(n, a);
  const aliases = new Map<string, string>();
  for (const [k, v] of entries(doc.keyAliases)) if (typeof v === 'string') aliases.set(k, v);
  const labels = new Map<string, Role>();
  for (const [k, v] of entries(doc.labels)) if (isRole(v)) labels.set(k.toLowerCase(), v);
  const vendorKeys = new Map<string, Role>();
  for (const [k, v] of entries(doc.vendorKeys)) if (isRole(v)) vendorKeys.set(k, v);
  return (knowledge = {
    firewalls, anyRecord: { ...ANY_RECORD, deviceDirection: commonDirections }, categories: new Set(strings(doc.firewallCategories)), actions, nameActions, aliases, labels, vendorKeys,
  });
}

/** The verdict words `act` is read from, by action (tests). */
export function cefVerdictWords(): ReadonlyMap<string, Action> {
  return known().actions;
}

// The extension's keys logscan reads, as slots; a custom field's value and label are apart.
const KEYS = [
  'src', 'dst', 'spt', 'dpt', 'proto', 'act', 'rt', 'cnt', 'dvchost', 'dvc', 'deviceDirection',
  'deviceInboundInterface', 'deviceOutboundInterface', 'categoryDeviceGroup',
  'cs1', 'cs2', 'cs3', 'cs4', 'cs5', 'cs6', 'cn1', 'cn2', 'cn3', 'c6a2', 'c6a3',
  'cs1Label', 'cs2Label', 'cs3Label', 'cs4Label', 'cs5Label', 'cs6Label', 'cn1Label', 'cn2Label', 'cn3Label', 'c6a2Label', 'c6a3Label',
] as const;
type Key = (typeof KEYS)[number];
const SLOT = Object.fromEntries(KEYS.map((k, i) => [k, i])) as Record<Key, number>;
/** The labelled fields: value slot, label slot. */
const CUSTOM: readonly (readonly [number, number])[] = (['cs1', 'cs2', 'cs3', 'cs4', 'cs5', 'cs6', 'cn1', 'cn2', 'cn3', 'c6a2', 'c6a3'] as const).map(
  (k) => [SLOT[k], SLOT[`${k}Label` as Key]] as const,
);
const NSLOTS = KEYS.length + ROLES.length;
const ROLE_SLOT = Object.fromEntries(ROLES.map((r, i) => [r, KEYS.length + i])) as Record<Role, number>;

const HEADER = 'CEF header';
const CUT_HEADER = fixedReason('truncated', HEADER);


function isKeyChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x2d || c === 0x5b || c === 0x5d;
}

/** Whether s[i] follows an odd run of backslashes (is escaped). */
function escaped(s: string, i: number, from: number): boolean {
  let n = 0;
  while (i - 1 - n >= from && s.charCodeAt(i - 1 - n) === 0x5c) n++;
  return (n & 1) === 1;
}

function unescapeHeader(t: string): string {
  return t.indexOf('\\') < 0 ? t : t.replace(/\\([|\\])/g, '$1');
}

function unescapeValue(t: string): string {
  if (t.indexOf('\\') < 0) return t;
  return t.replace(/\\([=\\nr|])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/** Index of `CEF:` that opens a record in s[start, end) (FortiOS writes `CEF: 0|`), -1 otherwise. */
export function cefAt(s: string, start: number, end: number): number {
  return siemHeaderAt(s, start, end, 'CEF:', true);
}

class CefPayload implements PayloadParser {
  readonly format = ID;
  private readonly kb = known();
  private readonly dates = new SharedDates();
  private readonly rules = new Interner();
  /** Value start and end of each slot in the line, -1 when absent. */
  private readonly vs = new Int32Array(NSLOTS);
  private readonly ve = new Int32Array(NSLOTS);
  private readonly pipes = new Int32Array(7);
  private readonly packet = new SiemPacket({ src: 'src', dst: 'dst', proto: 'proto', srcPort: 'spt', dstPort: 'dpt' });
  private lastProduct = '';
  private lastFirewall: Firewall | null = null;
  private lastHost = '';
  private timeError: LineReason | null = null;
  private readonly stamps: SiemStamps;

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry' | 'refDate'>,
  ) {
    this.stamps = new SiemStamps(ctx, 'rt', new WallTimes(ctx));
  }

  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject {
    // A line with no header is all message.
    if (start >= end) {
      start = 0;
      end = s.length;
    }
    const at = cefAt(s, start, end);
    if (at < 0) return NOT_MINE;
    const p = this.pipes;
    let n = 0;
    for (let i = s.indexOf('|', at); i >= 0 && i < end && n < 7; i = s.indexOf('|', i + 1)) {
      if (!escaped(s, i, at)) p[n++] = i;
    }
    if (n < 7) return malformed(CUT_HEADER);
    const kb = this.kb;
    const product = s.slice(p[0]! + 1, p[2]!);
    if (product !== this.lastProduct) {
      this.lastProduct = product;
      const bar = product.indexOf('|');
      const key = `${unescapeHeader(product.slice(0, bar))}|${unescapeHeader(product.slice(bar + 1))}`.toLowerCase();
      this.lastFirewall = kb.firewalls.get(key) ?? null;
    }
    this.readExtension(s, p[6]! + 1, end);
    const vs = this.vs;
    const name = unescapeHeader(s.slice(p[4]! + 1, p[5]!));
    let fw = this.lastFirewall;
    if (fw === null && vs[SLOT.categoryDeviceGroup]! >= 0 && kb.categories.has(this.text(s, SLOT.categoryDeviceGroup))) fw = kb.anyRecord;
    if (fw === null) return new PayloadReject(false, reason('cef-not-firewall', '', shown(`${unescapeHeader(product).replace('|', ' ')}: ${name}`)));
    const act = vs[SLOT.act]! >= 0 ? this.text(s, SLOT.act) : null;
    if (fw.names !== null && !startsWithAny(name.toLowerCase(), fw.names)) return this.notVerdict(product, name, act);
    if (fw.halves.size > 0) {
      const sig = s.slice(p[3]! + 1, p[4]!).toLowerCase();
      const half = fw.halves.has(sig) ? sig : fw.halves.has(name.toLowerCase()) ? '' : act !== null && fw.halves.has(act.toLowerCase()) ? `act ${act}` : null;
      if (half !== null) return new PayloadReject(false, reason('cef-session-half', '', shown(half === '' ? name : `${name} (${half})`)));
    }
    const action = (act === null ? undefined : kb.actions.get(act.toLowerCase())) ?? kb.nameActions.get(name);
    if (action === undefined) return this.notVerdict(product, name, act);

    const src = vs[SLOT.src]! >= 0 ? this.text(s, SLOT.src) : this.role(s, 'src6');
    const dst = vs[SLOT.dst]! >= 0 ? this.text(s, SLOT.dst) : this.role(s, 'dst6');
    if (src === null && dst === null) return new PayloadReject(false, reason('cef-no-packet', '', shown(name)));
    const ve = this.ve;
    const pk = this.packet;
    const bad = pk.read(src, dst, vs[SLOT.proto]! >= 0 ? this.text(s, SLOT.proto) : null, s, vs[SLOT.spt]!, ve[SLOT.spt]!, vs[SLOT.dpt]!, ve[SLOT.dpt]!);
    if (bad !== null) return bad;
    const proto = pk.proto;

    let time = head.time;
    let yearInferred = head.yearInferred;
    if (vs[SLOT.rt]! >= 0) {
      const ms = this.timeOf(s, head);
      if (ms !== ms) return malformed(this.timeError!);
      time = this.dates.of(ms);
      yearInferred = this.yearInferred;
    }
    let count = head.count;
    if (vs[SLOT.cnt]! >= 0) {
      count = siemCount(s, vs[SLOT.cnt]!, ve[SLOT.cnt]!, head);
      if (count < 0) return malformed(reason('not-a-number', 'cnt', shown(this.text(s, SLOT.cnt))));
    }

    // FortiOS writes the ICMP type and code in hex (`FTNTFGTicmptype=0x08`), as in its native log.
    const icmp: IcmpInfo | null = proto === 'icmp' || proto === 'icmpv6' ? siemIcmp(this.role(s, 'icmpType'), this.role(s, 'icmpCode')) : null;
    const fromZone = this.zoneOf(s, fw, 'fromZone');
    const toZone = this.zoneOf(s, fw, 'toZone');
    const dvc = vs[SLOT.dvc]! >= 0 ? this.text(s, SLOT.dvc) : null;
    const direction = this.direction(s, fw, name, fromZone, toZone, dvc, pk.dst);
    const [inIface, outIface] = this.ifaces(s, fw, direction);

    return {
      time,
      yearInferred,
      uptime: head.uptime,
      host: this.host(s, head.host),
      format: ID,
      action,
      direction,
      rule: this.rule(s, fw, fromZone, toZone, direction, fw.nameIsRule ? name : null),
      inIface,
      outIface,
      proto,
      ipVersion: pk.ipVersion,
      src: { ip: pk.src, port: pk.srcPort },
      dst: { ip: pk.dst, port: pk.dstPort },
      ttl: null,
      len: null,
      tcpFlags: proto === 'tcp' ? this.flags(s) : null,
      tcpWindow: null,
      pid: null,
      icmp,
      count,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  private notVerdict(product: string, name: string, act: string | null): PayloadReject {
    const what = `${unescapeHeader(product).replace('|', ' ')}: ${name}${act === null ? '' : ` (act ${act})`}`;
    return new PayloadReject(false, reason('cef-not-verdict', '', shown(what)));
  }

  /**
   * The extension s[from, end) into the slots: each unescaped `=` with a key before it (a
   * run of key characters after a space or the extension's start) opens a pair; its value
   * ends at the space before the next such key. An `=` inside a value (unescaped, as some
   * devices leave a URL's) has no space before its key characters and stays in the value.
   */
  private readExtension(s: string, from: number, end: number): void {
    const vs = this.vs;
    const ve = this.ve;
    vs.fill(-1);
    const kb = this.kb;
    let slot = -1;
    for (let e = s.indexOf('=', from); e >= 0 && e < end; e = s.indexOf('=', e + 1)) {
      let k = e;
      while (k > from && e - k < 100 && isKeyChar(s.charCodeAt(k - 1))) k--;
      if (k === e || (k > from && s.charCodeAt(k - 1) !== 0x20) || escaped(s, e, from)) continue;
      if (slot >= 0) ve[slot] = trimEnd(s, vs[slot]!, k);
      const key = s.slice(k, e);
      const short = kb.aliases.get(key) ?? key;
      const i = (SLOT as Record<string, number | undefined>)[short];
      if (i !== undefined) slot = i;
      else {
        const r = kb.vendorKeys.get(key);
        slot = r === undefined ? -1 : ROLE_SLOT[r];
      }
      // The first of a repeated key counts, as the vendors' own readers take it.
      if (slot >= 0 && vs[slot]! >= 0) slot = -1;
      if (slot >= 0) vs[slot] = e + 1;
    }
    if (slot >= 0) ve[slot] = trimEnd(s, vs[slot]!, end);
    // A labelled custom field takes the role its label names.
    for (const [v, l] of CUSTOM) {
      if (vs[v]! < 0 || vs[l]! < 0) continue;
      const role = kb.labels.get(this.text(s, l).toLowerCase());
      if (role === undefined) continue;
      const r = ROLE_SLOT[role];
      if (vs[r]! >= 0) continue;
      vs[r] = vs[v]!;
      ve[r] = ve[v]!;
    }
  }

  private text(s: string, slot: number): string {
    return unescapeValue(s.slice(this.vs[slot]!, this.ve[slot]!));
  }

  private role(s: string, r: Role): string | null {
    const i = ROLE_SLOT[r];
    if (this.vs[i]! < 0) return null;
    const t = this.text(s, i);
    return t === '' ? null : t;
  }

  /** An interface; empty (PAN-OS's `deviceOutboundInterface=` of a dropped packet) is none, as in the native log. */
  private iface(s: string, slot: number): string | null {
    return this.vs[slot]! >= 0 && this.ve[slot]! > this.vs[slot]! ? flat(this.text(s, slot)) : null;
  }

  /**
   * In and out interface. Check Point's CEF names one, `ifname`, the way deviceDirection (its
   * ifdir) says, as its native log; FortiOS names the vdom as the out interface of traffic to
   * the FortiGate itself, which its native reading takes for none.
   */
  private ifaces(s: string, fw: Firewall, direction: Direction | null): [string | null, string | null] {
    let inIface = this.iface(s, SLOT.deviceInboundInterface);
    let outIface = this.iface(s, SLOT.deviceOutboundInterface);
    if (inIface === null && outIface === null) {
      const one = this.iface(s, ROLE_SLOT.iface);
      if (one !== null) {
        if (this.deviceDirection(s) === 1) outIface = one;
        else inIface = one;
      }
    }
    if (fw.label === 'fortigate' && direction === 'in') outIface = fortigateLocalOut(outIface, this.role(s, 'vdom'));
    return [inIface, outIface];
  }

  /** deviceDirection's 0 or 1; -1 when absent or anything else. */
  private deviceDirection(s: string): number {
    const d = this.vs[SLOT.deviceDirection]!;
    if (d < 0 || this.ve[SLOT.deviceDirection]! - d !== 1) return -1;
    const c = s.charCodeAt(d) - 0x30;
    return c === 0 || c === 1 ? c : -1;
  }

  private host(s: string, header: string | null): string | null {
    const vs = this.vs;
    const slot = vs[SLOT.dvchost]! >= 0 ? SLOT.dvchost : vs[SLOT.dvc]! >= 0 ? SLOT.dvc : -1;
    if (slot < 0) return header;
    const a = vs[slot]!;
    const b = this.ve[slot]!;
    if (a === b) return header;
    const h = this.lastHost;
    if (h.length === b - a && s.startsWith(h, a)) return h;
    return (this.lastHost = flat(this.text(s, slot)));
  }

  /** A zone (or FortiGate's interface role), null when absent or a word for none (`undefined`). */
  private zoneOf(s: string, fw: Firewall, r: 'fromZone' | 'toZone'): string | null {
    const z = this.role(s, r);
    return z === null || fw.zones.isNone(z) ? null : z;
  }

  private direction(s: string, fw: Firewall, name: string, fromZone: string | null, toZone: string | null, dvc: string | null, dst: string): Direction | null {
    if (fw.toDevice.length > 0 && startsWithAny(name.toLowerCase(), fw.toDevice)) return 'in';
    // The zones as the vendor's native format reads them, so both ways of logging agree.
    const z = fw.zones.direction(fromZone, toZone);
    if (z !== null) return z;
    // To the device's own address: whatever the vendor's deviceDirection means by inbound.
    if (dvc !== null && dvc === dst) return 'in';
    const d = this.deviceDirection(s);
    return d < 0 ? null : fw.deviceDirection[d]!;
  }

  /**
   * In the vendor's native words where it has a format here (PAN-OS's `interzone-default
   * untrust->trust`, FortiGate's `policy 0 wan->local`), else `Network: rule 605.0 "Cleanup"
   * External->Internal`; null when the record names no rule and no zone.
   */
  private rule(s: string, fw: Firewall, fromZone: string | null, toZone: string | null, direction: Direction | null, headerName: string | null): string | null {
    const label = vendorRuleLabel(fw.label, this.role(s, 'ruleset'), this.role(s, 'ruleId'), this.role(s, 'rule') ?? headerName, fromZone, toZone, direction === 'in');
    return label === null ? null : this.rules.of(flat(label));
  }

  /** A custom string labelled TCP Flags (`0x00 ACK PSH`, `SYN`) as flag names; null when not logged. */
  private flags(s: string): string[] | null {
    const t = this.role(s, 'tcpFlags');
    if (t === null) return null;
    let bits = 0;
    for (const m of t.matchAll(/[A-Za-z]{3}/g)) bits |= flagWordBit(m[0], 0, 3);
    return bits === 0 ? null : flagNames(bits);
  }

  private yearInferred = false;

  /** `rt` in ms; NaN with timeError set when it is no time. */
  private timeOf(s: string, head: RecordHead): number {
    const ms = this.stamps.read(this.text(s, SLOT.rt), head);
    this.yearInferred = this.stamps.yearInferred;
    this.timeError = this.stamps.error;
    return ms;
  }
}

/**
 * A SIEM record's rule label in the vendor's native words where it has a format here (PAN-OS's
 * `interzone-default untrust->trust`, FortiGate's `policy 0 wan->local`), else `Network: rule
 * 605.0 "Cleanup" External->Internal`; null when the record names no rule and no zone. cef's
 * and leef's, so a vendor's records read alike in both and in its native log. `inbound`: the
 * record is traffic to the device (FortiOS gives its destination no role, as its native log).
 */
export function vendorRuleLabel(
  style: LabelStyle, set: string | null, id: string | null, name: string | null, fromZone: string | null, toZone: string | null, inbound: boolean,
): string | null {
  if (style === 'fortigate') return fortigateRuleLabel(set, id, name, fromZone, inbound && toZone === null ? FORTIGATE_LOCAL : toZone);
  if (id === null && name === null && fromZone === null && toZone === null) return null;
  if (style === 'paloalto') return paloaltoRuleLabel(name ?? '', fromZone ?? '', toZone ?? '');
  let label = set === null ? '' : `${set}: `;
  label += `${style} ${id === null ? '-' : id.replace(/\s+/g, '_')}`;
  if (name !== null) label += ` "${name.replace(/["\\]/g, '\\$&')}"`;
  if (fromZone !== null || toZone !== null) label += ` ${fromZone?.replace(/\s+/g, '_') ?? '-'}->${toZone?.replace(/\s+/g, '_') ?? '-'}`;
  return label;
}

/** A product an ArcSight connector filed as a firewall: every record may be traffic (deviceDirection as cef.json's common reading). */
const ANY_RECORD: Omit<Firewall, 'deviceDirection'> = { names: null, halves: new Set(), nameIsRule: false, zones: zoneConvention('cef'), label: 'rule', toDevice: [] };

function startsWithAny(t: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (t.startsWith(p)) return true;
  return false;
}

function trimEnd(s: string, a: number, b: number): number {
  while (b > a && s.charCodeAt(b - 1) === 0x20) b--;
  return b;
}

export function createCefPayload(ctx: Pick<ParseContext, 'file' | 'tz' | 'zoneNote' | 'timeCarry' | 'refDate'>): PayloadParser {
  return new CefPayload(ctx.file, ctx);
}

/** Sniff-only: a CEF header at the line's start or after a syslog header. */
const SNIFF = /(?:^|\s)CEF: ?\d+(?:\.\d+)?\|(?:[^|\\]|\\.)*\|(?:[^|\\]|\\.)*\|/;

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (SNIFF.test(l)) records++;
  return recordShare(records, lines.length);
}

const ruleLabelFields = zonedRuleFields({ word: 'rule', head: 'ruleset' });
/** `[ruleset: ]rule ID…`, its id no zone pair: the label of a vendor with no native format here, and Check Point's. */
const RULE_SHAPE = /^(?:.+?: )?rule (?!\S*->)\S+(?: "|$| \S*->)/;
const FW_RULE_SHAPE = /^(?:.+?: )?fw_rule (?!\S*->)\S+(?: "|$| \S*->)/;
/** FortiGate's `policy 4 …`, `local-in-policy6 0 …`: a policy type and its id. */
const FORTIGATE_SHAPE = /^(?:[a-z0-9]+-)*policy6? \d+(?: |$)/;

/**
 * The rule label in ECS terms, read as the native format of the vendor that wrote it (each
 * label says by its shape): ruleset, id, name, the observer's zones. Anything else is PAN-OS's
 * `name from->to`.
 */
export function cefRuleFields(rule: string): RuleFields {
  if (RULE_SHAPE.test(rule)) return ruleLabelFields(rule);
  if (FW_RULE_SHAPE.test(rule)) return xgRuleFields(rule);
  if (FORTIGATE_SHAPE.test(rule)) return fortigateRuleFields(rule);
  return paloaltoRuleFields(rule);
}

export const cefFormat: FormatDefinition = {
  id: ID,
  examples: [
    '<134>Nov 20 06:25:01 fw1 CEF:0|Check Point|VPN-1 & FireWall-1|Check Point|Log|Drop|Unknown|act=Drop deviceDirection=0 rt=1795155901000 spt=41234 dpt=23 src=203.0.113.7 dst=198.51.100.2 proto=TCP inzone=External outzone=Internal cs2Label=Rule Name cs2=Cleanup rule ifname=eth1 deviceInboundInterface=eth1',
    'CEF:0|Palo Alto Networks|PAN-OS|10.2.4|end|TRAFFIC|1|rt=Nov 20 2026 06:30:12 GMT deviceExternalId=012801000001 src=192.168.2.23 dst=198.51.100.80 sourceTranslatedAddress=203.0.113.1 destinationTranslatedAddress=198.51.100.80 cs1Label=Rule cs1=lan-to-internet suser= duser= app=ssl cs3Label=Virtual System cs3=vsys1 cs4Label=Source Zone cs4=trust cs5Label=Destination Zone cs5=untrust deviceInboundInterface=ethernet1/2 deviceOutboundInterface=ethernet1/1 cnt=1 spt=50514 dpt=443 sourceTranslatedPort=41022 destinationTranslatedPort=443 proto=tcp act=allow',
    'Nov 20 06:31:40 smc CEF:0|FORCEPOINT|Firewall|6.10.5|70019|Connection_Discarded|0|deviceExternalId=fw-edge node 1 dvc=192.0.2.1 dvchost=192.0.2.1 src=2001:db8::7 dst=2001:db8:1::1 proto=58 deviceOutboundInterface=255 deviceFacility=Packet Filtering rt=Nov 20 2026 06:31:40 app=Echo Request (No Code) cs1Label=RuleID cs1=605.0 cn1Label=ICMP Type cn1=128 cn2Label=ICMP Code cn2=0',
  ],
  sniff,
  // An allowed record is one connection the firewall let through (the products listed
  // log one per session), counted as connections; a denied one is a blocked packet.
  connectionRecords: { action: 'allow' },
  create: syslogPayloadCreate(createCefPayload, 'CEF:', true),
  ruleFields: cefRuleFields,
};
