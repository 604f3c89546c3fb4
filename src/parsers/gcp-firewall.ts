// Google Cloud VPC firewall rules logging: Cloud Logging entries, one JSON object per line, as
// a Cloud Storage sink writes them (`gcloud logging read --format=json` writes one array over
// many lines: `jq -c '.[]'` makes it this). Fields as Google's "VPC firewall rules logging
// format" and "Firewall policy rules logging format" pages name them:
//
//   {"insertId":"…","jsonPayload":{"connection":{"src_ip":"203.0.113.7","src_port":41234,"dest_ip":"10.128.0.2","dest_port":22,"protocol":6},"disposition":"DENIED","rule_details":{"reference":"network:default/firewall:deny-ssh","priority":1000,"action":"DENY","direction":"INGRESS",…},"instance":{"vm_name":"web-1",…},"vpc":{"vpc_name":"default","subnetwork_name":"default",…},"remote_location":{…}},"logName":"projects/p/logs/compute.googleapis.com%2Ffirewall","resource":{"type":"gce_subnetwork",…},"timestamp":"2026-11-20T05:25:01.123456789Z",…}
//
// Google logs connections, not packets ("a connection record each time the rule allows or
// denies traffic"; at most one entry per connection), TCP and UDP in the first place; the
// IpConnection holds no ICMP type or code, so an ICMP record has neither.
//
// Mapping. Time: `timestamp` (RFC 3339, UTC: absolute; a stamp without a zone would be read
// in --tz). Host: the VM (`instance.vm_name`), else the project. Action: `disposition`
// ALLOWED → allow (a connection record, connection-records.ts), DENIED → drop, INTERCEPTED
// (sent to Cloud NGFW's inspection, its verdict logged elsewhere) → other; without one,
// `rule_details.action` ALLOW/DENY. Direction: the rule's, INGRESS → in (to the VM), EGRESS →
// out (from it). Interface: the VM's subnet (`vpc.subnetwork_name`), on the VM's side (in on
// ingress, out on egress): the firewall is the VM's, and its subnet the one the log names.
// Rule: `rule_details.reference` (`network:NET/firewall:NAME`; a firewall policy's reference
// names the policy, its rule by priority: ` priority N` is added); in ECS (gcpRuleFields)
// rule.name NAME and rule.ruleset `network:NET`. Other Cloud Logging entries (audit logs, VPC
// flow logs, a firewall entry without `jsonPayload.connection`) are skipped, saying which.
//
// JSON.parse per line: a cloud export is small beside a kernel log, and the sniffer looks for
// strings, never parsing a line of another format.
import type { Action, Direction, FirewallEvent, IcmpInfo } from '../event.js';
import { addressVersion } from './address.js';
import { shown } from './fields.js';
import { WallTimes } from './local-time.js';
import { fixedReason, NOT_RECORD, reason, type LineReason } from './reason.js';
import { IsoStamps } from './iso-stamp.js';
import { jsonObjectLine, objectIn, shownValue, textIn, type Json } from './json-record.js';
import { recordShare, type FormatDefinition, type LineParser, type LineSink, type ParseContext, type RuleFields } from './types.js';
import { SharedDates } from '../util/shared-date.js';
import { Interner } from '../util/interner.js';
import { carriesPorts, protoByName, protoByNumber } from '../util/protocols.js';

const ID = 'gcp-firewall';

/** The firewall log's id as a logName ends (URL-encoded, as Cloud Logging writes it; decoded, as some tools do). */
const FIREWALL_LOG = 'compute.googleapis.com%2Ffirewall';
const FIREWALL_LOG_DECODED = 'compute.googleapis.com/firewall';

const ACTIONS: Readonly<Record<string, Action>> = Object.assign(Object.create(null) as Record<string, Action>, {
  ALLOWED: 'allow',
  DENIED: 'drop',
  INTERCEPTED: 'other',
  // rule_details.action, when the entry has no disposition.
  ALLOW: 'allow',
  DENY: 'drop',
});

const DIRECTIONS: Readonly<Record<string, Direction>> = Object.assign(Object.create(null) as Record<string, Direction>, {
  INGRESS: 'in',
  EGRESS: 'out',
});

