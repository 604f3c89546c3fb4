// Azure Firewall logs as diagnostic settings write them to a storage account or an Event Hub:
// one JSON record per line (a storage blob's `{"records":[…]}` over many lines: `jq -c
// '.records[]'` makes it this). Two layouts, both told by `category`:
//
// - the legacy diagnostic categories, whose `properties.msg` is text:
//   {"category":"AzureFirewallNetworkRule","operationName":"AzureFirewallNetworkRuleLog","properties":{"msg":"TCP request from 203.0.113.7:41234 to 10.0.1.4:23. Action: Deny. "},"resourceId":"/SUBSCRIPTIONS/…/AZUREFIREWALLS/FW-HUB","time":"2026-11-20T05:25:01.1234567Z"}
//   (`ICMP Type=8 request from A to B. Action: Allow.`, `… Policy: P. Rule Collection Group: G.
//   Rule Collection: C. Rule: R`, NAT's `… to B:q was DNAT'ed to C:r`, threat intelligence's
//   `… Action: Deny. ThreatIntel: Bot Networks`, IDPS's `… Action: alert. Signature: …`);
// - the resource-specific (structured) tables, fields in `properties`: AZFWNetworkRule,
//   AZFWNatRule, AZFWThreatIntel (`Protocol`, `SourceIp`, `SourcePort`, `DestinationIp`,
//   `DestinationPort`, `Action`, `Policy`, `RuleCollectionGroup`, `RuleCollection`, `Rule`,
//   `TranslatedIp`, `ThreatDescription` …).
//
// What is read: network and NAT rule records (the packet filter's verdicts on connections) and
// threat intelligence Deny records (a connection dropped for its address). Skipped, saying the
// category: application rules (FQDN/HTTP(S) verdicts, about a name, not a probe of an address),
// DNS proxy, IDPS (a signature on traffic a rule already logged), flow trace, aggregation and
// metric records; a threat intelligence or IDPS Alert (traffic let through: its rule's record
// counts it); a record naming its destination by host name (no address to read).
//
// Mapping. Time: `time` (ISO 8601 with Z or an offset: absolute; Azure's `M/d/yyyy h:mm:ss
// [AM|PM] [±hh:mm]` too; no zone: --tz). Host: the firewall's name, from `resourceId`. Action:
// Allow → allow, one connection record (connectionRecords: Azure logs a connection, not its
// packets); Deny/Drop → drop, counted as one blocked packet (as Meraki's and AWS's denied flows);
// a DNAT record → allow (a DNAT rule lets the translated connection through). Direction: from
// the addresses (for DNAT the translated one): to this side's networks (--home-net, else the
// local ranges: a hub's spokes are private) from another is in, the reverse out, both this
// side's forward (east-west through the hub), neither unknown. Rule: `RuleCollectionGroup/
// RuleCollection/Rule` as logged (ECS rule.ruleset the group and collection, rule.name the
// rule); `policy:NAME` when only the policy is named; `ThreatIntel: DESCRIPTION` for threat
// intelligence. Azure logs no interface or zone.
//
// JSON.parse per line, after the sniffer's strings: a cloud export is small beside a kernel log.
import type { Action, FirewallEvent, IcmpInfo } from '../event.js';
import { addressVersion } from './address.js';
import { shown } from './fields.js';
import { WallTimes } from './local-time.js';
import { fixedReason, NOT_RECORD, reason, type LineReason } from './reason.js';
import { IsoStamps } from './iso-stamp.js';
import { jsonObjectLine, objectIn, shownValue, textIn, type Json } from './json-record.js';
import { impossible } from './timestamp.js';
import { recordShare, type FormatDefinition, type LineParser, type LineSink, type ParseContext, type RuleFields } from './types.js';
import { sideDirection } from '../util/egress.js';
import { Interner } from '../util/interner.js';
import { carriesPorts, protoByName } from '../util/protocols.js';
import { SharedDates } from '../util/shared-date.js';

const ID = 'azure-firewall';

/** Categories whose records are verdicts on connections; the others of the firewall are skipped. */
const LEGACY_RULES: ReadonlySet<string> = new Set(['AzureFirewallNetworkRule', 'AzureFirewallNatRule']);
const STRUCTURED_RULES: ReadonlySet<string> = new Set(['AZFWNetworkRule', 'AZFWNatRule', 'AZFWThreatIntel']);