const NO_CONNECTION = fixedReason('gcp-no-connection');
const MISSING_SRC = fixedReason('missing', 'connection.src_ip');
const MISSING_DST = fixedReason('missing', 'connection.dest_ip');
const MISSING_PROTO = fixedReason('missing', 'connection.protocol');
const MISSING_DPORT = fixedReason('missing', 'connection.dest_port');
const MISSING_DISPOSITION = fixedReason('missing', 'disposition');
const MISSING_TIME = fixedReason('missing', 'timestamp');
const DST_FAMILY = fixedReason('family-differs', 'connection.dest_ip', 'connection.src_ip');

/** A non-negative integer as JSON writes it, or as proto3 JSON may (a string of digits); -1 otherwise. */
function uintOf(v: unknown): number {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : -1;
  if (typeof v === 'string' && /^\d{1,10}$/.test(v)) return Number(v);
  return -1;
}

/** Whether `logName` names the firewall log (`projects/P/logs/compute.googleapis.com%2Ffirewall`). */
function isFirewallLog(logName: string): boolean {
  return logName.endsWith(FIREWALL_LOG) || logName.endsWith(FIREWALL_LOG_DECODED);
}

/** The log's id after `/logs/`, decoded, for the skip reason (`cloudaudit.googleapis.com/activity`). */
function logIdOf(logName: string): string {
  const i = logName.indexOf('/logs/');
  const id = i < 0 ? logName : logName.slice(i + 6);
  return id.replace(/%2F/gi, '/');
}

/** The project of `projects/P/logs/…`, or null. */
function projectOf(logName: string | null): string | null {
  if (logName === null || !logName.startsWith('projects/')) return null;
  const end = logName.indexOf('/', 9);
  return end > 9 ? logName.slice(9, end) : null;
}

class GcpFirewallParser implements LineParser {
  private readonly dates = new SharedDates();
  private readonly rules = new Interner();
  private readonly hosts = new Interner();
  private readonly iso: IsoStamps;
  private timeError: LineReason | null = null;

  constructor(
    private readonly file: string,
    ctx: Pick<ParseContext, 'tz' | 'zoneNote' | 'timeCarry'>,
    private readonly sink: LineSink,
  ) {
    this.iso = new IsoStamps({ field: 'timestamp', wall: new WallTimes(ctx) });
  }

  line(text: string, lineNo: number): void {
    const sink = this.sink;
    // A Cloud Logging entry cut short (or two run together) holds `"jsonPayload"`.
    const entry = jsonObjectLine(text, lineNo, sink, (l) => l.includes('"jsonPayload"'));
    if (entry === null) return;
    const r = this.read(entry, lineNo);
    if (r === null) return;
    if ('code' in r) sink.malformed(lineNo, text, r);
    else sink.event(r);
  }

  end(): void {}