const ACTIONS: Readonly<Record<string, Action | 'alert'>> = Object.assign(Object.create(null) as Record<string, Action | 'alert'>, {
  allow: 'allow',
  deny: 'drop',
  drop: 'drop',
  // Threat intelligence and IDPS in alert mode: the traffic went on, its rule's record counts it.
  alert: 'alert',
});

/** Layer-7 words a legacy msg starts with: the connection under them is TCP. */
const OVER_TCP: ReadonlySet<string> = new Set(['HTTP', 'HTTPS', 'MSSQL']);

const MISSING_MSG = fixedReason('missing', 'properties.msg');
const MISSING_TIME = fixedReason('missing', 'time');
const MISSING_ACTION = fixedReason('missing', 'Action');
const MISSING_SRC = fixedReason('missing', 'SourceIp');
const MISSING_DST = fixedReason('missing', 'DestinationIp');
const MISSING_PROTO = fixedReason('missing', 'Protocol');
const MISSING_DPORT = fixedReason('missing', 'DestinationPort');
const BAD_OFFSET = fixedReason('impossible-offset', 'time');
const ALERT_ONLY = fixedReason('azure-alert-only');
const BY_NAME = fixedReason('azure-host-name');

/** `PROTO[ Type=N] request from SRC to DST[ was DNAT'ed to NEW]` and what follows (`. Action: Deny. …`). */
const LEGACY_MSG = /^([A-Za-z0-9]+)(?: Type=(\d{1,3}))? +request from (\S+?) to (\S+?)(?: was DNAT'ed to (\S+?))?(?:\.+ +|\.*$)(.*)$/;

/** A port as JSON or text holds it: -1 when absent or empty, -2 when it is no port. */
function portOf(v: unknown): number {
  if (v === undefined || v === null || v === '') return -1;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,5}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : -2;
}

/** `A.B.C.D:p`, `[v6]:p`, a bare address (ICMP), `A.B.C.D:` (IDPS's ICMP): address and port text. */
function splitEndpoint(s: string): { ip: string; port: string } {
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close > 0) return { ip: s.slice(1, close), port: s.charCodeAt(close + 1) === 0x3a ? s.slice(close + 2) : '' };
  }
  const colon = s.indexOf(':');
  if (colon < 0 || colon !== s.lastIndexOf(':')) return { ip: s, port: '' };
  return { ip: s.slice(0, colon), port: s.slice(colon + 1) };
}

/** A legacy msg's `Key: value` parts after the addresses (`Action: Allow.. Rule Collection: X`). */
function msgFields(rest: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const part of rest.split(/\.+ +/)) {
    const c = part.indexOf(': ');
    if (c > 0) m.set(part.slice(0, c), part.slice(c + 2).replace(/\.+ *$/, '').trim());
  }
  return m;
}

interface Fields {
  proto: string;
  icmpType: number | null;
  src: unknown;
  sport: unknown;
  dst: unknown;
  dport: unknown;
  /** DNAT's new destination: the side the connection goes to. */
  translated: unknown;
  action: string | null;
  nat: boolean;
  threat: string | null;
  group: string | null;
  collection: string | null;
  rule: string | null;
  policy: string | null;
}

class AzureFirewallParser implements LineParser {
  private readonly dates = new SharedDates();
  private readonly rules = new Interner();
  private readonly hosts = new Interner();
  private readonly wall: WallTimes;
  private readonly iso: IsoStamps;
  private lastStamp = '';
  private lastStampMs = NaN;
  private timeError: LineReason | null = null;

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
    private readonly sink: LineSink,
  ) {
    this.wall = new WallTimes(ctx);
    this.iso = new IsoStamps({ field: 'time', wall: this.wall });
  }

  line(text: string, lineNo: number): void {
    const sink = this.sink;
    const rec = jsonObjectLine(text, lineNo, sink, isRecordLine);
    if (rec === null) return;
    const category = textIn(rec['category']);
    if (category === null || !isAzureCategory(category)) {
      sink.skipped(lineNo, NOT_RECORD);
      return;
    }
    const r = this.read(rec, category, lineNo);
    if (r === null) return;
    if ('code' in r) sink.malformed(lineNo, text, r);
    else sink.event(r);
  }

  end(): void {}

  /** The record's event, why it is malformed, or null when it was skipped (told to the sink). */
  private read(rec: Json, category: string, lineNo: number): FirewallEvent | LineReason | null {
    const props = objectIn(rec['properties']);
    let f: Fields | LineReason | null;
    if (LEGACY_RULES.has(category)) f = props === null ? MISSING_MSG : this.legacy(props);
    else if (STRUCTURED_RULES.has(category)) f = props === null ? MISSING_SRC : structured(props, category);
    else {
      this.sink.skipped(lineNo, reason('azure-not-verdict', '', shown(category)));
      return null;
    }
    if (f === null) {
      this.sink.skipped(lineNo, BY_NAME);
      return null;
    }
    if ('code' in f) {
      if (f === ALERT_ONLY || f.code === 'azure-not-verdict') {
        this.sink.skipped(lineNo, f);
        return null;
      }
      return f;
    }

    const src = f.src;
    const dst = f.dst;
    if (src === undefined || src === null || src === '') return MISSING_SRC;
    if (dst === undefined || dst === null || dst === '') return MISSING_DST;
    const sv = typeof src === 'string' ? addressVersion(src, 0, src.length) : 0;
    if (sv === 0) return reason('invalid-address', 'SourceIp', shownValue(src));
    const dv = typeof dst === 'string' ? addressVersion(dst, 0, dst.length) : 0;
    if (dv === 0) {
      // A threat intelligence record may name the host it matched (`to example.org:80`).
      if (typeof dst === 'string' && /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(dst)) {
        this.sink.skipped(lineNo, BY_NAME);
        return null;
      }
      return reason('invalid-address', 'DestinationIp', shownValue(dst));
    }
    if (dv !== sv) return fixedFamily;
    let toward = dst as string;
    if (f.translated !== undefined && f.translated !== null && f.translated !== '') {
      const t = f.translated;
      if (typeof t !== 'string' || addressVersion(t, 0, t.length) === 0) return reason('invalid-address', 'TranslatedIp', shownValue(t));
      toward = t;
    }

    let proto = f.proto;
    if (proto === 'icmp' && sv === 6) proto = 'icmpv6';
    const ports = carriesPorts(proto);
    const sport = portOf(f.sport);
    if (sport === -2) return reason('invalid-port', 'SourcePort', shownValue(f.sport));
    const dport = portOf(f.dport);
    if (dport === -2) return reason('invalid-port', 'DestinationPort', shownValue(f.dport));
    if (ports && dport < 0) return MISSING_DPORT;

    let action: Action;
    if (f.nat && f.action === null) action = 'allow';
    else {
      if (f.action === null) return MISSING_ACTION;
      const a = ACTIONS[f.action.toLowerCase()];
      if (a === undefined) return reason('unknown', 'Action', shown(f.action));
      if (a === 'alert') {
        this.sink.skipped(lineNo, ALERT_ONLY);
        return null;
      }
      action = a;
    }

    const stamp = rec['time'];
    if (typeof stamp !== 'string' || stamp === '') return stamp === undefined || stamp === null || stamp === '' ? MISSING_TIME : reason('invalid', 'time', shownValue(stamp));
    const ms = this.time(stamp);
    if (ms !== ms) return this.timeError!;

    const icmp: IcmpInfo | null = proto === 'icmp' || proto === 'icmpv6' ? { type: f.icmpType, code: null, embedded: null } : null;

    return {
      time: this.dates.of(ms),
      yearInferred: false,
      uptime: null,
      host: this.host(rec),
      format: ID,
      action,
      direction: sideDirection(src as string, toward, 'forward'),
      rule: this.rule(f),
      inIface: null,
      outIface: null,
      proto,
      ipVersion: sv,
      src: { ip: src as string, port: ports && sport >= 0 ? sport : null },
      dst: { ip: dst as string, port: ports && dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      // A connection record says nothing of its packets' flags.
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      icmp,
      count: 1,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** A legacy `properties.msg`; null when it names its destination by host name. */
  private legacy(props: Json): Fields | LineReason | null {
    const msg = props['msg'];
    if (typeof msg !== 'string' || msg.trim() === '') return MISSING_MSG;
    const m = LEGACY_MSG.exec(msg.trim());
    if (m === null) return reason('invalid', 'properties.msg', shown(msg));
    const word = m[1]!.toUpperCase();
    const kv = msgFields(m[6]!);
    // IDPS's signature records (`Signature: 2028816. IDS: …`): the rule's own record counts the connection.
    if (kv.has('Signature') || kv.has('IDS')) return reason('azure-not-verdict', '', "'IDPS'");
    const from = splitEndpoint(m[3]!);
    const to = splitEndpoint(m[4]!);
    const nat = m[5] === undefined ? null : splitEndpoint(m[5]);
    const threat = kv.get('ThreatIntel') ?? null;
    return {
      proto: OVER_TCP.has(word) ? 'tcp' : protoByName(word.toLowerCase()),
      icmpType: m[2] === undefined ? null : Number(m[2]),
      src: from.ip,
      sport: from.port,
      dst: to.ip,
      dport: to.port,
      translated: nat?.ip,
      action: kv.get('Action') ?? null,
      nat: nat !== null,
      threat,
      group: kv.get('Rule Collection Group') ?? null,
      collection: kv.get('Rule Collection') ?? null,
      rule: kv.get('Rule') ?? null,
      policy: kv.get('Policy') ?? null,
    };
  }

  /** The firewall's name: the last part of `…/AZUREFIREWALLS/NAME` (as logged, upper case). */
  private host(rec: Json): string | null {
    const id = textIn(rec['resourceId']);
    if (id === null) return null;
    const i = id.toUpperCase().lastIndexOf('/AZUREFIREWALLS/');
    if (i < 0) return null;
    const name = id.slice(i + 16).split('/')[0]!;
    return name === '' ? null : this.hosts.of(name);
  }

  private rule(f: Fields): string | null {
    if (f.threat !== null) return this.rules.of(`ThreatIntel: ${f.threat}`);
    const parts = [f.group, f.collection, f.rule].filter((p): p is string => p !== null && p !== '');
    if (parts.length > 0) return this.rules.of(parts.join('/'));
    return f.policy === null || f.policy === '' ? null : this.rules.of(`policy:${f.policy}`);
  }

  /** ISO 8601 (`Z`, `+00:00`, none: --tz) or Azure's `M/d/yyyy h:mm:ss[ AM|PM][ ±hh:mm]`; NaN with timeError set when it is no time. */
  private time(s: string): number {
    const iso = this.iso.read(s, 0, s.length);
    if (iso === iso) return iso;
    if (this.iso.error !== null) {
      this.timeError = this.iso.error;
      return NaN;
    }
    if (s === this.lastStamp) return this.lastStampMs;
    const us = US_TIME.exec(s);
    if (us === null) {
      this.timeError = reason('invalid', 'time', shown(s));
      return NaN;
    }
    const [mo, d, y, h12, mi, sec] = [us[1], us[2], us[3], us[4], us[5], us[6]].map(Number) as [number, number, number, number, number, number];
    let h = h12;
    const half = us[7]?.toUpperCase();
    if (half !== undefined && (h < 1 || h > 12)) {
      this.timeError = reason('invalid', 'time', shown(s));
      return NaN;
    }
    if (half === 'AM' && h === 12) h = 0;
    else if (half === 'PM' && h !== 12) h += 12;
    const zone = us[8] ?? '';
    const err = impossible(y, mo, d, h, mi, sec);
    if (err !== null) {
      this.timeError = err;
      return NaN;
    }
    const s59 = Math.min(sec, 59);
    let ms: number;
    if (zone === '') ms = this.wall.ms(y, mo, d, h, mi, s59);
    else {
      const oh = Number(zone.slice(1, 3));
      const om = Number(zone.slice(4, 6));
      if (oh > 23 || om > 59) {
        this.timeError = BAD_OFFSET;
        return NaN;
      }
      ms = Date.UTC(y, mo - 1, d, h, mi, s59) - (zone[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
    }
    ms += sec === 60 ? 1000 : 0;
    this.lastStamp = s;
    this.lastStampMs = ms;
    return ms;
  }
}

const US_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d\d):(\d\d)(?: ([AaPp][Mm]))?(?: ([+-]\d\d:\d\d))?$/;

const fixedFamily = fixedReason('family-differs', 'DestinationIp', 'SourceIp');

/** A structured (resource-specific) record's fields. */
function structured(p: Json, category: string): Fields | LineReason {
  const protoText = textIn(p['Protocol']);
  if (protoText === null) return MISSING_PROTO;
  const word = protoText.toUpperCase();
  const threat = category === 'AZFWThreatIntel' ? textIn(p['ThreatDescription']) ?? 'threat intelligence' : null;
  const nat = category === 'AZFWNatRule';
  return {
    proto: OVER_TCP.has(word) ? 'tcp' : protoByName(word.toLowerCase()),
    icmpType: null,
    src: p['SourceIp'],
    sport: p['SourcePort'],
    dst: p['DestinationIp'],
    dport: p['DestinationPort'],
    translated: nat ? p['TranslatedIp'] : undefined,
    action: textIn(p['Action']),
    nat,
    threat,
    group: textIn(p['RuleCollectionGroup']),
    collection: textIn(p['RuleCollection']),
    rule: textIn(p['Rule']),
    policy: textIn(p['Policy']),
  };
}

/** Categories of Azure Firewall's logs (legacy `AzureFirewall…`, structured `AZFW…`). */
function isAzureCategory(c: string): boolean {
  return c.startsWith('AzureFirewall') || c.startsWith('AZFW');
}

const CATEGORY = /"category": ?"(?:AzureFirewall|AZFW)[A-Za-z]*"/;

/**
 * A line that is an Azure Firewall diagnostic record, by strings alone (no JSON.parse): an object
 * whose category is one of the firewall's. A journald JSON entry quoting one holds
 * `\"category\"`, not `"category"`; a Cloud Logging entry has a jsonPayload and no such category.
 */
function isRecordLine(l: string): boolean {
  let i = 0;
  while (l.charCodeAt(i) === 0x20 || l.charCodeAt(i) === 0x09) i++;
  if (l.charCodeAt(i) !== 0x7b) return false;
  return CATEGORY.test(l) && !l.includes('"__REALTIME_TIMESTAMP"') && !l.includes('"jsonPayload"');
}

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (isRecordLine(l)) records++;
  return recordShare(records, lines.length);
}

/** `Group/Collection/Rule` → ruleset `Group/Collection`, name `Rule`; `policy:P` → ruleset P; `ThreatIntel: D` → name ThreatIntel, reason D. */
export function azureRuleFields(rule: string): RuleFields {
  if (rule.startsWith('ThreatIntel: ')) return { name: 'ThreatIntel', reason: rule.slice(13) };
  if (rule.startsWith('policy:')) return { ruleset: rule.slice(7) };
  const slash = rule.lastIndexOf('/');
  return slash < 0 ? { name: rule } : { name: rule.slice(slash + 1), ruleset: rule.slice(0, slash) };
}

const RID = '/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/RG-HUB/PROVIDERS/MICROSOFT.NETWORK/AZUREFIREWALLS/FW-HUB';

export const azureFirewallFormat: FormatDefinition = {
  id: ID,
  examples: [
    `{"category":"AzureFirewallNetworkRule","time":"2026-11-20T05:25:01.1234567Z","resourceId":"${RID}","operationName":"AzureFirewallNetworkRuleLog","properties":{"msg":"TCP request from 203.0.113.7:41234 to 10.0.1.4:23. Action: Deny. "}}`,
    `{"category":"AZFWNetworkRule","time":"2026-11-20T05:30:12.5000000Z","resourceId":"${RID}","properties":{"Protocol":"UDP","SourceIp":"10.1.0.4","SourcePort":50514,"DestinationIp":"198.51.100.53","DestinationPort":53,"Action":"Allow","Policy":"fw-policy-hub","RuleCollectionGroup":"DefaultNetworkRuleCollectionGroup","RuleCollection":"allow-out","Rule":"dns-out","ActionReason":""}}`,
    `{"category":"AZFWNatRule","time":"2026-11-20T05:31:40.2500000Z","resourceId":"${RID}","properties":{"Protocol":"TCP","SourceIp":"198.51.100.23","SourcePort":51234,"DestinationIp":"203.0.113.10","DestinationPort":3389,"TranslatedIp":"10.2.0.5","TranslatedPort":3389,"Policy":"fw-policy-hub","RuleCollectionGroup":"DefaultDnatRuleCollectionGroup","RuleCollection":"dnat-in","Rule":"rdp-jump"}}`,
  ],
  sniff,
  // An allowed record stands for a connection; a denied one is counted as one blocked packet, as
  // Meraki's, AWS's and Google's denied flows are: the report's "blocked" and probe counts are of
  // packets, and a refused attempt is what a probe sends.
  connectionRecords: { action: 'allow' },
  create: (ctx, sink) => new AzureFirewallParser(ctx.file, ctx, sink),
  ruleFields: azureRuleFields,
};