  /** The entry's event, why it is malformed, or null when it was skipped (told to the sink). */
  private read(entry: Json, lineNo: number): FirewallEvent | LineReason | null {
    const logName = textIn(entry['logName']);
    const payload = objectIn(entry['jsonPayload']);
    if (logName !== null && !isFirewallLog(logName)) {
      this.sink.skipped(lineNo, reason('gcp-not-firewall', '', shown(logIdOf(logName))));
      return null;
    }
    // Without a logName, only what a firewall entry alone holds (a rule's details) says it is one:
    // VPC flow logs have a `connection` too.
    if (payload === null || (logName === null && objectIn(payload['rule_details']) === null && payload['disposition'] === undefined)) {
      this.sink.skipped(lineNo, logName === null ? NOT_RECORD : NO_CONNECTION);
      return null;
    }
    const c = objectIn(payload['connection']);
    if (c === null) {
      this.sink.skipped(lineNo, NO_CONNECTION);
      return null;
    }

    const src = c['src_ip'];
    const dst = c['dest_ip'];
    if (src === undefined || src === null || src === '') return MISSING_SRC;
    if (dst === undefined || dst === null || dst === '') return MISSING_DST;
    const sv = typeof src === 'string' ? addressVersion(src, 0, src.length) : 0;
    if (sv === 0) return reason('invalid-address', 'connection.src_ip', shownValue(src));
    const dv = typeof dst === 'string' ? addressVersion(dst, 0, dst.length) : 0;
    if (dv === 0) return reason('invalid-address', 'connection.dest_ip', shownValue(dst));
    if (dv !== sv) return DST_FAMILY;

    const p = c['protocol'];
    if (p === undefined || p === null) return MISSING_PROTO;
    let proto: string;
    const pn = uintOf(p);
    if (pn >= 0) {
      if (pn > 255) return reason('not-a-protocol', 'connection.protocol', shownValue(p));
      proto = protoByNumber(pn);
    } else if (typeof p === 'string' && p !== '') proto = protoByName(p);
    else return reason('not-a-protocol', 'connection.protocol', shownValue(p));

    const ports = carriesPorts(proto);
    const sport = this.port(c, 'src_port', ports);
    if (typeof sport !== 'number') return sport;
    const dport = this.port(c, 'dest_port', ports);
    if (typeof dport !== 'number') return dport;
    if (ports && dport < 0) return MISSING_DPORT;

    const details = objectIn(payload['rule_details']);
    const verdict = textIn(payload['disposition']) ?? (details === null ? null : textIn(details['action']));
    if (verdict === null) return MISSING_DISPOSITION;
    const action = ACTIONS[verdict] ?? 'other';

    const stamp = entry['timestamp'];
    if (typeof stamp !== 'string' || stamp === '') return stamp === undefined || stamp === null || stamp === '' ? MISSING_TIME : reason('invalid', 'timestamp', shownValue(stamp));
    const ms = this.time(stamp);
    if (ms !== ms) return this.timeError!;

    const dirWord = details === null ? null : textIn(details['direction']);
    const direction = dirWord === null ? null : DIRECTIONS[dirWord] ?? null;
    const subnet = textIn(objectIn(payload['vpc'])?.['subnetwork_name']);

    let icmp: IcmpInfo | null = null;
    // IpConnection has no ICMP type or code: an ICMP record says neither.
    if (proto === 'icmp' || proto === 'icmpv6') icmp = { type: null, code: null, embedded: null };

    return {
      time: this.dates.of(ms),
      yearInferred: false,
      uptime: null,
      host: this.host(entry, payload, logName),
      format: ID,
      action,
      direction,
      rule: this.rule(details),
      inIface: direction === 'in' ? subnet : null,
      outIface: direction === 'out' ? subnet : null,
      proto,
      ipVersion: sv,
      src: { ip: src as string, port: sport >= 0 ? sport : null },
      dst: { ip: dst as string, port: dport >= 0 ? dport : null },
      ttl: null,
      len: null,
      // A connection record says nothing of the packets' flags: unknown, not a NULL scan's [].
      tcpFlags: null,
      tcpWindow: null,
      pid: null,
      icmp,
      count: 1,
      origin: { file: this.file, line: lineNo },
      annotations: [],
    };
  }

  /** A port of the connection: -1 when absent (or for a protocol without ports), else 0-65535, else why not. */
  private port(c: Json, key: 'src_port' | 'dest_port', ports: boolean): number | LineReason {
    const v = c[key];
    if (v === undefined || v === null) return -1;
    const n = uintOf(v);
    if (n < 0 || n > 65535) return reason('invalid-port', `connection.${key}`, shownValue(v));
    return ports ? n : -1;
  }

  /** The VM's name, else the project's id (resource label, the instance's, the logName's). */
  private host(entry: Json, payload: Json, logName: string | null): string | null {
    const inst = objectIn(payload['instance']);
    const name =
      textIn(inst?.['vm_name']) ??
      textIn(objectIn(objectIn(entry['resource'])?.['labels'])?.['project_id']) ??
      textIn(inst?.['project_id']) ??
      projectOf(logName);
    return name === null ? null : this.hosts.of(name);
  }

  /** `network:default/firewall:deny-ssh`; a firewall policy's reference with its rule's priority. */
  private rule(details: Json | null): string | null {
    if (details === null) return null;
    const ref = textIn(details['reference']);
    if (ref === null) return null;
    const prio = details['priority'];
    if (ref.includes('/firewallPolicy:') || ref.startsWith('firewallPolicy:')) {
      if (typeof prio === 'number' || typeof prio === 'string') return this.rules.of(`${ref} priority ${String(prio)}`);
    }
    return this.rules.of(ref);
  }

  /** `2026-11-20T05:25:01.123456789Z` (also `+01:00`; no zone: --tz); NaN with timeError set when it is no time. */
  private time(s: string): number {
    const ms = this.iso.read(s, 0, s.length);
    if (ms !== ms) this.timeError = this.iso.error ?? reason('invalid', 'timestamp', shown(s));
    return ms;
  }
}

/**
 * A line that is a Cloud Logging entry of the firewall log, by strings alone (no JSON.parse):
 * an object with a jsonPayload whose logName is the firewall log's. A journald JSON entry
 * (journald.ts) never is one: its fields are `__REALTIME_TIMESTAMP`, `MESSAGE`, … and a
 * MESSAGE quoting such an entry holds `\"jsonPayload\"`, not `"jsonPayload"`.
 */
function isFirewallEntryLine(l: string): boolean {
  let i = 0;
  while (l.charCodeAt(i) === 0x20 || l.charCodeAt(i) === 0x09) i++;
  if (l.charCodeAt(i) !== 0x7b) return false;
  return l.includes('"jsonPayload"') && (l.includes(`/logs/${FIREWALL_LOG}"`) || l.includes(`/logs/${FIREWALL_LOG_DECODED}"`)) && !l.includes('"__REALTIME_TIMESTAMP"');
}

function sniff(lines: readonly string[]): number {
  let records = 0;
  for (const l of lines) if (isFirewallEntryLine(l)) records++;
  return recordShare(records, lines.length);
}

/** `network:default/firewall:deny-ssh` → name deny-ssh, ruleset network:default; a policy's: ruleset the policy, id the priority. */
export function gcpRuleFields(rule: string): RuleFields {
  const sp = rule.indexOf(' priority ');
  const ref = sp < 0 ? rule : rule.slice(0, sp);
  const slash = ref.lastIndexOf('/');
  const last = ref.slice(slash + 1);
  if (last.startsWith('firewall:') && last.length > 9) return slash < 0 ? { name: last.slice(9) } : { name: last.slice(9), ruleset: ref.slice(0, slash) };
  if (last.startsWith('firewallPolicy:')) return sp < 0 ? { ruleset: ref } : { ruleset: ref, id: rule.slice(sp + 10) };
  return { name: rule };
}

export const gcpFirewallFormat: FormatDefinition = {
  id: ID,
  examples: [
    '{"insertId":"1x2y3z4a5b6c","jsonPayload":{"connection":{"src_ip":"203.0.113.7","src_port":41234,"dest_ip":"10.128.0.2","dest_port":22,"protocol":6},"disposition":"DENIED","rule_details":{"reference":"network:default/firewall:deny-ssh","priority":1000,"action":"DENY","direction":"INGRESS","ip_port_info":[{"ip_protocol":"TCP","port_range":["22"]}],"source_range":["0.0.0.0/0"]},"instance":{"project_id":"example-proj","vm_name":"web-1","region":"europe-west1","zone":"europe-west1-b"},"vpc":{"project_id":"example-proj","vpc_name":"default","subnetwork_name":"default"},"remote_location":{"continent":"Europe","country":"nld"}},"logName":"projects/example-proj/logs/compute.googleapis.com%2Ffirewall","receiveTimestamp":"2026-11-20T05:25:07.402168011Z","resource":{"type":"gce_subnetwork","labels":{"project_id":"example-proj","location":"europe-west1-b","subnetwork_name":"default","subnetwork_id":"1234567890123456789"}},"timestamp":"2026-11-20T05:25:01.123456789Z"}',
    '{"insertId":"9k8j7h6g5f4d","jsonPayload":{"connection":{"src_ip":"10.128.0.2","src_port":50514,"dest_ip":"198.51.100.80","dest_port":443,"protocol":6},"disposition":"ALLOWED","rule_details":{"reference":"network:default/firewall:allow-https-out","priority":900,"action":"ALLOW","direction":"EGRESS"},"instance":{"project_id":"example-proj","vm_name":"web-1","region":"europe-west1","zone":"europe-west1-b"},"vpc":{"project_id":"example-proj","vpc_name":"default","subnetwork_name":"default"}},"logName":"projects/example-proj/logs/compute.googleapis.com%2Ffirewall","resource":{"type":"gce_subnetwork","labels":{"project_id":"example-proj","subnetwork_name":"default"}},"timestamp":"2026-11-20T05:30:12.5Z"}',
  ],
  sniff,
  // An allowed entry stands for a connection (at most one entry per connection); a denied one
  // is counted as one blocked packet, as Meraki's and AWS's denied flows are: the report's
  // "blocked" and probe counts are of packets, and a refused attempt is what a probe sends.
  connectionRecords: { action: 'allow' },
  create: (ctx, sink) => new GcpFirewallParser(ctx.file, ctx, sink),
  ruleFields: gcpRuleFields,
};
