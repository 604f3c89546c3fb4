// The English message catalog: every word of the report, the daily summary and
// `follow` that is not log text, knowledge text or a machine id. Its shape is the type
// every other language must fill (messages.ts), so a missing translation is a compile
// error. Strings with numbers are functions: plural rules and word order live here.
// Counts that may be capped arrive already formatted ("≥4,096"); plain counts as numbers.
import type { SkipReason } from '../daily/discover.js';
import type { SettingsChange } from '../daily/digest.js';
import type { InputProblem } from '../input/problem.js';
import { unpackerNamed, type UnpackerName } from '../input/unpackers.js';
import type { FoldSpread } from '../live/fold.js';
import { capped, counted, fmtInt, plural } from '../util/number-text.js';
import { MAX_YEAR, MIN_YEAR } from '../util/year-range.js';
import type { FindingId } from '../aggregate/finding-ids.js';
import type { FlagClass } from '../aggregate/profile-codes.js';
import type { CommanderProblem } from '../cli/commander-problem.js';
import type { FollowNotice } from '../input/follow-types.js';
import type { AlertExecReport } from '../live/alert-exec.js';
import type { WriteProblem } from '../util/write-error.js';
import type { SignatureProblem } from '../errors.js';
import type { StateProblem } from '../input/follow-state.js';
import type { SystemLimit } from '../errors.js';
import type { MessageTable } from '../knowledge/types.js';
import type { LineFate } from '../check/check.js';
import type { ReasonCode, ReasonOf } from '../parsers/reason.js';
import type { TrafficKind } from '../aggregate/own-traffic.js';

/**
 * The command that feeds `daily` the kernel's lines from the journal: a command line, the same in
 * every language. Three days back from any hour reach the start of the day before yesterday (the
 * comparison's day), and today's records tell that yesterday was read to its end. The kernel's
 * transport, not `-k`: `-k` implies `-b`, this boot only, and a reboot since would lose the days before it.
 */
export const JOURNAL_DAILY = 'journalctl _TRANSPORT=kernel -o short-iso --since "3 days ago" | logscan daily -';
/** The same for `follow`: the live journal (`-k` is right here: a live view starts now, in this boot). */
export const JOURNAL_FOLLOW = 'journalctl -k -f -o short-iso | logscan follow -';
import type { DigestProblem, DigestShape, StateDirProblem } from '../daily/digest.js';
import type { NotCompared } from '../daily/outside.js';

/** A zone name a stamp carries (`journalctl -o short-full`, SonicWall's time=) that is none of `zone`'s at its time (zones.unmatchedZone). */
const unmatchedZone = (abbr: string, zone: string): string =>
  `the log's times name the zone ${abbr}, which is not what ${zone} is called at their time: read as ${zone} time all the same (--tz the log's zone to read them right)`;

/** kB of text in one whole block of a compression whose command writes nothing before the block is whole (bzip2), else undefined. */
export function blockKB(name: UnpackerName): number | undefined {
  return unpackerNamed(name).blockKB;
}

/** The packets logged that were no probe, by what they were (aggregate/own-traffic.ts trafficKind). */
export interface NotProbeCounts {
  own: number;
  replies: number;
  noise: number;
  late: number;
  /** Of `own`, records of a connection (Windows Firewall ALLOW, OPEN, CLOSE; Cisco ASA Built, Teardown), not a packet; absent: none. */
  ownConnections?: number;
  /** Of `late`, ends of connections (a Windows Firewall CLOSE row, a Cisco ASA Teardown), not packets; absent: none. */
  lateConnections?: number;
  /**
   * Of `replies`, connection records read as a server's end of one of this side's
   * connections (a Cisco ASA Teardown from a service port to a client port, a Windows ALLOW
   * row from port 53), not packets; absent: none.
   */
  replyConnections?: number;
  /** Of `noise`, connection records (a Cisco ASA Teardown to a broadcast address), not packets; absent: none. */
  noiseConnections?: number;
}

/** What is wrong with a line of an --ignore file (enrich/ignore.ts). */
export type IgnoreLineProblem = 'port-syntax' | 'port-range' | 'iface-syntax' | 'entry-syntax' | 'not-address';

/** An id as people read it: what it is called, the id beside it (what the logs, JSON and `explain` take). */
const named = (name: string, id: string): string => `${name} (${id})`;

const IGNORE_LINE: Readonly<Record<IgnoreLineProblem, string>> = {
  'port-syntax': 'expected "port N", "port N/udp" or "port N-M/tcp"',
  'port-range': 'ports are 0-65535, a range is low-high',
  'iface-syntax': 'expected "iface NAME"',
  'entry-syntax': 'expected an address or CIDR range, "port …" or "iface …"',
  'not-address': 'not an address or CIDR range',
};

/** Whose thresholds a setting is in: a --config file's, or the options' (null). */
const settingsOf = (file: string | null): string => (file === null ? 'options' : `--config ${file}`);

/** Severity 0-5 as a word. */
type SeverityWords = readonly [string, string, string, string, string, string];

const opt = (s: string | null, f: (s: string) => string): string => (s === null ? '' : f(s));

/**
 * What a count of log records is, with connection records in mind: Windows Firewall writes one
 * ALLOW (OPEN, CLOSE) row per connection it let through, one DROP row per packet; a Cisco ASA
 * one Built and one Teardown record per connection (parsers/connection-records.ts). `connections`: how many of the
 * `n` are connection rows; null when a count mixes the two and the split is not known.
 * "3 packets", "2 connections", "1 packet and 1 connection", "3 records".
 */
function rowsText(n: number, connections: number | null = 0): string {
  if (connections === null) return counted(n, 'record');
  if (connections <= 0) return counted(n, 'packet');
  if (connections >= n) return counted(n, 'connection');
  return `${counted(n - connections, 'packet')} and ${counted(connections, 'connection')}`;
}

/** Packets and connection rows both among the n: rowsText names two counts, so "of them" would be ambiguous. */
/** A source's distinct ports per protocol, those it has any of: [["tcp", 300]] (its details' ports label). */
export const portSplit = (tcp: number, udp: number): [string, number][] =>
  ([['tcp', tcp], ['udp', udp]] as [string, number][]).filter(([, n]) => n > 0);

export const mixedRows = (n: number, connections: number | null = 0): boolean => connections !== null && connections > 0 && connections < n;

const unitTitle = (unit: CountUnit): string => (unit === 'packets' ? 'Packets' : unit === 'connections' ? 'Connections' : 'Records');

/** What a table's or a chart's counts are: packets, or connections, or records when a Windows log holds both. */
export type CountUnit = 'packets' | 'connections' | 'records';

/** Where packets went: " to 3 ports", or for ICMP and other portless protocols alone ", none to a port" (not "to 0 ports"). */
const toPorts = (ports: number, isCapped = false): string => (ports > 0 ? ` to ${capped(ports, isCapped)} ${plural(ports, 'port')}` : ', none to a port');

const SYSTEM_LIMITS: Readonly<Record<SystemLimit, string>> = {
  EMFILE: 'this process may open no more files: raise the limit (ulimit -n) and run again',
  ENFILE: 'the system may open no more files: close other programs or raise its limit (fs.file-max)',
  ENOMEM: 'the system is out of memory',
  ENOSPC: 'no space is left on the device written to',
};

/** What `check --line` calls the way its line went (check/check.ts LineFate). */
const LINE_FATE: Readonly<Record<LineFate, string>> = {
  event: 'event',
  skipped: 'skipped',
  malformed: 'malformed',
  none: 'no record of its own (part of a multi-line entry)',
  absent: 'past the end of the input',
};

/** What the event is to the report's and the daily summary's probe counts (aggregate/own-traffic.ts). */
const COUNTS_AS: Readonly<Record<TrafficKind, string>> = {
  probe: 'a probe',
  own: 'not a probe: sent from this side',
  reply: "not a probe: a reply to this side's connection",
  noise: 'not a probe: LAN broadcast chatter',
  late: 'not a probe: a late packet of a connection already under way (ACK or RST, no SYN)',
  gap: 'no packet: the firewall noting records it could not write (a gap in the log)',
};

/** What basisOtherSettings names for each setting that differed. */
const OTHER_SETTING: Readonly<Record<SettingsChange, string>> = {
  thresholds: 'other thresholds (--config, --scan-ports, --sweep-hosts)',
  ignore: 'another --ignore list',
  homeNet: 'other --home-net networks',
  signatures: 'other --signatures directories (their entries)',
};

/**
 * What an older --state digest may have counted otherwise, per format (digest.ts
 * COUNTED_SO_SINCE): said by basisCountedOtherwise. A format missing here is said by its id.
 */
const COUNTED_OTHERWISE: Readonly<Record<string, string>> = {
  'cisco-asa': "a Cisco ASA's Built and Teardown records as packets and its Teardowns as probes",
};

/** Why none of a past day is in the logs (outside.ts NotCompared), after "none of … is in the logs". */
const OUTSIDE: Readonly<Record<NotCompared, string>> = { 'ends-before': 'they end before it', 'starts-after': 'they start after it' };

function joinAnd(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** Where folded probes went: ", to 118 ports", ", all to 22/tcp", ", to 23/tcp on 14 hosts". */
function foldedTo(n: number, to: FoldSpread): string {
  const hosts = capped(to.hosts, to.hosts >= to.cap);
  const on = to.hosts > 1 ? ` on ${hosts} hosts` : '';
  if (to.onlyPort !== null) return `, ${n > 1 && on === '' ? 'all ' : ''}to ${to.onlyPort}${on}`;
  if (to.ports > 1) return `, to ${capped(to.ports, to.portsCapped)} ports${on}`;
  return to.hosts > 1 ? `, to ${hosts} hosts` : '';
}

/** A folded count's source that has been folding for more than one window, worded by the caller's clock: the time of day its run began, dated when that was another day than its latest probe (null for records without one) and how long it has lasted. */
export interface FoldGoing {
  since: string | null;
  lasted: string;
  probes: number;
}

/** " (going on since 09:41:07, 1,310 probes so far)" after a folded count, else nothing. */
function foldedGoing(g: FoldGoing | null): string {
  if (g === null) return '';
  return ` (going on ${g.since !== null ? `since ${g.since}` : `for ${g.lasted}`}, ${counted(g.probes, 'probe')} so far)`;
}

/** "did you mean "check"? " for commands near a mistyped one, else nothing. */
const nearHint = (near: readonly string[]): string => (near.length > 0 ? `did you mean ${near.map((c) => `"${c}"`).join(' or ')}? ` : '');

/** One wording per reason code: a code without one does not compile. */
export type LineReasonWords = { readonly [C in ReasonCode]: (r: ReasonOf<C>) => string };

export const en = {
  /** Between a label and its text in prose ("note: …"); Markdown puts it inside the bold label. */
  colon: ': ',
  /** Items of a list in running text. */
  listSep: ', ',
  /** A name and its count as an item of a source's details: "SYN 300", "known port (port-known) 31". */
  namedCount: (name: string, count: string) => `${name} ${count}`,
  /** Between the names a port is known by ("HTTP; Executor trojan"). */
  nameSep: '; ',
  /** An aside after a value: "265 (100%)", "964 → 153 (−84%)", a time span's zone; Chinese writes full-width brackets, "265（100%）", so one line never mixes the two. */
  aside: (s: string) => ` (${s})`,
  severity: ['info', 'notice', 'low', 'medium', 'high', 'critical'] as SeverityWords,
  /** Values of byAction / byDirection (the JSON keeps the machine names). */
  action: { drop: 'drop', reject: 'reject', allow: 'allow', other: 'other' },
  direction: { in: 'in', out: 'out', forward: 'forward', unknown: 'unknown' },
  /**
   * An address as logged that is no valid IPv4 or IPv6 address (a corrupted line: an octet
   * of 10055, a five-digit group): said instead of its range by the report's "why" column
   * (`note`), its `addresses` tally (`name`) and `explain` (`note`).
   */
  invalidAddress: { note: 'not a valid IP address as logged', name: 'Not a valid IP address' },
  /**
   * What the log's times say of their zone, in one set of words for the report (under its
   * time span), `check` (its `zone` row) and `explain 'LINE'` (after the lines), composed by
   * src/render/zone-words.ts. `zone`: --tz (`given`), else this machine's zone.
   */
  zones: {
    /** Some record's time had no zone in the log (BSD syslog, pfirewall.log's local time). */
    zoneless: (zone: string, given: boolean) =>
      given ? `times without a zone in the log read in ${zone} (--tz)` : `times without a zone in the log read as ${zone}, this machine's zone; --tz ZONE to change`,
    /** Records dated by their syslog header had a zone in it and `n` of `of` had none (a collector changed from RFC 3339 to BSD stamps): those were the times without one. */
    zonelessSome: (n: number, of: number, zone: string, given: boolean) =>
      `${fmtInt(n)} of the ${counted(of, 'record')} dated by their syslog header had no zone in it (the others' headers carry one): ` +
      (given ? `read in ${zone} (--tz)` : `read as ${zone}, this machine's zone; --tz ZONE to change`),
    /** The stamps name their zone (`abbr`: short-full's `CET`, SonicWall's, a Cisco stamp's), one of `zone`'s names at their time, so they were read in it: no time without a zone. */
    namedZone: (abbr: string, zone: string, given: boolean) =>
      given
        ? `the log names the zone ${abbr}, which is what ${zone} is called at their time: read as ${zone} time (--tz)`
        : `the log names the zone ${abbr}, which is what ${zone}, this machine's zone, is called at their time: read as ${zone} time; --tz ZONE to change`,
    /** A zone name the stamps carry that is none of `zone`'s at their time. */
    unmatchedZone,
  },
  /** ICMP and ICMPv6 message types by number (the IANA registries): `follow`'s probe lines, `explain 8/icmp` (icmpTypeName). */
  icmpType: {
    icmp: {
      0: 'echo reply',
      3: 'destination unreachable',
      4: 'source quench',
      5: 'redirect',
      8: 'echo request (ping)',
      9: 'router advertisement',
      10: 'router solicitation',
      11: 'time exceeded',
      12: 'parameter problem',
      13: 'timestamp request',
      14: 'timestamp reply',
      15: 'information request',
      16: 'information reply',
      17: 'address mask request',
      18: 'address mask reply',
    } as Readonly<Record<number, string>>,
    icmpv6: {
      1: 'destination unreachable',
      2: 'packet too big',
      3: 'time exceeded',
      4: 'parameter problem',
      128: 'echo request (ping)',
      129: 'echo reply',
      130: 'multicast listener query',
      131: 'multicast listener report',
      132: 'multicast listener done',
      133: 'router solicitation',
      134: 'router advertisement',
      135: 'neighbor solicitation',
      136: 'neighbor advertisement',
      137: 'redirect',
      143: 'multicast listener report v2',
    } as Readonly<Record<number, string>>,
  },
  /** `logscan explain 'LINE'` (render/explain-line.ts). */
  explain: {
    // What `explain -` says on stderr while it reads standard input (cli/explain.ts).
    /** Each after "logscan: explain: ", as explainEmptyStdin begins. */
    stdinTerminal: 'reading log lines from the terminal; paste them, then press Ctrl-D',
    stdinFirstLines: (max: number) => `read the first ${max} lines of standard input; for a whole log, \`logscan -\` reports on it`,
    /** After diagnostics.malformed's lead-in: `reason`, the line splitter's own words (English, as `check` gives them). */
    notExplained: (reason: string) => `${reason}; not explained`,
    /** After "logscan: (stdin): ", when more over-long lines came than were said one by one. */
    overlongLines: (n: number, max: number) => `${n} lines longer than ${max} characters were not explained`,
    /** Which way a packet went, on its "logged" row; the interfaces as logged, null when the line names none. */
    direction: {
      in: (iface: string | null) => `arriving at this host${iface ? ` on ${iface}` : ''}`,
      /** `in` of a device between networks (pf's interface, an ASA's inbound connection): through it, not to this host. */
      inDevice: (iface: string | null) => `entering the firewall${iface ? ` on ${iface}` : ''}`,
      out: (iface: string | null) => `leaving this host${iface ? ` on ${iface}` : ''}`,
      forward: (from: string | null, to: string | null) => `routed through this host${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}`,
    },
    /**
     * On a log line's "logged" row, what its rule text holds when that is no rule as logged:
     * a device's message id (a Cisco ASA's 106023, the kind of message, not a rule) and the
     * access list the message names, or Windows Firewall's action column when it says more
     * than the verdict (OPEN, CLOSE).
     */
    accessList: (list: string, code: string) => `by access list ${list} (message id ${code})`,
    messageId: (code: string) => `message id ${code}`,
    actionColumn: (action: string) => `action ${action} in the log`,
    /** `explain ID` of an id with several texts: the line above each, the situation it is for (a rule's `when`). */
    situation: (when: string) => `${when}:`,
    /**
     * What an id is called, the id beside it (what the logs and JSON carry): `explain ID`'s
     * header, an annotation wherever a person reads one (`namedAnnotation`, src/annotate/roles.ts).
     */
    named,
  },
  /** The probes line of the report header and the daily headline when nothing arrived unasked. */
  noProbes: 'none',
  /**
   * What is not a probe (the report's header, the daily headline): this side's own
   * traffic, the replies to it, LAN chatter, late packets of connections already under
   * way; only the non-zero parts.
   */
  notProbes: ({ own, replies, noise, late, ownConnections = 0, lateConnections = 0, replyConnections = 0, noiseConnections = 0 }: NotProbeCounts) =>
    [
      own > ownConnections ? `${counted(own - ownConnections, 'packet')} sent from this side` : '',
      // Windows logs one ALLOW row per connection, not per packet.
      ownConnections > 0 ? `${counted(ownConnections, 'connection')} from this side` : '',
      replies > replyConnections ? `${counted(replies - replyConnections, 'reply', 'replies')} to its connections` : '',
      // A connection record read as a reply is the server's end of a connection this side opened.
      replyConnections > 0 ? `${counted(replyConnections, 'server end')} of ${replyConnections === 1 ? 'one of its connections' : 'its connections'}` : '',
      noise > noiseConnections ? `${counted(noise - noiseConnections, 'packet')} of LAN broadcast chatter` : '',
      noiseConnections > 0 ? `${counted(noiseConnections, 'connection')} of LAN broadcast chatter` : '',
      late > lateConnections ? `${counted(late - lateConnections, 'late packet')} of ${late - lateConnections === 1 ? 'a connection' : 'connections'} already under way` : '',
      lateConnections > 0 ? `${counted(lateConnections, 'end')} of ${lateConnections === 1 ? 'a connection' : 'connections'} already under way` : '',
    ].filter(Boolean),

  duration: {
    underSecond: '<1 s',
    seconds: (v: string) => `${v} s`,
    minutes: (v: string) => `${v} min`,
    hours: (v: string) => `${v} h`,
    days: (v: string) => `${v} d`,
  },

  /** Finding texts and the per-source explanation (src/aggregate/findings.ts). */
  finding: {
    /** Between the parts of a trojan finding ("ncx99 99; Silencer 1001"). */
    partSep: '; ',
    /** A program on this side talking to malware ports (the families, as trojanFamily lists them). */
    outboundMalware: (families: string) => `outbound to malware ports: ${families}`,
    /** Egress rules stopped this side on ports bots use (the kinds: the rules' labels in signatures/annotations.json). */
    outboundBlocked: (kinds: string) => `blocked going out: ${kinds}`,
    /** Probes of sensitive services that the firewall let in (allowed-in): "allowed in: 2 packets to 3389/tcp, 445/tcp". */
    allowedIn: (n: number, to: string, connections: number | null = 0) => `allowed in: ${rowsText(n, connections)} to ${to}`,
    /** After "N packets to …" when the firewall let every one of them in, or only n of them. */
    allowedAll: ' (allowed)',
    allowedSome: (n: number) => ` (${fmtInt(n)} allowed)`,
    /** A part of its own beside other findings: "3 packets allowed in". */
    allowedPart: (n: number, connections: number | null = 0) => `${rowsText(n, connections)} allowed in`,
    /**
     * After an outbound finding, the processes the log names for it (Windows Firewall's pid
     * column): the one thing its advice, "find the process", needs. `more`: it named others too.
     */
    loggedPids: (pids: readonly number[], more: boolean) => `, logged with pid${pids.length > 1 || more ? 's' : ''} ${pids.join(', ')}${more ? ', …' : ''}`,
    trojanFamily: (family: string, ports: readonly string[], more: number) => `${family} ${ports.join(', ')}${more > 0 ? ` +${more}` : ''}`,
    moreFamilies: (n: number) => `+${n} more ${plural(n, 'family', 'families')}`,
    verticalScan: (ports: string, hosts: string | null, duration: string | null) =>
      `vertical scan: ${ports} ports${opt(hosts, (h) => ` on ${h} hosts`)}${opt(duration, (d) => ` in ${d}`)}`,
    horizontalSweep: (hosts: string, on: string, duration: string | null) => `sweep of ${hosts} hosts on ${on}${opt(duration, (d) => ` in ${d}`)}`,
    /** What a sweep or packets went to: a few ports listed, "+N" for the rest. */
    portList: (ports: readonly string[], more: number) => `${ports.join(', ')}${more > 0 ? ` +${more}` : ''}`,
    portCount: (n: string) => `${n} ports`,
    udpScan: (ports: string, duration: string | null) => `UDP scan: ${ports} ports${opt(duration, (d) => ` in ${d}`)}`,
    protoScan: (protocols: number, duration: string | null) => `IP protocol scan: ${fmtInt(protocols)} protocols${opt(duration, (d) => ` in ${d}`)}`,
    /** One or more of NULL / XMAS / SYN+FIN / FIN / ACK. */
    stealthProbes: (labels: readonly string[]) => `${joinAnd(labels)} probes`,
    /** Bare ACKs across many hosts (nmap -sA over a network): how many hosts, and the ports (portList). */
    ackSweep: (hosts: string, ports: string) => `ACK scan: ${hosts} hosts, ${ports}`,
    slowScan: (ports: string, duration: string, perHour: string) => `slow scan: ${ports} ports over ${duration} (${perHour}/h)`,
    /** Appended to a vertical or UDP scan's text, which already gave the ports and duration: ", slowly (10 ports/h)". */
    slowPace: (perHour: string) => `, slowly (${perHour} ports/h)`,
    icmpSweep: (hosts: string) => `ping sweep of ${hosts} hosts`,
    /** `connections`: how many of the n are connection records (Windows Firewall, Cisco ASA; rowsText). */
    packetsTo: (n: number, to: string, duration: string | null, connections: number | null = 0) => `${rowsText(n, connections)} to ${to}${opt(duration, (d) => ` in ${d}`)}`,
    /** Some of a source's packets had no port (ICMP, other protocols): "510 packets, 4 of them to 39480/tcp". */
    packetsSomeTo: (n: number, some: number, to: string, connections: number | null = 0) =>
      // "8 packets and 3 connections, 3 of them" would read as three of the connections (let through).
      mixedRows(n, connections) ? `${rowsText(n, connections)}; ${fmtInt(some)} of these ${fmtInt(n)} to ${to}` : `${rowsText(n, connections)}, ${fmtInt(some)} of them to ${to}`,
    /**
     * This side's own packets that the firewall stopped going out (egress, dropped or
     * rejected), said before what they were: "blocked going out (this side's own traffic): 1 packet to 22/tcp".
     */
    ownBlockedAll: (sent: string) => `blocked going out (this side's own traffic): ${sent}`,
    /** After what a source sent, when only n of those packets were its own going out. */
    ownBlockedSome: (n: number) => ` (${fmtInt(n)} blocked going out from this side)`,
    /**
     * After a finding that covers only part of a source (its chatter, replies, late packets):
     * the probes beside them, as packetsTo says them: "local broadcast noise; and 17 packets to 137/udp".
     */
    uncovered: (sent: string) => `; and ${sent}`,
    /**
     * A telling annotation no finding covers, at the end of a source's why line: its name,
     * its id (what `explain` takes), and how many packets had it when more than one:
     * "open-proxy hunt (proxy-hunt) ×3". The bare id where the id has no name.
     */
    annotationItem: (name: string | null, id: string, packets: number) => `${name === null ? id : named(name, id)}${packets > 1 ? ` ×${fmtInt(packets)}` : ''}`,
    /** A source without findings that sent no port-bearing packets: "6 IGMP packets"; with connection rows among them, "1 packet and 2 connections (icmp)". */
    protoPackets: (n: number, proto: string, connections: number | null = 0) =>
      connections !== null && connections <= 0 ? `${fmtInt(n)} ${proto} ${plural(n, 'packet')}` : `${rowsText(n, connections)} (${proto})`,
    /** A protocol logscan has no name for (the log wrote a word no table names). */
    otherProto: 'other',
    /** The protocols of protoPackets: "TCP/ICMP", "GRE/ESP/AH +2" (`more`: how many others the source sent besides). */
    protoNames: (names: readonly string[], more: number) => `${names.join('/')}${more > 0 ? ` +${fmtInt(more)}` : ''}`,
    /** After protoPackets for ICMP: ": echo request (ping), time exceeded +2" (the names have parentheses of their own). */
    icmpTypes: (names: readonly string[], more: number) => `: ${names.join(', ')}${more > 0 ? ` +${more}` : ''}`,
    /** An ICMP type logscan has no name for. */
    icmpTypeNumber: (type: number) => `type ${type}`,
    traceroute: (n: number) => `traceroute (${counted(n, 'probe')})`,
    outboundTraceroute: (n: number) => `traceroute from this side (${counted(n, 'probe')})`,
    dialupLeftover: (n: number) => `dial-up leftover (${counted(n, 'packet')} meant for the address's previous holder)`,
    /**
     * connections: how many of the n server replies are connection records (a Cisco ASA
     * Teardown, a Windows ALLOW row), said as rowsText does: "service-port server replies
     * (4 connections to client ports)", "DNS server replies (1 packet and 2 connections to client ports)".
     */
    serverReplies: (labels: readonly string[], n: number, icmpReplies: number, icmpErrors: number, connections = 0) =>
      [
        n > 0 ? `${labels.join('/')} server replies (${rowsText(n, connections)} to client ports)` : '',
        icmpReplies > 0 ? `${counted(icmpReplies, 'ICMP echo/query reply', 'ICMP echo/query replies')}` : '',
        icmpErrors > 0 ? `${counted(icmpErrors, 'ICMP error')} about this side's own packets` : '',
      ]
        .filter((s) => s !== '')
        .join(', '),
    /**
     * Late packets of connections: "3 late packets of connections the firewall had forgotten
     * (ACK/RST, no SYN), to 443/tcp". forgotten: every packet of the source was dropped or rejected; else (logged
     * without a verdict, a Windows CLOSE row or a Cisco ASA Teardown) only that the connections were already under way is known.
     * kinds: the labels of the late readings seen (`ACK/RST, no SYN`, `CLOSE rows: ends of sessions`, `Teardown records: ends of connections`).
     * connections: how many of the n are Windows CLOSE rows or Cisco ASA Teardowns, each the end of a connection rather than a packet.
     */
    latePackets: (n: number, to: string | null, forgotten: boolean, kinds: string, connections = 0) =>
      `${[n > connections ? counted(n - connections, 'late packet') : '', connections > 0 ? counted(connections, 'end') : ''].filter(Boolean).join(' and ')} of ${n === 1 ? 'a connection' : 'connections'} ${forgotten ? 'the firewall had forgotten' : 'already under way'} (${kinds})${opt(to, (t) => `, to ${t}`)}`,
    noise: 'local broadcast noise',
    /** What each finding id means, for `logscan explain FINDING-ID` (docs/ranking.md has the thresholds); one per id of src/aggregate/finding-ids.ts, or this does not compile. */
    about: {
      'outbound-blocked':
        "The firewall stopped a machine on your side sending on a port bots use (smtp-outbound, irc-outbound, telnet-outbound, smb-outbound): direct mail, IRC, telnet or Windows sharing towards other networks. Not proof of infection, but the machine to look at first.",
      'outbound-malware':
        "A machine on your side sent to a trojan's, worm's or adware's port (trojan-outbound, adbot-outbound): a program there talks to it, so it is infected or that malware's controller. Find the process.",
      'allowed-in':
        "The firewall let probes from outside reach a sensitive service (a port the knowledge rates severity 3 or more: RDP, SMB, SSH, databases …): the log says allowed (Windows Firewall ALLOW … RECEIVE, a rule that logs what it accepts). The log cannot say whether the service answered; check that it should be reachable from there, and its logins.",
      'trojan-probe':
        'Probes of ports that trojans, worms or backdoors listen on: someone looking for machines already infected. A probe, blocked or only logged, does not mean yours is infected; inside a wide scan the trojan ports are incidental and rated low.',
      'vertical-scan': 'One source tried 15 or more TCP ports (--scan-ports): a port scan looking for services to attack.',
      'horizontal-sweep': 'One source tried the same few ports on 10 or more of your hosts (--sweep-hosts): a search for one service across a network.',
      'udp-scan': 'One source sent to 15 or more UDP ports: a UDP port scan (a traceroute stays within 33434-33600).',
      'proto-scan':
        'One source sent packets of 8 or more IP protocols: it scans the protocol numbers themselves, not ports (as nmap -sO does), to learn which protocols this host answers.',
      'null-scan': 'TCP packets with no flags at all (nmap -sN): no real connection sends them; crafted to slip past simple filters and to fingerprint the system.',
      'xmas-scan': 'TCP packets with FIN, PSH and URG set (nmap -sX): crafted, never part of a real connection.',
      'synfin-scan': 'TCP packets with both SYN and FIN: a contradiction no real stack sends, used to evade filters.',
      'fin-scan': 'FIN-only packets to 5 or more ports (nmap -sF); a single one is usually the late end of a real connection.',
      'ack-scan': 'ACK-only packets to 5 or more ports, or to 10 or more hosts (nmap -sA, across a network on one port): mapping which ports a firewall filters. A real connection\'s late ACKs go to one host and port.',
      'slow-scan': 'Fifteen or more ports over at least an hour, at most one new port a minute: a scan paced to stay under rate-based detection.',
      'icmp-sweep': 'Echo requests (ping) to 10 or more of your hosts: finding out which addresses are alive.',
      'service-knock': "Many packets (15 or more, at least half of the source's) to one port on a few hosts: password guessing or repeated attempts at one service.",
      traceroute: "UDP into 33434-33600 that stays in that range: probably someone tracing the route to you; harmless (this side's own going out is outbound-traceroute).",
      'outbound-traceroute':
        "UDP going out from this side into 33434-33600: a machine here (traceroute, mtr) mapping the path to a destination; harmless, and no probe of anyone here. It ranks only when egress rules stopped it or the machine sent something telling besides: let out, it ranks nowhere, as browsing does not.",
      'dialup-leftover': 'Chat, game, file-sharing or Sub-7 traffic meant for whoever held your dial-up/DHCP address before you; not an attack on you.',
      'server-replies':
        "Most of the source's packets are a server's replies (told by the source port: DNS, NTP, web …) or backscatter, landing on client ports after the firewall forgot the connection, or ICMP answers: errors about packets sent with this side's address, replies to its pings; not probes.",
      'late-packets':
        "Most of the source's packets carry ACK or RST and no SYN (stale-connection): late packets of connections the firewall had already forgotten, or, logged without a verdict or let through, a session's packets. They open nothing, so their ports and hosts are not counted as probed and the source ranks low. A scanner's are part of its scan instead: ACK-only packets to 5 or more ports or 10 or more hosts (ack-scan, nmap -sA), the RSTs a SYN scan sends to what answered.",
      noise: "Most of the source's packets are broadcasts from your own network segment (DHCP, NetBIOS, SSDP …); harmless.",
    } satisfies Record<FindingId, string>,
    /**
     * What each finding is called where people read the ids (the findings line, the HTML
     * page's chips): a few words, the id beside them (`logscan explain ID` takes that);
     * one per id, or this does not compile. Machine formats keep the bare ids.
     */
    label: {
      'outbound-malware': 'outbound to malware ports',
      'outbound-blocked': 'blocked outbound on bot ports',
      'allowed-in': 'probes allowed in',
      'trojan-probe': 'trojan port probes',
      'vertical-scan': 'port scans',
      'horizontal-sweep': 'sweeps across hosts',
      'udp-scan': 'UDP port scans',
      'proto-scan': 'IP protocol scans',
      'null-scan': 'NULL stealth probes',
      'xmas-scan': 'XMAS stealth probes',
      'synfin-scan': 'SYN+FIN stealth probes',
      'fin-scan': 'FIN stealth scans',
      'ack-scan': 'ACK firewall mapping',
      'slow-scan': 'slow port scans',
      'icmp-sweep': 'ping sweeps',
      'service-knock': 'repeated tries at one service',
      traceroute: 'incoming traceroutes',
      'outbound-traceroute': 'outgoing traceroutes',
      'dialup-leftover': 'dial-up leftovers',
      'server-replies': 'server replies',
      'late-packets': 'leftovers of old connections',
      noise: 'LAN broadcast noise',
    } satisfies Record<FindingId, string>,
  },

  /** `logscan FILE` in text and Markdown, and the tables `daily` shares with it. */
  report: {
    inputsCount: (n: number) => `${n} inputs`,
    lines: (n: number) => counted(n, 'line'),
    events: (n: number) => counted(n, 'event'),
    packetsAside: (n: number) => ` (${counted(n, 'packet')})`,
    /** For logs with connection records (Windows Firewall, Cisco ASA; one ALLOW row per connection, one DROP row per packet): " (168 packets, 136 connections)"; no packets: " (127 connections)". */
    packetsConnectionsAside: (packets: number, connections: number) => ` (${packets > 0 ? `${counted(packets, 'packet')}, ` : ''}${counted(connections, 'connection')})`,
    skipped: (n: number) => `${fmtInt(n)} skipped`,
    malformed: (n: number) => `${fmtInt(n)} malformed`,
    sources: (n: number, capped: boolean) => `${capped ? '≥' : ''}${counted(n, 'source')}`,
    since: (t: string) => `since ${t}`,
    /** After `since`, when the logs read begin more than an hour after it: that part of the window is not in them. */
    logsBeginAfterSince: (first: string) => `the logs read begin only at ${first} (an older rotation not given?)`,
    until: (t: string) => `until ${t}`,
    sourceFilter: (cidrs: string) => `source ${cidrs}`,
    minSeverity: (n: number) => `min severity ${n}`,
    leftOut: (n: number) => ` (${counted(n, 'event')} left out)`,
    ignoredText: (n: number) => `${counted(n, 'event')} matched the --ignore list`,
    guessed: ' (guessed)',
    /** After the label md.incomplete in every report format (report-words.ts incompleteNotes): inputs cut part-way (a truncated .gz). */
    incomplete: (n: number, total: number, files: string) => `${n} of ${total} ${plural(total, 'input')} not read to the end: ${files}`,
    /** Inputs of which not a line was read (missing, a directory, binary): "not read to the end" said of them suggested a part was. */
    unread: (n: number, total: number, files: string) => `${n} of ${total} ${plural(total, 'input')} not read: ${files}`,
    /** An input whose records were mostly read from another one too (src/input/repeated-records.ts); the estimate is a sample's. */
    repeats: (share: number, records: number, other: string) =>
      `${share >= 0.995 ? 'all' : `about ${Math.round(share * 100)}%`} of its records (about ${fmtInt(records)}) were also read from ${other}: they are counted twice; give only one of the two`,
    interrupted: (signal: string) => `interrupted by ${signal}: this report covers only what was read before it`,
    /** An input read as UTF-16 with a byte-order mark (src/input/utf16.ts): its label, then after the file's name what it was. */
    decodedLabel: 'decoded',
    decoded: (encoding: string) => ` is ${encoding} text with a byte-order mark (as Windows PowerShell 5.1 writes with > or Out-File), read as such`,
    /** An input read with --encoding (src/input/encoding.ts): after the label decodedLabel and the file's name. */
    decodedFrom: (encoding: string) => ` was read as ${encoding} (--encoding)`,
    /** Label of the note on an input read as UTF-8 that held invalid UTF-8 (input/lines.ts counts the lines). */
    invalidUtf8Label: 'not UTF-8',
    /** After the label, the file's name and a colon: how many lines, and the option that reads them right. */
    invalidUtf8: (lines: number) =>
      `${fmtInt(lines)} ${lines === 1 ? 'line is' : 'lines are'} not valid UTF-8 (shown with \ufffd): if the device writes GBK/GB18030, read it with --encoding gb18030`,
    logGapsLabel: 'log gaps',
    /** What log-gap rows (`marker`: INFO-EVENTS-LOST, IPACCESSLOGRL) say: records lost (those that give a number), rows without one, rows, and when. */
    logGaps: (records: number, uncounted: number, rows: number, when: string | null, marker: string) =>
      `the firewall could not write ${records === 0 ? 'some records' : `${uncounted > 0 ? 'at least ' : ''}${counted(records, 'record')}`} (${counted(rows, `${marker} row`)}${uncounted > 0 && records > 0 ? `, ${fmtInt(uncounted)} without a count` : ''}${opt(when, (w) => `, ${w}`)}): counts around then are low`,
    noMatch: 'No events match the filters.',
    /** noMatch when a time window left everything out: where the logs are. */
    noMatchSpan: (first: string, last: string) => `No events match the filters. The events read run from ${first} to ${last}.`,
    noRecords: 'No firewall records found. `logscan check FILE` shows what the lines look like to logscan.',
    noRecordsShort: 'No firewall records found.',
    /** No line was read at all (missing, empty, unreadable inputs): `logscan check` would find nothing to show either. */
    noLines: 'No firewall records found: no line was read.',
    /** The probes line: "145 packets to 60 ports" (what is not a probe: notProbes). */
    probesText: (packets: number, ports: number, portsCapped = false, connections = 0) => `${rowsText(packets, connections)}${toPorts(ports, portsCapped)}`,
    /** Appended to probesText when only some probes were dropped or rejected: "blocked: 18 packets to 1 port". */
    probesBlocked: (packets: number, ports: number, portsCapped = false) => `blocked: ${counted(packets, 'packet')}${toPorts(ports, portsCapped)}`,
    /** A protocol the log wrote as a number (PROTO=41): said so, or "41 2 (0.4%)" reads as two counts. */
    protoNumber: (n: string) => `proto ${n}`,
    /** After the protocols shown: how many others the log had. */
    moreProtocols: (n: number) => `+${fmtInt(n)} more`,
    moreLabels: (n: number) => `+${fmtInt(n)} more`,
    /** The "logged as" item for records without a log prefix or rule label (the JSON key stays "(none)"). */
    noRule: '(none)',
    /**
     * A "logged as" label that holds a device's message id (a Cisco ASA's 302014, the kind of
     * message, not a rule), said as `explain 'LINE'` says it: the access list the message
     * names with the id, or the id alone. Labels said alike count as one.
     */
    ruleAccessList: (list: string, code: string) => `access list ${list} (message id ${code})`,
    ruleMessageId: (code: string) => `message id ${code}`,
    /**
     * Such an id with the name the format's message table gives it (signatures/asa-messages.json:
     * "302014 TCP connection closed"; sonicwall-messages.json: "36 TCP packet dropped"), and
     * with the access list or rule the record names after it ("106023 denied by access list
     * (Inside_access_in)", "537 connection closed, rule 1 (LAN->WAN)"); what the ids are is
     * said once, before the first of them: "ASA message 302014 TCP connection closed".
     */
    ruleMessage: (code: string, name: string) => `${code} ${name}`,
    ruleMessageList: {
      asaMessages: (message: string, list: string) => `${message} (${list})`,
      sonicwallMessages: (message: string, rule: string) => `${message}, rule ${rule}`,
    } satisfies Record<MessageTable, (message: string, list: string) => string>,
    ruleMessagesLead: {
      asaMessages: (first: string) => `ASA message ${first}`,
      sonicwallMessages: (first: string) => `SonicWall message ${first}`,
    } satisfies Record<MessageTable, (first: string) => string>,
    /** Such a label before its count when it ends in a digit, with the space (if any) before the count, so the numbers do not run together: "message id 302014: 39". */
    ruleBeforeCount: (label: string) => `${label}: `,
    /** The first of the busiest days of a long log ("2026-11-17 1,204"), after how many days had records. */
    daysBusiest: (n: number, first: string) => `${counted(n, 'day')}, the busiest: ${first}`,
    /** Labels of the header lines and item rows (text pads them to one column, Markdown bolds them). */
    label: {
      filter: 'filter',
      ignored: 'ignored',
      probes: 'probes',
      notProbes: 'not probes',
      actions: 'actions',
      protocols: 'protocols',
      direction: 'direction',
      formats: 'formats',
      loggedAs: 'logged as',
      perHour: 'per hour',
      perDay: 'per day',
      findings: 'findings',
      ranges: 'addresses',
      countries: 'countries',
      networks: 'networks',
    },
    head: {
      input: 'input',
      format: 'format',
      lines: 'lines',
      events: 'events',
      skipped: 'skipped',
      malformed: 'malformed',
      rank: '#',
      source: 'source',
      score: 'score',
      severity: 'severity',
      packets: 'packets',
      /** The packets column when a Windows log's counts are connection rows, or both kinds. */
      connections: 'connections',
      records: 'records',
      ports: 'ports',
      hosts: 'hosts',
      seen: 'seen',
      geo: 'geo',
      country: 'country',
      network: 'network',
      why: 'why',
      port: 'port',
      share: 'share',
      knownAs: 'known as',
      interpretation: 'interpretation',
      sev: 'sev',
      sourceCount: 'sources',
      example: 'e.g. from',
      meaning: 'meaning',
      /** The most probed hosts table: a host of this side, and the ports its probes went to. */
      target: 'host',
      targetPorts: 'top ports',
    },
    topSources: 'Top sources',
    topSourcesOf: (shown: number, ranked: number) => `Top sources (${fmtInt(shown)} of ${fmtInt(ranked)} ranked)`,
    noneAtSeverity: (sev: number, ranked: number) => `No source at or above severity ${sev} (${fmtInt(ranked)} ranked).`,
    /** Over the busiest sources when none ranked: by packets, or by a Windows log's connection rows (records when it holds DROP packets too). */
    topBy: (unit: CountUnit): string => (unit === 'packets' ? 'Top sources by packets' : unit === 'connections' ? 'Top sources by connections' : 'Top sources by records'),
    noneRanked: "None ranked: loopback and this side's own traffic are not probes.",
    /** Under a terminal table that dropped optional columns to fit the width: their heads, listed. */
    columnsLeftOut: (heads: string) => `left out for width: ${heads}`,
    /** Under the ranked sources: the header's sources that have no rank, and why (ReportDoc.unrankedSources). */
    unranked: (n: number, total: number) => `${fmtInt(n)} of the ${fmtInt(total)} sources ${n === 1 ? 'is' : 'are'} not ranked: loopback, or only this side's own traffic (not probes)`,
    /**
     * After a notable interpretation's meaning when its packets had several (a trojan row of
     * many ports, LAN chatter of several protocols): `texts` is formatted, "≥16" when capped;
     * `tied`: another meaning had as many, so this one is not "the most common".
     */
    mixedMeaning: (texts: string, shown: number, total: number, unit: CountUnit = 'packets', tied = false) =>
      `(${tied ? 'one of' : 'the most common of'} ${texts} meanings under this id${tied ? ', none more common' : ''}: ${fmtInt(shown)} of the ${counted(total, unit.slice(0, -1))})`,
    /**
     * An interpretation that read packets as late, when some came from sources the ranking
     * found scanning: the header counts those as the scans' probes, not as late packets.
     */
    /** Under the probed ports: scanners' late packets the table has no row for (ReportDoc.topPortsLateUncounted); `cap`: the ports a source's late packets are counted for. */
    portsLateUncounted: (packets: number, sources: number, cap: number) =>
      `not in this table: ${counted(packets, 'late packet')} of ${counted(sources, 'scanner')} (logscan counts a source's late packets port by port for its first ${fmtInt(cap)} ports only); the probes line counts them`,
    scanLateMeaning: (scanned: number, total: number, sources: number, unit: CountUnit = 'packets') => {
      const whose = sources === 1 ? 'its' : 'their';
      const from = `${counted(sources, 'source')} found scanning, so the counts above take ${scanned === 1 ? 'it' : 'them'} as ${whose} probes`;
      if (scanned < total) return `(${fmtInt(scanned)} of the ${counted(total, unit.slice(0, -1))} came from ${from})`;
      if (total === 1) return `(it came from ${from})`;
      return `(${total === 2 ? 'both' : `all ${fmtInt(total)}`} ${unit} came from ${from})`;
    },
    /** Ranked sources in a special-purpose range: "Shared address space (carrier-grade NAT): 3 sources". */
    rangeItem: (name: string, sources: number) => `${name}: ${counted(sources, 'source')}`,
    /**
     * A finding on the findings line: its label, its id (what `explain`, --config weights and
     * the JSON use) and how many sources have it: "trojan port probes (trojan-probe) 16".
     * label and id come escaped for the format; sources is a formatted count.
     */
    findingItem: (label: string, id: string, sources: string) => `${label} (${id}) ${sources}`,
    /** A country or network (--geoip) in the lists of them: "NL: 416 packets, 60 sources"; `connections`: of the packets, connection records (Windows Firewall, Cisco ASA). */
    originItem: (name: string, packets: number, sources: number, connections = 0) => `${name}: ${rowsText(packets, connections)}, ${counted(sources, 'source')}`,
    /** The ports tables' titles: their shares are of `n` packets (those with a port). */
    topPortsBlocked: (n: number) => `Top probed ports (dropped or rejected: ${counted(n, 'packet')} with a port)`,
    topPorts: (n: number, unit: CountUnit = 'packets') => `Top destination ports (${counted(n, unit.slice(0, -1))} with a port)`,
    /** The most probed hosts table's title: its shares are of `n` packets (every probe to a host it counts). */
    topTargetsBlocked: (n: number) => `Most probed hosts of this side (dropped or rejected: ${counted(n, 'packet')})`,
    topTargets: (n: number, unit: CountUnit = 'packets') => `Most probed hosts of this side (${counted(n, unit.slice(0, -1))})`,
    /** Under it, when more hosts were probed than it lists: how many, and their share (formatted) of its count. */
    otherTargets: (hosts: number, isCapped: boolean, share: string) => `${capped(hosts, isCapped)} other ${plural(isCapped ? 2 : hosts, 'host')} drew the other ${share}.`,
    interpretations: 'Notable interpretations',
    /** `evicted` counts evictions, not sources: a source evicted, seen again and evicted again counts twice. */
    evicted: (cap: number, evicted: number, events: number) =>
      `note: more than ${fmtInt(cap)} sources; ${counted(evicted, 'eviction')} of least-recently-seen source profiles (${counted(events, 'event')}) left those events out of the ranking (a source can be evicted more than once; raise the cap with --max-sources).`,
    /** --os-hint when sources shown had no TTL in the log (Windows Firewall records none): said once, under the table. */
    osHintNoTtl: (without: number, shown: number) =>
      without >= shown ? 'no TTL in this log: --os-hint has nothing to read' : `no TTL logged for ${fmtInt(without)} of the ${counted(shown, 'source')} shown: --os-hint has nothing to read for them`,
    /** --os-hint: the hint with its evidence, "likely Linux/Unix [TTL 52, win 64240]". */
    osHint: (hint: string, ttl: number, win: number | null) => `${hint} [TTL ${ttl}${win !== null ? `, win ${win}` : ''}]`,
    md: {
      title: 'logscan report',
      inputs: 'inputs',
      inputList: (n: number, files: string) => `${n} (${files})`,
      timeSpan: 'time span',
      timeZone: 'time zone',
      records: 'records',
      filter: 'filter',
      ignored: 'ignored',
      incomplete: 'incomplete',
      problem: 'problem',
      repeated: 'counted twice',
      interrupted: 'interrupted',
      interruptedText: (signal: string) => `by ${signal}; this report covers only what was read before it`,
      perHour: 'per hour (00-23)',
      perDay: 'per day',
      findings: 'Findings',
      ranges: 'Addresses',
      topCountries: 'Top countries',
      topNetworks: 'Top networks',
      evicted: (cap: number, evicted: number) =>
        `More than ${fmtInt(cap)} sources: ${counted(evicted, 'eviction')} of least-recently-seen source profiles left their events out of the ranking (a source can be evicted more than once).`,
    },
    /** What the ranking knows of a source: the HTML pages' disclosure under each row, the text report's block with --source. */
    details: {
      of: (ip: string) => `${ip} in detail`,
      summary: 'details',
      seen: 'first and last seen',
      findings: 'findings',
      /** A protocol with no ports goes unsaid; one that has them all is said beside the count ("300 tcp"). */
      ports: (ports: number, capped: boolean, tcp: number, udp: number) => {
        const total = `${capped ? 'at least ' : ''}${fmtInt(ports)}`;
        const split = portSplit(tcp, udp);
        const [only] = split;
        const said = split.length === 1 && only![1] === ports ? `${total} ${only![0]}` : split.length === 0 ? total : `${total}: ${split.map(([p, n]) => `${fmtInt(n)} ${p}`).join(', ')}`;
        return `ports (${said}), the busiest`;
      },
      hosts: 'hosts probed',
      /** Packets only: connection records (Windows Firewall, Cisco ASA) record no flags and are not counted. */
      flags: 'TCP flags (packets)',
      /** A flag class's word on that row: in English the JSON key `tcpFlags` counts it by, as the row always read ("syn 300", "other 2"). */
      flagClass: (c: FlagClass): string => c,
      /** The source's counts are packets, or connections or records when it has connection records (Windows Firewall, Cisco ASA). */
      actions: (unit: CountUnit = 'packets') => `verdicts (${unit})`,
      rules: 'logged as',
      interpretations: (unit: CountUnit = 'packets') => `interpretations (${unit})`,
      score: 'score',
      scoreParts: (breadth: string, findings: string, volume: string, persistence: string, factor: string) =>
        `breadth ${breadth} + findings ${findings} + volume ${volume} + persistence ${persistence}, × ${factor}`,
    },
    /** `logscan FILE -o html` (render/report-html.ts); the tables' words are the daily page's. */
    html: {
      heading: 'Firewall log report',
      span: (from: string, to: string, tz: string) => `${from} → ${to} (${tz})`,
      /** The probes card: the text's words, without its leading separator ("none to a port", "to ≥65,536 ports"). */
      toPorts: (n: number, isCapped = false) => toPorts(n, isCapped).replace(/^[ ,]+/, ''),
      distinct: 'distinct addresses',
      chartTitle: (tz: string, unit: CountUnit = 'packets') => `${unitTitle(unit)} per hour of the day (${tz})`,
      dayHeading: 'Activity per day',
      dayChartTitle: (tz: string, unit: CountUnit = 'packets') => `${unitTitle(unit)} per day (${tz})`,
      /** A day's bar, on hover; `day` is already HTML. */
      dayBar: (day: string, packets: number, blocked: number, unit: CountUnit = 'packets') => `${day} · ${counted(packets, unit.slice(0, -1))}, ${fmtInt(blocked)} blocked`,
      /** `files` is already HTML. */
      footer: (version: string, files: string) => `logscan ${version} · read: ${files}`,
    },
  },

  /** `logscan daily` in every format (src/render/daily-*.ts). */
  daily: {
    probes: (packets: number, sources: string, sourcesN: number, ports: number, connections = 0) =>
      `${rowsText(packets, connections)} from ${sources} ${plural(sourcesN, 'source')}${toPorts(ports)}`,
    /** "3 files read: a, b, c · 2 skipped: d — empty; e, f — its kernel lines are already in kern.log" (groups: [files, reason]). */
    filesRead: (n: number, files: string, skipped: number, groups: readonly (readonly [string, string])[], missing: readonly string[]) =>
      `${counted(n, 'file')} read: ${files}${skipped > 0 ? ` · ${fmtInt(skipped)} skipped: ${groups.map(([f, why]) => `${f} — ${why}`).join('; ')}` : ''}${missing.length > 0 ? ` · missing: ${missing.join(', ')}` : ''}`,
    /** A rotation absent from the numbering, in the footer: "kern.log.2 (between kern.log.1 and kern.log.3.gz)". */
    missingBetween: (path: string, newer: string, older: string) => `${path} (between ${newer} and ${older})`,
    skipReason: (r: SkipReason): string =>
      r.kind === 'empty'
        ? 'empty'
        : r.kind === 'before-day'
          ? `last written ${r.lastWritten}, before the day starts`
          : r.kind === 'later-lines'
            ? `holds only later lines (${r.older} was last written ${r.olderWritten})`
            : r.kind === 'packed'
              ? `compressed with ${r.packing}, and the ${r.packing} command is not installed (install it: apt install ${r.package}; or decompress it and give it as a FILE)`
              : `its ${r.lines === 'ufw' ? '[UFW …]' : 'kernel'} lines are already in ${r.earlier}`,
    trendNew: 'new',
    noBasis: (date: string) => `no data for ${date} (not in the logs; --state DIR keeps a digest per day)`,
    /** `span`: the part of the day the basis holds (coveredSpan), null when not known or when it has a hole inside instead. */
    basis: (date: string, fromState: boolean, partly: boolean, span: string | null = null) =>
      `vs ${date}, ${fromState ? 'from the --state digest' : 'from the same logs'}${partly ? ` (that day only partly covered${span === null ? '' : `: ${span}`})` : ''}`,
    /** After the basis (and what follows it): the day itself, a past one, is only partly in the logs; `too`: so is the day before (`basis` said it); `span` as for `basis`. */
    basisTodayPartly: (date: string, too: boolean, span: string | null = null) => `; ${date} only partly covered${too ? ' too' : ''}${span === null ? '' : `: ${span}`}`,
    /** The part of a day partly covered, as clock times in --tz: from its first record on ("from 06:51"), up to its last ("until 17:40"), or both. */
    coveredSpan: (from: string | null, to: string | null) => (from !== null && to !== null ? `${from}-${to}` : from !== null ? `from ${from}` : `until ${to}`),
    /** The parts of a day covered around gaps (a rotation missing or unread), as clock spans: "00:00-09:12 and 14:30-24:00". */
    coveredParts: (parts: readonly string[]) => (parts.length <= 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`),
    /** Instead of the comparison with `date` (the day before): none of `day`, the summarised one, is in the logs, whose zeros would read as a drop (or a rise). */
    notCompared: (date: string, day: string, why: NotCompared) => `not compared with ${date}: none of ${day} is in the logs (${OUTSIDE[why]})`,
    /** After `basis` when the --state digest counted the day before in another zone (its day began and ended at other instants). */
    basisOtherZone: (zone: string, ours: string) => `, which counted that day in ${zone}, not ${ours}: its hours are not the same 24 (--tz ${zone} compares like with like)`,
    /**
     * After `basis` (and `basisOtherZone`) when the --state digest counted the day before with
     * other thresholds, --ignore list, --home-net or --signatures than this run: the change is then partly theirs.
     */
    basisOtherSettings: (what: readonly SettingsChange[], afterZone: boolean) =>
      `${afterZone ? '; it was also' : ', which was'} counted with ${joinAnd(what.map((w) => OTHER_SETTING[w]))}: part of the change may come from that, not from the traffic`,
    /**
     * After `basis` (and the notes above) when the --state digest is an older logscan's that
     * counted `formats`' records otherwise (digest.ts countedOtherwise): those figures are left out.
     */
    basisCountedOtherwise: (formats: readonly string[], afterOther: boolean) =>
      `${afterOther ? '; it was also written' : ', written'} by an earlier logscan, which may have counted ${joinAnd(formats.map((f) => COUNTED_OTHERWISE[f] ?? f))}: its probes, connections, sources and ports are not compared`,
    interrupted: (signal: string) => `interrupted by ${signal}: this summary covers only what was read before it`,
    /**
     * The day's --state digest could not be written (on the page and on stderr): `problem` is
     * stateDirProblem's words in the same language; `next` the day whose comparison misses it.
     */
    stateNotSaved: (dir: string, date: string, problem: string, next: string) =>
      `--state ${dir}: the digest of ${date} was not saved (${problem}): once the logs of ${date} rotate away, the summary of ${next} has no day before to compare with`,
    /**
     * A day's --state digest that a newer logscan wrote (format `version`; this one reads 1 to
     * `newest`): left in place, not compared with, not replaced by this version's (stderr).
     */
    newerDigestKept: (file: string, version: number, newest: number) =>
      `${file}: written by a newer logscan (digest version ${version}; this one reads versions 1 to ${newest}): kept as it is, neither read nor overwritten by this one`,
    /** Why the day's digest could not be saved (daily/digest.ts), inside stateNotSaved's parentheses. */
    stateDirProblem: (p: StateDirProblem): string => {
      switch (p.code) {
        case 'not-directory':
          return p.inWay === null ? 'not a directory' : `${p.inWay} is not a directory`;
        case 'read-only':
          return 'on a read-only file system';
        case 'no-permission':
          return 'no permission to create files in it';
        case 'directory':
          return en.usage.dirProblem(p.problem);
        case 'write':
          return `${p.file}: ${en.usage.writeProblem(p.problem)}`;
      }
    },
    // daily's own lines on stderr, each after "logscan: ".
    /** A stored digest of the day before that is not used; the comparison goes on without it. */
    ignoredDigest: (p: DigestProblem): string => `ignoring the stored digest: ${p.file}: ${en.daily.digestProblem(p)}`,
    /** The summarised day's stored digest cannot be used, and this run's is written in its place (stderr). */
    replacedDigest: (p: DigestProblem, date: string): string => `replacing the unusable stored digest of ${date} with this run's: ${p.file}: ${en.daily.digestProblem(p)}`,
    /** What is wrong with a stored digest (after its file name). */
    digestProblem: (p: DigestProblem): string =>
      p.code === 'unreadable' ? en.input.problem(p.problem) : p.code === 'not-json' ? `not valid JSON (${p.why})` : en.daily.digestShape(p.shape),
    /** What is wrong with a stored digest's contents; `field` is the file's own name for the part, quoted as it is. */
    digestShape: (s: DigestShape): string => {
      switch (s.code) {
        case 'not-object':
          return 'not a JSON object';
        case 'newer':
          return `written by a newer logscan (digest version ${s.version}; this one reads versions 1 to ${s.newest})`;
        case 'unknown-version':
          return `unknown digest version ${s.version}`;
        case 'other-date':
          return `holds ${s.holds}, not ${s.date}`;
        case 'no-totals':
          return 'no totals';
        case 'not-count':
          return `${s.field} is not a count`;
        case 'not-counts':
          return `${s.field} is not a list of counts`;
        case 'not-addresses':
          return `${s.field} is not a list of addresses`;
        case 'not-formats':
          return `${s.field} is not a list of format names`;
        case 'no-flags':
          return 'flags missing';
        case 'not-object-field':
          return `${s.field} is not an object`;
        case 'not-settings':
          return `${s.field} is not a record of thresholds and an --ignore list`;
        case 'not-hash':
          return `${s.field} is not a hash`;
        case 'not-span':
          return `${s.field} is not a pair of times (from, to)`;
        case 'not-ranges':
          return `${s.field} is not a range list`;
        case 'bad-range':
          return `${s.field}: bad port range "${s.range}"`;
      }
    },
    /**
     * The day's --state digest not written (stderr), its stored one kept: this run holds only
     * part of the day, and that digest, of the same logscan, zone and settings, is complete.
     */
    completeDigestKept: (file: string, date: string) =>
      `${file}: the complete digest of ${date} is kept: this run holds only part of that day, and would have replaced it with one that is not complete`,
    /**
     * The same when both are incomplete and the stored one covers more of the day (keep.ts):
     * `stored`, `fresh`: the parts each holds, "00:00-17:40" in --tz (24:00: the day's end).
     */
    longerDigestKept: (file: string, date: string, stored: string, fresh: string) =>
      `${file}: the digest of ${date} is kept: it covers ${stored} of that day, this run only ${fresh}, and would have replaced it with one that covers less`,
    /** A past day none of which is in the logs gets no --state digest (stderr): its zeros would read as a drop, or tomorrow as a rise. */
    noDigestOutside: (dir: string, date: string, why: NotCompared) => `--state ${dir}: no digest of ${date} written: none of that day is in the logs (${OUTSIDE[why]})`,
    /** A day that has not begun by this machine's clock (a --date ahead) gets no --state digest (stderr). */
    noDigestAhead: (dir: string, date: string) => `--state ${dir}: no digest of ${date} written: that day has not begun`,
    /** A run stopped by a signal writes no digest of the day. */
    interruptedNoDigest: (signal: string, date: string) => `interrupted by ${signal}: the --state digest of ${date} is not written (it would count only part of the day)`,
    /** Logs found in DIR, but none written during the two days. */
    /**
     * `unread`: files of a log read first that could not be read (in full); `family`: the log
     * skipped otherwise as their duplicate (ufw.log), read instead for their stretch of time.
     */
    duplicateFallback: (unread: readonly string[], family: string) =>
      `${unread.join(', ')} could not be read in full: the records it lost are read from ${family} instead, which carries the same lines (otherwise skipped as a duplicate)`,
    noFileCanHold: (dir: string, previous: string, day: string) => `no log file in ${dir} can hold ${previous} or ${day} (see docs/daily.md, "Which files are read")`,
    // After "logscan: DIR: " (exit 3): the log directory searched when no FILE is given.
    logDirUnusable: (p: InputProblem) => `cannot look for logs there: ${en.usage.dirProblem(p)}; give the log files as arguments`,
    /**
     * `patterns`: the names looked for ("kern.log*"). `journal`: DIR's systemd journal directory, when
     * there is one: a system without a syslog daemon (Debian 12 on) logs the kernel's lines only there.
     */
    noLogs: (patterns: readonly string[], journal: string | null) =>
      `no firewall logs found (looked for ${patterns.join(', ')}); ` +
      (journal === null ? 'give the log files as arguments' : `this system keeps its logs in the journal (${journal}): ${JOURNAL_DAILY}`),
    dstDay: (hours: number) => `${hours}-hour day (daylight-saving change)`,
    notOver: 'the day is not over: numbers so far',
    notBegun: "the day has not begun yet by this machine's clock: any record on it comes from a clock set ahead",
    untimed: (n: number) => `${counted(n, 'event')} without a date (kernel uptime only) left out`,
    noRecordYet: (last: string) => `no record yet today; the last one read is from ${last}`,
    /** No log file could hold the day: each was last written before it starts (the footer lists them). */
    noFileForDay: (lastWritten: string) => `no log file can hold the day: the newest was last written ${lastWritten}, before it starts (has logging stopped?)`,
    endsBefore: (last: string, day: string) => `the logs end before the day (last firewall record ${last}): none of it is in them; --date ${day} summarises their last day`,
    startsAfter: (first: string, day: string) => `the logs start after the day (first firewall record ${first}): none of it is in them; --date ${day} summarises their first day`,
    startsDuring: (first: string) => `the logs start during the day (first firewall record ${first}): the hours before are missing`,
    endsDuring: (last: string) => `the logs end during the day (last firewall record ${last}, and no file read was written after the day): the hours after are missing`,
    /**
     * Inputs not read to the end whose lost part may be the day's, as the report lists them
     * ("kern.log.2.gz: gzip data is truncated …; /var/log: is a directory", report-words.ts
     * namedReasons): the list last, so its "; " do not run into the sentence's.
     */
    incompleteInputs: (items: string, n: number) => `${n === 1 ? 'an input was' : `${fmtInt(n)} inputs were`} not read to the end, the day may be incomplete: ${items}`,
    /**
     * The page's word on a duplicate fallback (stderr's duplicateFallback): `unread`, the kept log's
     * files not read (`none`: not a line of any); `read`, the duplicate's files read for their records;
     * `restored`: those were read in full (else what they gave is only part, and the day may be incomplete).
     */
    fallbackTaken: (unread: readonly string[], read: readonly string[], none: boolean, restored: boolean) =>
      `${unread.join(', ')} could not be read${none ? '' : ' in full'}; ${none ? (unread.length === 1 ? 'its' : 'their') : `the`} records${none ? '' : ` ${unread.length === 1 ? 'it' : 'they'} lost`} were ${restored ? 'taken from' : 'looked for in'} ${read.join(', ')}, which ${read.length === 1 ? 'carries' : 'carry'} the same${restored ? '' : `, but ${read.length === 1 ? 'it' : 'they'} could not be read in full either`}`,
    /** Inputs of which not a line was read (missing, a directory): "not read to the end" suggested a part of them was. */
    unreadInputs: (items: string, n: number) => `${n === 1 ? 'an input was' : `${fmtInt(n)} inputs were`} not read, the day may be incomplete: ${items}`,
    /** Rotations there but compressed by a command that is not installed, whose lines may fall on the day (the footer says why each was skipped). */
    unreadRotation: (names: string, n: number) =>
      `${names} ${n === 1 ? 'was' : 'were'} not read (the command that unpacks ${n === 1 ? 'it' : 'them'} is not installed): the day's records in ${n === 1 ? 'it' : 'them'} are not counted`,
    /** Rotations missing from the numbering whose lines may fall on the day (the footer says between which files). */
    missingRotation: (names: string, n: number) =>
      `${names} ${n === 1 ? 'is' : 'are'} missing from the log's rotations (deleted, or a rotation failed): the day's records in ${n === 1 ? 'it' : 'them'} are not counted`,
    noRecordsOn: (date: string) => `No firewall records on ${date} (the logs read hold other days).`,
    /** The blocked row's items, each kept whole when the row wraps; `allowed` and `other` are counts with their shares ("3 (0.6%)"). */
    blockedValue: (blocked: string, allowed: string, other: string | null): string[] => [blocked, `allowed ${allowed}`, ...(other !== null ? [`other ${other}`] : [])],
    /** The blocked share when not every packet logged was a probe: "168 (55% of 305 packets logged)". */
    blockedOfLogged: (blocked: number, pct: string, packets: number) => `${fmtInt(blocked)} (${pct} of ${counted(packets, 'packet')} logged)`,
    /** The same when some records are connection records (Windows Firewall, Cisco ASA), not packets, said apart as the report's count line does: "168 (55% of 304 records logged: 168 packets, 136 connections)". */
    /** `events` the records themselves: fewer than `records` when one stands for several packets (an AWS VPC flow log REJECT), then said apart (more when a log gap's row, no packet, is among them: not said): "360 (85% of 422 logged in 296 records: 360 packets, 62 connections)". */
    blockedOfRecords: (blocked: number, pct: string, records: number, connections: number, events: number) =>
      `${fmtInt(blocked)} (${pct} of ${events >= records ? counted(records, 'record') : `${fmtInt(records)}`} logged${events >= records ? '' : ` in ${counted(events, 'record')}`}: ${records > connections ? `${counted(records - connections, 'packet')}, ` : ''}${counted(connections, 'connection')})`,
    newToday: (n: number, atMost: boolean) => `${fmtInt(n)}${atMost ? ' (at most)' : ''} new today`,
    newlyProbed: (n: number) => `${fmtInt(n)} newly probed`,
    /** Under the new ports: scanners' late packets no port's count holds (Comparison.portsLateUncounted); `cap` as report.portsLateUncounted's. */
    newPortsLateUncounted: (packets: number, sources: number, cap: number) =>
      `not in the new ports' counts: ${counted(packets, 'late packet')} of ${counted(sources, 'scanner')} (logscan counts a source's late packets port by port for its first ${fmtInt(cap)} ports only); the probes line counts them`,
    /** A new source or a newly probed port in the lists of them (`name` already escaped), with its probes: "203.0.113.99: 14 packets"; `connections` as rowsText's. */
    listedItem: (name: string, n: number, connections: number | null = 0) => `${name}: ${rowsText(n, connections)}`,
    activity: 'Activity per hour',
    activityMax: (max: number, unit: CountUnit = 'packets') => `Activity per hour (max ${counted(max, unit.slice(0, -1))})`,
    /** The key of the hours the logs read do not reach (before, after or inside a gap of the part covered): the chart's hatch, the sparkline's ░. */
    noLogsHours: 'no logs for these hours',
    label: {
      probes: 'probes',
      notProbes: 'not probes',
      blocked: 'blocked',
      allowed: 'allowed',
      other: 'other',
      loggedAs: 'logged as',
      packets: 'packets',
      sources: 'sources',
      ports: 'ports',
      newSources: 'new sources',
      newPorts: 'new ports',
    },
    text: {
      title: (date: string, tz: string) => `logscan daily · ${date} (${tz})`,
      note: (n: string) => `note: ${n}`,
      change: (basis: string) => `Change: ${basis}`,
    },
    md: {
      title: (date: string, tz: string) => `logscan daily: ${date} (${tz})`,
      perHour: (from: string, to: string) => `per hour (${from}-${to})`,
      /** After the per-hour sparkline when it marks hours no log reaches: what the mark means (`words`: noLogsHours). */
      perHourKey: (mark: string, words: string) => ` (${mark} ${words})`,
      loggedAs: 'Logged as',
      /** The column of what each record was logged as: an iptables prefix, a Windows action, an ASA message id, so no one firewall's word. */
      ruleHead: 'logged as',
      change: (basis: string) => `Change: ${basis}`,
    },
    html: {
      title: (date: string) => `logscan daily · ${date}`,
      /** `files` is already HTML. */
      footer: (files: string) => `logscan daily · ${files}`,
      heading: (date: string) => `Firewall probes on <span class="nw">${date}</span>`,
      hours: (n: number) => `${n} hours`,
      vsDayBefore: (trend: string) => `${trend} vs day before`,
      /** Under the sources card: what is new, as the text's "sources … · 77 new today" says; `atMost` as newToday's. */
      newCount: (n: number, atMost: boolean) => `${fmtInt(n)}${atMost ? ' (at most)' : ''} new ${plural(n, 'source')} today`,
      ofPackets: (pct: string) => `${pct} of packets logged`,
      /** ofPackets when some records are connection records (Windows Firewall, Cisco ASA). */
      ofRecords: (pct: string) => `${pct} of records logged`,
      chartTitle: (date: string, tz: string, unit: CountUnit = 'packets') => `${unitTitle(unit)} per hour on ${date} (${tz})`,
      chartBar: (hour: string, packets: number, blocked: number, unit: CountUnit = 'packets') => `${hour}:00 · ${counted(packets, unit.slice(0, -1))}, ${fmtInt(blocked)} blocked`,
      /** Appended to chartBar when the day before is known: " · day before: 310". */
      chartBarPrevious: (packets: number) => ` · day before: ${fmtInt(packets)}`,
      /** An hour the logs read do not reach: its hover title instead of chartBar's zero. */
      chartBarUncovered: (hour: string) => `${hour}:00 · no logs for this hour`,
      legendBlocked: 'blocked',
      legendRest: 'allowed / other',
      legendPrevious: 'day before',
      ruleLabel: 'logged as',
      changeAgainst: (date: string) => `Change against ${date}`,
      /** Under changeAgainst, which names the day before: none of the page's `day` is in the logs. */
      notCompared: (day: string, why: NotCompared) => `Not compared: none of ${day} is in the logs (${OUTSIDE[why]})`,
      /** Under changeAgainst: the day before is neither in the logs nor in a --state digest. */
      noBasis: 'No data for that day: it is not in the logs (--state DIR keeps a digest per day)',
      /** "sources: 89 → 125 (+40%) · <b>93</b> new today" (`n` is already HTML). */
      newTodayHtml: (n: string, atMost: boolean) => `${n}${atMost ? ' (at most)' : ''} new today`,
      newlyProbedHtml: (n: string) => `${n} newly probed`,
      newSources: 'New sources',
      newPorts: 'Newly probed ports',
      newBadge: 'new',
    },
  },

  /** `logscan follow`'s own lines (src/live/). */
  follow: {
    alert: (source: string) => `!! ALERT ${source}`,
    // One decimal, as the report's tables print it; padded so the explanations after it line up.
    score: (score: number) => `score ${score.toFixed(1).padStart(5)}`,
    scoreAtLeast: (score: number, threshold: number) => `score ${score.toFixed(1)} ≥ ${threshold}`,
    folded: (n: number, ip: string, span: string, to: FoldSpread, going: FoldGoing | null = null) =>
      `  +${fmtInt(n)} more from ${ip} in ${span}${foldedTo(n, to)}${foldedGoing(going)}`,
    /** `atLeast`: more sources came than the window keeps (the rest were evicted). */
    window: (span: string, events: number, sources: number, atLeast = false) =>
      events === 0 ? `── last ${span}: no events` : `── last ${span}: ${counted(events, 'event')} from ${atLeast ? 'at least ' : ''}${counted(sources, 'source')}`,
    followedFor: (span: string) => `── followed for ${span}`,
    /** Under -q's short summary at the stop: where --final-report wrote the whole report. */
    stopReportWritten: (file: string) => `the whole report: ${file}`,
    /** Under -q's short summary at the stop, without --final-report. */
    stopReportHint: 'the whole report at the stop: --final-report FILE, or follow without -q',
    finalReportFailed: (file: string, reason: string) => `--final-report ${file}: not written (${reason})`,
    /** A log-gap row as `follow` prints it; `marker`, the device's word for it (INFO-EVENTS-LOST, IPACCESSLOGRL). */
    logGap: (records: number | null, marker: string) =>
      `log gap: the firewall could not write ${records === null ? 'some records' : counted(records, 'record')} here (${marker})`,
    /** On stderr, the first time an alert window is full of alerted sources (live/alerts.ts): `kept` per window, `window` its length. */
    alertsForgetting: (kept: number, window: string) =>
      `more than ${counted(kept, 'source')} alerted within one ${window} window: the earliest are forgotten and can alert again in it (counted)`,
    /** On stderr at the stop, when any were: alerted sources a full window forgot. */
    alertsForgotten: (n: number, kept: number) =>
      `${counted(n, 'alerted source')} forgotten within ${n === 1 ? 'its window' : 'their windows'}, which keep ${fmtInt(kept)} each (--max-sources): ${n === 1 ? 'it' : 'they'} could alert again there`,
    /** On stderr, the first time an annotation detector's LRU drops a key before it expired (live/run.ts): `kept` per detector. */
    annotationsDropping: (kept: number) =>
      `an annotation detector tracks more than ${fmtInt(kept)} keys (sources, connections, series): the least recently seen are dropped, and their later packets may miss a reading such as a scan or a retry series (counted)`,
    /** On stderr at the stop, when any were: keys the annotation detectors dropped at their cap. */
    annotationsDropped: (n: number, kept: number) =>
      `${counted(n, 'key')} dropped by the annotation detectors before ${n === 1 ? 'its' : 'their'} state expired (each keeps ${fmtInt(kept)}): some packets may lack a reading they would have had`,
    /** What --alert-exec says on stderr, after "logscan: " (live/alert-exec.ts). */
    alertExec: (r: AlertExecReport): string => {
      const n = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;
      switch (r.code) {
        case 'cannot-run':
          return `--alert-exec: cannot run ${r.cmd}: ${r.message}`;
        case 'ended-by':
          return `--alert-exec: ${r.cmd} ended by ${r.signal}`;
        case 'exited':
          return `--alert-exec: ${r.cmd} exited with ${r.exit}`;
        case 'timeout':
          return `--alert-exec: ${r.cmd} still running after ${r.seconds} s; killed`;
        case 'dropping':
          return `--alert-exec: ${n(r.commands, 'command')} running and ${n(r.queued, 'alert')} queued: alerts are dropped until there is room (counted)`;
        case 'dropped':
          return `--alert-exec: ${n(r.n, 'alert')} dropped${r.n === r.total ? '' : ` (${r.total} in all)`}: the queue was full`;
        case 'tally': {
          const why = [
            [r.dropped, 'dropped (the queue was full)'],
            [r.failed, 'failed'],
            [r.unrun, 'still queued when logscan stopped'],
            [r.stoppedWith, `stopped with logscan (the same ${r.stopSignal ?? 'signal'} ended ${r.stoppedWith === 1 ? 'it' : 'them'})`],
            [r.cutOff, 'still running when logscan stopped (killed)'],
          ] as const;
          const parts = why.filter(([k]) => k > 0).map(([k, what]) => `${k} ${what}`);
          return `--alert-exec: of ${n(r.alerts, 'alert')}, ${r.delivered} reached ${r.cmd}, ${r.alerts - r.delivered} did not: ${parts.join(', ')}`;
        }
      }
    },
    /** What happened to a followed path, on stderr after "logscan: NAME: " (input/follow-types.ts). */
    notice: (n: FollowNotice): string => {
      switch (n.code) {
        case 'waiting':
          return `does not exist (yet); waiting for it${n.nonUtf8Name ? en.input.nonUtf8Hint : ''}${n.journal !== undefined ? ` (if the firewall logs only to the journal, ${n.journal}: ${JOURNAL_FOLLOW})` : ''}`;
        case 'appeared':
          return 'appeared; reading it';
        case 'readable-now':
          return 'readable now';
        case 'not-utf8':
          return 'has lines that are not valid UTF-8 (shown with \ufffd): if the device writes GBK/GB18030, follow it with --encoding gb18030';
        case 'removed':
          return 'removed or renamed; reading the rest of it, then waiting for a new file';
        case 'rotated':
          return 'rotated; reading the new file from its start';
        case 'new-since-stop':
          return 'new since logscan stopped; reading it from its start';
        case 'truncated':
          return 'truncated; reading it from its start (lines written just before the truncation may be missing)';
        case 'copytruncated':
          return `truncated (copytruncate); finished the rest from ${n.copy}, reading the file from its start`;
        case 'overwritten':
          return `${n.file} was overwritten while being finished; the lines it still held are not read`;
        case 'truncated-while-stopped':
          return 'truncated while logscan was stopped; reading it from its start';
        case 'rotated-while-stopped':
          return `rotated while logscan was stopped; finishing ${n.file} first`;
        case 'rotations-while-stopped':
          return `rotated ${n.rotations === 2 ? 'twice' : `${n.rotations} times`} while logscan was stopped; reading ${n.reading.join(', ')} before ${n.base}`;
        case 'rotations-not-read':
          return `not read: ${n.count === 1 ? 'one older rotation' : `${n.count} older rotations`}, ${n.count === 1 ? n.first : `${n.first} to ${n.last}`} (a restart reads at most ${n.max} rotations between the file it was reading and ${n.base}; logscan FILE reads them)`;
        case 'unordered-not-read': {
          const one = n.files.length === 1;
          return `not read: ${n.files.join(', ')}, written while logscan was stopped under ${one ? 'a name that does' : 'names that do'} not say where ${one ? 'it comes' : 'they come'} among the rotations (.N and dated names such as -20261206 do, also before an extension as in fw.1.log or fw-20261206.log, each with or without .gz); logscan FILE reads ${one ? 'it' : 'them'}`;
        }
        case 'copy-unread':
          return `the lines after line ${n.line} not read yet may be in ${n.file}, which is not read: ${en.input.problem(n.problem)}`;
        case 'position-lost':
          return `the file read last time (inode ${n.ino}, line ${n.line}) is no longer here or next to it; lines written to it after logscan stopped may be missing`;
        case 'copy-cut':
          return `${n.file}: ${en.input.problem(n.problem)}; the rest of it is not read`;
        case 'copy-read-error':
          return `${n.file}: read error ${n.line === 0 ? 'before its first line' : `after line ${n.line}`}: ${en.input.problem(n.problem)}; the rest of it is not read (not retried${n.packed ? ': it would be unpacked again from its start' : ''}; logscan FILE reads it)`;
        case 'copy-trailing':
          return `${n.file}: ${en.input.problem(n.problem)}`;
        case 'fs-retry':
          return `${n.step === 'stat' ? 'cannot stat: ' : n.step === 'read' ? 'read error: ' : ''}${en.input.problem(n.problem)}; will keep trying`;
        case 'rotation-unreadable':
          return `${n.file}: ${n.read ? 'read error: ' : ''}${en.input.problem(n.problem)}; its lines are not read`;
        case 'fifo':
          return `is a FIFO, not a file that grows; follow it as standard input: logscan follow - < ${n.name}`;
        case 'directory':
          return 'is a directory (follow the log files inside it)';
        case 'not-regular':
          return 'is not a regular file; will keep trying';
        case 'not-text':
          return en.input.problem(n.problem);
        case 'gzip-broke-off':
          return `gzip data broke off (${n.why}); every line before it was read`;
        case 'gzip-bad-header':
          return `gzip data with a bad header (${n.why}); none of it was read`;
        case 'unpack-cut':
          return en.input.problem(n.problem);
        case 'gzip-trailing':
          return en.input.problem({ code: 'gzip-trailing', bytes: n.bytes });
        case 'stream-error':
          return `read error: ${n.message}`;
      }
    },
  },

  /**
   * `logscan check` for a person (check/render.ts), and its JSON's `why` and `hints`. Labels
   * are padded to one column by display width; `--line N`'s field names are JSON paths, not
   * translated; a skipped or malformed line's reason is said from its code (lineReason).
   */
  check: {
    title: (file: string) => `check · ${file}`,
    /** The row labels, in the order the rows come. */
    label: {
      problem: 'problem',
      format: 'format',
      confidence: 'confidence',
      lines: 'lines',
      zone: 'zone',
      encoding: 'encoding',
      nuls: 'NULs',
      fields: '#Fields',
      headers: 'headers',
    },
    /** How the format was chosen (check.ts formatWhy). `conf` is formatted ("0.99"). */
    noFormat: 'no format: nothing was read',
    forced: (format: string) => `${format}, forced by --input-format (not sniffed)`,
    sniffed: (format: string, conf: string, lines: number) => `${format}, sniffed with confidence ${conf} on the first ${counted(lines, 'non-blank line')}`,
    /** The confidence row's last item: the formats that scored 0, counted rather than named (`-o json` lists them). */
    zeroConfidence: (formats: number, all: boolean) => (all ? `all ${counted(formats, 'format')} 0` : `${fmtInt(formats)} ${plural(formats, 'other')} 0`),
    guessedEmpty: (format: string) => `${format} (guessed): the input has no non-blank line to recognise a format by`,
    guessed: (format: string, lines: number, fallback: string) =>
      `${format} (guessed): no format recognised the first ${counted(lines, 'non-blank line')}, so they are read as ${fallback} syslog text, which skips what it cannot read`,
    /** The lines row; `malformed`: malformedCount, coloured when not 0. */
    linesRow: (lines: number, parsed: number, skipped: number, malformed: string) => `${fmtInt(lines)}: ${fmtInt(parsed)} parsed · ${fmtInt(skipped)} skipped · ${malformed}`,
    malformedCount: (n: number) => `${fmtInt(n)} malformed`,
    /** The headers row: records whose syslog header was not read (`reason`: lineReason's words), the first of them `line`. */
    unreadHeaders: (records: number, reason: string) =>
      `${counted(records, 'record')}: ${reason}; their time and host are unknown unless a part of the header logscan reads gave them (a date whose order of day and month the line does not show is never guessed)`,
    /** The encoding row of an input read with --encoding. */
    decodedFrom: (encoding: string) => `${encoding}, as --encoding said, decoded`,
    /** The encoding row of an input read as UTF-8 that held invalid UTF-8. */
    invalidUtf8: (lines: number) =>
      `${fmtInt(lines)} ${lines === 1 ? 'line is' : 'lines are'} not valid UTF-8 (shown with \ufffd): if the device writes GBK/GB18030, read it with --encoding gb18030`,
    encoding: (encoding: string) => `${encoding} with a byte-order mark (as Windows PowerShell 5.1 writes with > or Out-File), decoded`,
    /** NULs dropped from `lines` over-long lines, the first of them `firstLine`. */
    nuls: (count: number, lines: number, firstLine: number) =>
      `${fmtInt(count)} dropped from ${lines === 1 ? `line ${fmtInt(firstLine)}` : `${fmtInt(lines)} lines (the first: line ${fmtInt(firstLine)})`}: a NUL-filled region (as Windows leaves in pfirewall.log after a crash) is no text, so it does not count toward the line-length limit, and what follows it was read`,
    /** The #Fields row: the first layout after the count of them, each a fieldsLayout. */
    fieldsLayouts: (n: number, first: string) => `${n} layouts: ${first}`,
    /** `diff`: "+pid -x" (names added and removed), empty for the first layout. */
    fieldsLayout: (fields: number, diff: string, firstLine: number, lines: number, malformed: number) =>
      `${fmtInt(fields)} fields${diff === '' ? '' : ` (${diff})`} from line ${fmtInt(firstLine)}: ${counted(lines, 'line')}${malformed > 0 ? ` (${fmtInt(malformed)} malformed)` : ''}`,
    /** A block's heading: the malformed or the skipped lines, by kind of reason. */
    kinds: (block: 'malformed' | 'skipped', kinds: number) => `${block} (${counted(kinds, 'kind')})`,
    /** Under a kind: the lead of its first line's text, ending where the text begins (wrapped after it); `own` its exact reason when the kind's lines differ in values. */
    example: (line: number, own: string | null) => `e.g. line ${line}${own === null ? '' : ` (${own})`}: `,
    textNotKept: '(text not kept)',
    moreKinds: (kinds: number, lines: number) => `… ${kinds} more ${plural(kinds, 'kind')} (${counted(lines, 'line')}); -o json lists them all`,
    hint: 'hint: ',
    hints: {
      noRecords: 'no line was a firewall record: this may be a format logscan does not read (yet); `logscan formats` lists the ones it does',
      guessed: (format: string) => `the format was guessed; --input-format ${format} makes it explicit`,
      malformed: 'malformed lines look like firewall records but could not be read; the reason names the field',
      fewLines: (n: number) => `only ${n} non-blank lines to sniff on; --input-format ID forces a format`,
    },
    line: (n: number, fate: LineFate) => `line ${n}: ${LINE_FATE[fate]}`,
    text: 'text',
    reason: 'reason',
    annotations: 'annotations',
    noAnnotations: '(none)',
    /** An annotation's head, above its text: `named` its name and id ("SYN from DNS port 53 (srcport-dns-syn)"). */
    annotation: (named: string, severity: number, ref: string) => `${named} — severity ${severity}, ${ref}:`,
    /** After the time in --tz's zone, when no --tz was given. */
    localZone: 'local',
    countsAs: 'counts as',
    countsAsKind: (kind: TrafficKind) => COUNTS_AS[kind],
    /** A late record that is no packet (a Windows CLOSE row, a Cisco ASA Teardown), named by its readings' labels. */
    lateRecord: (kinds: readonly string[]) => `not a probe: a record of a connection already under way (${kinds.join('; ')})`,
    /** On stderr (exit 2): --line N past the end of FILE. */
    lineAbsent: (line: number, file: string, lines: number) => `--line ${line}: ${file} has only ${counted(lines, 'line')}`,
  },

  /**
   * `--help`: logscan's descriptions of its commands, arguments and options (cli/help-text.ts),
   * laid out by commander. In English commander's own help, unchanged; in another language
   * the headings and the words commander adds (choices, default) too.
   */
  help: {
    /** Commander's headings, by the English it passes to Help.styleTitle. */
    headings: { 'Usage:': 'Usage:', 'Arguments:': 'Arguments:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Global Options:': 'Global Options:' } as Readonly<Record<string, string>>,
    /** After an option's description: its choices and default, as commander words them ("choices", "default"; values as JSON). */
    extras: (choices: readonly string[] | null, dflt: string | null) =>
      [choices === null ? null : `choices: ${choices.map((c) => JSON.stringify(c)).join(', ')}`, dflt === null ? null : `default: ${dflt}`].filter((x) => x !== null).join(', '),
    /** Commander's own options and command. */
    help: 'display help for command',
    version: 'output the version number',
    tableOrJson: 'table for people (also: text), json for programs',
    checkLine: 'also show every field extracted from line N (time, host, addresses, ports, rule, annotations)',
    checkCommand: 'show how logscan reads a file: detected format and why, parsed/skipped/malformed lines with an example of each kind',
    dailyFiles: 'log files (.gz, and .bz2/.xz/.zst where bzip2/xz/zstd is installed), - for stdin; default: the usual places (kern.log, messages, ufw.log, firewalld, filter.log (pfSense), filter/filter_*.log (OPNsense) and their rotations; on Windows, the Windows Firewall log folder)',
    dailyDate: 'the day: YYYY-MM-DD, today or yesterday, in --tz',
    dailyOutputFormat: 'text (default on a terminal; also: table), markdown (default otherwise; also: md), html or json',
    dailyOutput: 'write to <file> instead of standard output (a file is replaced atomically, a FIFO or device written into; - is stdout); without -o, .html/.htm, .md/.markdown and .json pick the format; .txt or any other extension, text',
    dailyState: 'keep a small digest per day in <dir>, so the comparison works after the logs rotated away',
    dailyQuietBelow: 'print nothing on standard output when no finding of the day reaches this severity (0-5 or a name), so cron mails only a day with news; the --state digest is still kept, problems still go to stderr',
    dailyLogDir: 'where to look when no log files are given (default /var/log; on Windows the firewall log folder); in <dir> every known log is looked for, Linux and Windows',
    dailyCommand: 'summarise one calendar day: headline numbers, change against the day before, top sources, ports, interpretations, hourly chart',
    geoip: 'add country and AS of sources from MaxMind .mmdb files in <dir> (GeoLite2-Country/City/ASN; docs/integrations.md)',
    ignore: 'leave out events matching <file>: addresses/CIDRs, "port N[/proto]", "iface NAME", # comments',
    osHint: "guess each shown source's OS family from its first packet's TTL and TCP window (a hint, not proof)",
    resolve: 'look up PTR (reverse DNS) names of the shown sources',
    resolveTimeout: 'timeout per PTR query (default 2)',
    resolveServer: 'DNS server for --resolve (ADDR, ADDR:PORT, [IPv6]:PORT); repeatable; default: the system resolver',
    eventsOutputFormat: 'ndjson (default), or dshield: the DShield tab-separated submission format (docs/integrations.md)',
    eventsEcs: 'use Elastic Common Schema field names (source.ip, destination.port, event.action, …)',
    eventsDshieldUserid: '-o dshield: your DShield user id (default 0, anonymous)',
    eventsCommand: 'print every firewall record as one JSON object per line (NDJSON)',
    explainQuery: "PORT, PORT/tcp|udp, FROM-TO[/proto], TYPE/icmp|icmpv6, an IPv4/IPv6 address, an annotation or finding id, a finding's label (\"trojan port probes\"), a name/family/category to search, a log line in quotes, or - for log lines on standard input",
    explainSignatures: 'extra signatures directory (repeatable); entries with the same id override',
    explainHomeNet: "a network of this side, for log lines (CIDR or address, repeatable; default: RFC 1918 and the other local ranges): what it sends out is this side's own traffic, not a probe",
    explainYear: 'for log lines: the year of the first stamp that has none (BSD syslog); default: this year, or last year for a date still to come',
    explainTz: "for log lines: IANA zone of stamps without an offset, and of the times shown; default: this machine's zone",
    explainCommand: "explain what a port, port/proto, range, ICMP type, address, malware name, annotation or finding id means (e.g. 6776, 33500/udp, 6970-7170, 8/icmp, 224.0.0.251, sub7, sub7-artifact, vertical-scan), or what a log line says ('LINE', or - to read lines from standard input)",
    explainLang: "language of the explanations; default: the locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English for -o json",
    since: 'only events at or after: 2026-11-20, 2026-11-20T06:00[Z|+01:00], or 30m / 2h / 1h30m / 7d ago',
    until: 'only events at or before (same forms as --since)',
    source: 'only events from this address or range (IPv4/IPv6 CIDR); repeatable',
    followFiles: 'log files to follow (need not exist yet), - for a live stdin stream',
    followOutputFormat: 'text for people (also: table), ndjson (annotated events, one per line) for programs',
    followEcs: 'Elastic Common Schema documents, as `events --ecs` writes them (NDJSON: implies -o ndjson)',
    followQuiet: 'no line per probe: only alerts, --summary-every summaries and a short summary at the end (totals, top 5 sources, what was not read; the whole report: --final-report) (a service, a busy log)',
    followFinalReport: 'at the stop, also write the whole report, as follow prints it without -q, to <file> (replaced at each stop)',
    followFromStart: 'read what the files already hold first (default: start at their end)',
    followState: 'remember how far each file was read; a restart continues there, even across rotation',
    followSummaryEvery: 'print a summary of the last interval every so often (30s, 10m, 1h); also the alert window',
    followAlertScore: 'alert when a source reaches this score within the window (no default: without it or --alert-exec no alert fires; see docs/ranking.md)',
    followCommand: 'follow growing logs through rotation: one line per probe, a summary on Ctrl-C, alerts with --alert-score N',
    formatsJson: 'same as -o json (kept for scripts that use it)',
    formatsCommand: 'list the log formats logscan recognises, with an example line each',
    formatsLang: "language of the descriptions; default: the locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English for JSON",
    inputFormat: 'skip sniffing: read every input as this format (see `logscan formats`)',
    encoding: 'character encoding of the logs, a WHATWG label: gb18030, gbk, big5, shift_jis, euc-kr, windows-1252 … (default: UTF-8; UTF-16 with a byte-order mark is read as such)',
    year: 'year of the first record when the log has none (BSD syslog); default: inferred from file date',
    /** follow's: a line is dated when it is read (parse-session.ts), not by the file's mtime as the one-shot commands do. */
    followYear: 'year of the first record when the log has none (BSD syslog); default: the year that puts each record at most two days after it is read',
    tz: 'IANA zone of timestamps without an offset, and of the times shown; default: this machine\'s zone',
    signatures: 'extra signature directory (adds or overrides entries); repeatable',
    homeNet: "a network of this side (CIDR or address, repeatable; default: RFC 1918 and the other local ranges): forwarded traffic from it to elsewhere is this side's own",
    threads: 'auto, 1 or 2: with 2, a second thread reads and parses the logs while this one does the rest; same output (auto: 2 for 32 MiB or more of log text, .gz counted unpacked, .bz2/.xz/.zst estimated, on 2+ cores; a pipe on stdin counts 0: its size is unknown)',
    lang: "language of what logscan writes: headings, summaries, explanations; default: the locale's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English for output to programs (JSON, NDJSON, CSV, blocklist)",
    programDebug: 'print stack traces for internal errors',
    programCommand: 'Firewall log analyzer: what the noise in your firewall logs means (iptables/netfilter, Windows Firewall, pf, pfSense/OPNsense filterlog, Cisco ASA and IOS, MikroTik, FortiGate, SonicWall, Palo Alto PAN-OS, Juniper SRX, Sophos, Cisco Meraki, WatchGuard, Check Point, Google Cloud VPC firewall, AWS VPC Flow Logs, Azure Firewall, Stormshield, Zyxel, Hillstone, Huawei USG, H3C SecPath, CEF, LEEF; `logscan formats` lists them).',
    files: 'log files (.gz, and .bz2/.xz/.zst where bzip2/xz/zstd is installed), - for stdin',
    reportOutputFormat: 'table for people (also: text), markdown for tickets (also: md), html for a page to share, json for programs (docs/report-json.md), csv for spreadsheets, blocklist for firewalls (docs/integrations.md)',
    reportOutput: 'write to <file> instead of standard output (a file is replaced atomically, a FIFO or device written into; - is stdout); without -o, .html/.htm, .md/.markdown, .json and .csv pick the format, .txt or any other extension the table',
    top: 'rows in the top tables',
    reportMinSeverity: 'show only sources and interpretations of at least this severity (0-5 or info/notice/low/medium/high/critical)',
    reportFailOn: 'exit 4 when any finding reaches this severity (0-5 or a name)',
    reportCsvTable: '-o csv: which table (default sources)',
    reportBlocklistFormat: '-o blocklist: nft script, ipset restore file, iptables, ufw or PowerShell (Windows Firewall) commands (default nft)',
    reportBlocklistMinScore: '-o blocklist: sources scoring at least N (default 50)',
    reportBlocklistIncludePrivate: '-o blocklist: keep loopback/private/link-local sources (left out by default)',
    reportCommand: 'analyse firewall logs and print a report (the default command: `logscan FILE...`)',
    config: 'JSON file overriding detection thresholds and score weights (docs/ranking.md)',
    scanPorts: (n: number) => `distinct ports that make a vertical/UDP scan (default ${n})`,
    sweepHosts: (n: number) => `distinct hosts that make a horizontal sweep, and an ACK scan across hosts (default ${n})`,
    /** `twoSummaries`: follow's cap, of each of its two summaries. */
    maxSources: (n: number, twoSummaries: boolean) =>
      `${twoSummaries ? "source profiles kept in memory by each of the run's and the window's summaries, and the keys each annotation detector keeps (at most 50000); below 20000 also the sources the report at the stop counts (10 per profile)" : 'source profiles kept in memory'} (default ${n})`,
    followAlertExec: (score: number) => `run CMD for each alert, without a shell, the alert as JSON on stdin (10 s timeout; default --alert-score ${score})`,
  },

  /** Usage errors on stderr (exit 2), each after "logscan: ". */
  usage: {
    /** The line after a commander usage error; `command`: null for the program itself. */
    seeHelp: (command: string | null) => `(run \`logscan ${command === null ? '' : `${command} `}--help\` for usage)`,
    /** What commander found wrong with the command line (cli/commander-problem.ts), in commander's own English words. */
    commander: (p: CommanderProblem): string => {
      switch (p.code) {
        case 'commander.unknownOption': {
          const s = p.suggestions;
          return `unknown option '${p.flag}'${s.length > 1 ? `\n(Did you mean one of ${s.join(', ')}?)` : s.length === 1 ? `\n(Did you mean ${s[0]}?)` : ''}`;
        }
        case 'commander.missingArgument':
          return `missing required argument '${p.name}'`;
        case 'commander.optionMissingArgument':
          return `option '${p.flags}' argument missing`;
        case 'commander.invalidArgument':
          return `option '${p.flags}' argument '${p.value}' is invalid. Allowed choices are ${p.choices.join(', ')}.`;
        case 'commander.excessArguments':
          return `too many arguments${p.command === null ? '' : ` for '${p.command}'`}. Expected ${p.expected} argument${p.expected === 1 ? '' : 's'} but got ${p.got}.`;
      }
    },
    // logscan's own (UsageError built by i18n/messages.ts usageError). `raw`: the value as typed.
    /** A bare word that names no command and no file; `near`: commands it is close to. */
    unknownCommand: (word: string, near: readonly string[], commands: readonly string[]) =>
      `unknown command "${word}" (and no such file): ${nearHint(near)}commands are ${commands.join(', ')}; for a file of that name write ./${word}`,
    helpTopic: (topic: string, near: readonly string[], commands: readonly string[]) => `help: no command "${topic}": ${nearHint(near)}commands are ${commands.join(', ')}`,
    noInput: 'no input: give one or more log files, or - for standard input',
    /** `max`: null for no upper bound (--line). */
    wholeNumber: (option: string, max: number | null, raw: string) => `${option}: expected a whole number ${max === null ? 'of 1 or more' : `from 1 to ${max}`}, got "${raw}"`,
    positiveNumber: (option: string, raw: string) => `${option}: expected a positive number, got "${raw}"`,
    unknownFormat: (raw: string, known: readonly string[]) => `--input-format: unknown format "${raw}" (known: ${known.join(', ')})`,
    /** --encoding: a label TextDecoder does not know. */
    unknownEncoding: (raw: string) => `--encoding: unknown encoding "${raw}" (use a WHATWG label such as gb18030, gbk, big5, shift_jis, euc-kr or windows-1252)`,
    /** --encoding utf-16*: its line ends are not single bytes; a byte-order mark makes it read without the option. */
    utf16Encoding: (raw: string) => `--encoding: "${raw}" is UTF-16, which logscan reads by its byte-order mark without --encoding; UTF-16 without a mark is not read (convert it first: iconv -f UTF-16LE -t UTF-8)`,
    unknownZone: (tz: string) => `--tz: unknown time zone "${tz}" (use an IANA name such as Europe/Berlin or UTC)`,
    year: (min: number, max: number, raw: string) => `--year: expected a four-digit year from ${min} to ${max}, got "${raw}"`,
    /** --since/--until and --date: a valid date whose year is outside what logscan reads. */
    yearRange: (option: string, min: number, max: number, raw: string) => `${option}: the year must be from ${min} to ${max}, got "${raw}"`,
    time: (option: string, raw: string) => `${option}: expected a time like 2026-11-20, 2026-11-20T06:00, 2026-11-20T06:00Z or a duration like 30m, 2h, 1h30m, 7d; got "${raw}"`,
    sinceAfterUntil: '--since is after --until',
    /** --min-severity, --fail-on: `names`, the severity words a value may also be. */
    severity: (option: string, names: readonly string[], raw: string) => `${option}: expected a severity 0-5 or ${names.join('/')}, got "${raw}"`,
    date: (min: number, max: number, raw: string) => `--date: expected YYYY-MM-DD (a year from ${min} to ${max}), today or yesterday, got "${raw}"`,
    sourceRange: (raw: string) => `--source: expected an address or CIDR range such as 203.0.113.0/24 or 2001:db8::/32, got "${raw}"`,
    /** An option that belongs to one output format ("--csv-table only applies with -o csv"). */
    onlyWithFormat: (option: string, format: string) => `${option} only applies with -o ${format}`,
    onlyWithResolve: (option: string) => `${option} only applies with --resolve`,
    resolveTimeout: (raw: string) => `--resolve-timeout: expected seconds from 0.1 to 60, got "${raw}"`,
    blocklistMinScore: (raw: string) => `--blocklist-min-score: expected a score from 0 to 10000, got "${raw}"`,
    ecsNeedsNdjson: (format: string) => `--ecs applies to -o ndjson, not -o ${format}`,
    geoipNotDshield: '--geoip applies to -o ndjson (the DShield format has no field for it)',
    dshieldUserid: (raw: string) => `--dshield-userid: expected a number, got "${raw}"`,
    jsonNotFormat: (format: string) => `--json is -o json; it cannot be used with -o ${format}`,
    logDirAndFiles: '--log-dir is for finding logs when no log files are given; give one or the other',
    explainNothing: 'explain: give at least one port, port/proto, range, address or name',
    explainEmptyStdin: 'explain: standard input had no lines to explain',
    quietNeedsText: '--quiet only applies to text output (-o ndjson prints every event)',
    duration: (option: string, raw: string) => `${option}: expected a duration such as 30s, 10m, 1h or 1h30m, got "${raw}"`,
    durationTooShort: (option: string, raw: string) => `${option}: must be at least 1s, got "${raw}"`,
    /** --alert-exec's command line: `quote` ' or ". */
    unterminatedQuote: (option: string, quote: string) => `${option}: unterminated ${quote} quote`,
    trailingBackslash: (option: string) => `${option}: trailing backslash`,
    emptyCommand: (option: string) => `${option}: empty command`,
    // Files and addresses options name. `file`, `raw`: as given; `why`: a library's own words (English).
    /** --config, --ignore: a file that could not be read (input/problem.ts fsProblem). */
    fileProblem: (option: string, file: string, p: InputProblem) => `${option} ${file}: ${en.input.problem(p)}`,
    configNotJson: (file: string, why: string) => `--config ${file}: not valid JSON (${why})`,
    configNotObject: (file: string) => `--config ${file}: expected a JSON object`,
    configUnknownKey: (file: string, key: string) => `--config ${file}: unknown key "${key}" (expected "thresholds")`,
    /** A setting of a --config file (`file`), or of the options themselves (null); `path` like limits.maxSources, `got` as JSON. */
    settingNotObject: (file: string | null, path: string) => `${settingsOf(file)}: ${path || 'thresholds'} must be an object`,
    unknownSetting: (file: string | null, path: string) => `${settingsOf(file)}: unknown setting "${path}"`,
    settingArray: (file: string | null, path: string, n: number) => `${settingsOf(file)}: "${path}" must be an array of ${n} non-negative numbers`,
    settingNumber: (file: string | null, path: string, got: string) => `${settingsOf(file)}: "${path}" must be a non-negative number, got ${got}`,
    settingCount: (file: string | null, path: string, got: string) => `${settingsOf(file)}: "${path}" must be a whole number from 1, got ${got}`,
    /** A line of an --ignore file that is none of its entries; `text`: the line as written. */
    ignoreLine: (file: string, line: number, problem: IgnoreLineProblem, text: string) => `--ignore ${file}:${line}: ${IGNORE_LINE[problem]}: "${text}"`,
    /** --geoip DIR that cannot be listed. */
    geoipDir: (dir: string, p: InputProblem) => `--geoip ${dir}: ${en.usage.dirProblem(p)}`,
    /** Why a directory could not be used (input/open.ts dirProblem): input.problem's words, for a directory. */
    dirProblem: (p: InputProblem): string => (p.code === 'not-found' ? 'no such directory' : p.code === 'not-a-directory' ? 'not a directory' : en.input.problem(p)),
    geoipNoFiles: (dir: string) => `--geoip ${dir}: no .mmdb files there (expected GeoLite2-Country.mmdb and/or GeoLite2-ASN.mmdb, see docs/integrations.md)`,
    geoipUnreadable: (file: string, why: string) => `--geoip ${file}: not a readable MaxMind database (${why})`,
    geoipNoDatabase: (dir: string, names: readonly string[]) => `--geoip ${dir}: no Country, City or ASN database among ${names.join(', ')}`,
    outputWrite: (file: string, p: WriteProblem) => `--output ${file}: ${en.usage.writeProblem(p)}`,
    /** `follow --final-report FILE` that could not be written at the stop, found at the start (cli/output.ts laterWriteProblem). */
    finalReport: (file: string, p: WriteProblem) => `--final-report ${file}: ${en.usage.writeProblem(p)}`,
    /** `same`: the input file it is, when named otherwise; null: named alike; '-': standard input is read from it. */
    /** `option`: the option that names FILE (--output, follow's --final-report). */
    outputIsInput: (file: string, same: string | null, option = '--output') =>
      `${option} ${file}: is one of the input files${same === null ? '' : same === '-' ? ' (standard input is read from it)' : ` (the same file as ${same})`}; refusing to overwrite a log`,
    /** Why a file could not be written, in the user's terms (util/write-error.ts). */
    writeProblem: (p: WriteProblem): string => {
      switch (p.code) {
        case 'no-such-directory':
          return `no such directory: ${p.dir}`;
        case 'not-found':
          return 'no such file';
        case 'parent-not-directory':
          return `${p.dir} is not a directory`;
        case 'no-permission-in-dir':
          return `no permission to create files in ${p.dir}`;
        case 'permission-denied':
          return 'permission denied';
        case 'is-directory':
          return 'is a directory';
        case 'read-only':
          return `${p.dir} is on a read-only file system`;
        case 'no-space':
          return 'no space left on the device';
        case 'quota':
          return 'disk quota exceeded';
        case 'system-error':
          return p.message;
      }
    },
    /** `follow --state FILE` that cannot be used at the start (input/follow-state.ts). */
    state: (file: string, p: StateProblem) => `--state ${file}: ${en.usage.stateProblem(p)}`,
    /** A save that failed later, on stderr while follow goes on; `file`: its absolute path. */
    stateLater: (file: string, p: StateProblem) => `${file}: ${en.usage.stateProblem(p)}`,
    stateProblem: (p: StateProblem): string => {
      switch (p.code) {
        case 'unreadable':
          return `cannot read state: ${en.input.problem(p.problem)}`;
        case 'unsaved':
          return `cannot save state: ${en.usage.writeProblem(p.problem)}`;
        case 'not-json':
          return 'not a logscan state file (invalid JSON); move it away to start afresh';
        case 'not-object':
          return 'not a logscan state file (not a JSON object); move it away to start afresh';
        case 'version':
          return `unsupported state version ${p.version}; move it away to start afresh`;
        case 'bad-entry':
          return `invalid entry ${p.entry}`;
      }
    },
    /** Signature data that cannot be used (errors.ts SignatureError): `file (entry): detail`; `detail` is English for an entry's content. */
    signatures: (file: string, entry: string | null, p: SignatureProblem | null, detail: string) =>
      `invalid signatures: ${file}${entry ? ` (${entry})` : ''}: ${p === null ? detail : en.usage.signatureProblem(p)}`,
    signatureProblem: (p: SignatureProblem): string => {
      switch (p.code) {
        case 'not-directory':
          return 'not a directory (given with --signatures)';
        case 'builtin-missing':
          return 'built-in signatures directory not found';
        case 'no-files':
          return `no signature files found; expected one of ${p.expected.join(', ')}${p.found.length ? ` (found ${p.found.join(', ')})` : ''}`;
        case 'unreadable':
          return `cannot read: ${p.why}`;
        case 'not-json':
          return `invalid JSON: ${p.why}`;
      }
    },
    homeNet: (raw: string) => `--home-net: "${raw}" is not an address or CIDR range (e.g. 203.0.113.0/24, 2001:db8::/48)`,
    /** `why`: Node's words; `bad`: the value it could not read as an address, when it says which. */
    resolveServer: (why: string, bad: string | null) => `--resolve-server: ${why} (expected an address, optionally with a port: 192.0.2.53, 192.0.2.53:5353, [2001:db8::53]:53)`,
    // `explain`'s queries; `raw`: the query as typed.
    queryEmpty: 'empty query: give a port (6776), port/proto (33500/udp), range (6970-7170), ICMP type (8/icmp) or a name (sub7)',
    queryPort: (raw: string, port: string) => `invalid query "${raw}": port ${port} is out of range (0-65535)`,
    querySyntax: (raw: string) => `invalid query "${raw}": expected PORT, PORT/tcp|udp, FROM-TO, FROM-TO/tcp|udp or TYPE/icmp|icmpv6`,
    queryIcmpType: (raw: string) => `invalid query "${raw}": an ICMP type is one number 0-255 (8/icmp, 135/icmpv6)`,
    queryProto: (raw: string, proto: string) => `invalid query "${raw}": protocol must be tcp, udp, icmp or icmpv6, not "${proto}"`,
    queryRange: (raw: string, from: number, to: number) => `invalid query "${raw}": range start ${from} is above its end ${to}`,
  },

  /**
   * Why a line was skipped or malformed (parsers/reason.ts), one wording per code: the field
   * and the value stay as logged. English is the parsers' words of old, byte for byte (stderr,
   * JSON, `check -o json` and the kinds they are grouped by say it).
   */
  lineReason: {
    missing: (r) => `${r.field}: missing`,
    'missing-found': (r) => `${r.field}: missing (found ${r.value})`,
    'missing-token': (r) => `${r.field}: missing ${r.value}`,
    'missing-split': (r) => `${r.field}: missing (truncated or split record)`,
    empty: (r) => `${r.field}: empty`,
    truncated: (r) => `${r.field}: truncated`,
    'invalid-address': (r) => `${r.field}: invalid address ${r.value}`,
    'invalid-port': (r) => `${r.field}: invalid port ${r.value}`,
    'unknown-port-name': (r) => `${r.field}: port name ${r.value} is none of the Cisco port names`,
    invalid: (r) => `${r.field}: invalid ${r.value}`,
    'invalid-column': (r) => `field ${r.field}: invalid ${r.value}`,
    'unknown-column': (r) => `field ${r.field}: unknown ${r.value}`,
    'not-in-header': (r) => `field ${r.field}: not in the #Fields header`,
    'vpcflow-not-in-header': (r) => `field ${r.field}: not in the header line`,
    'vpcflow-field-count': (r) => `expected ${r.expected} fields (${r.named ? 'per the header line' : 'the default format: no header line names others'}), got ${r.value}`,
    'field-count': (r) => `expected ${r.expected} fields (per #Fields), got ${r.value}`,
    'not-a-number': (r) => `${r.field}: not a number`,
    'not-a-protocol': (r) => `${r.field}: not a protocol number ${r.value}`,
    unknown: (r) => `${r.field}: unknown ${r.value}`,
    'neither-id-nor-text': (r) => `${r.field}: neither id nor text`,
    'neither-string-nor-bytes': (r) => `${r.field}: neither a string nor a byte array`,
    'invalid-syntax': (r) => `${r.field}: invalid syntax`,
    'unknown-flag': (r) => `${r.field}: unknown letter in ${r.value}`,
    'family-differs': (r) => `${r.field}: address family differs from ${r.value}`,
    unclosed: (r) => `${r.field}: unclosed ${r.value}`,
    'unclosed-in': (r) => `${r.field}: unclosed ${r.bracket} in ${r.value}`,
    expected: (r) => `${r.field}: expected ${r.value}`,
    'expected-found': (r) => `${r.field}: expected ${r.syntax}, found ${r.value}`,
    'expected-in': (r) => `${r.field}: expected ${r.syntax} in ${r.value}`,
    'expected-level': (r) => `${r.field}: expected level digit in ${r.value}`,
    'expected-message-id': (r) => `${r.field}: expected message id in ${r.value}`,
    'expected-direction': (r) => `${r.field}: expected inbound or outbound`,
    'next-line': (r) => `${r.field}: on the next line (tcpdump -v)`,
    'cut-before': (r) => `truncated: the line ends before ${r.value} (cut off by the syslog daemon?)`,
    'too-few-fields': (r) => `truncated: ${r.value} fields (at least 9 before the IP fields)`,
    'fields-for-addresses': (r) => `truncated: ${r.value} fields, IPv${r.version} addresses need ${r.need}`,
    'ports-missing': (r) => `truncated: ${r.value} ports missing`,
    'not-filterlog-csv': () => 'not filterlog CSV (direction or IP version field)',
    'two-records': () => "two records on one line (a second SRC= after this record's fields)",
    overlong: (r) => `line longer than ${r.limit} characters (${r.value})`,
    'parser-error': (r) => `parser error: ${r.value}`,
    'year-range': (r) => `${r.field}: year ${r.value} outside the supported range ${MIN_YEAR}-${MAX_YEAR}`,
    'year-range-column': (r) => `field ${r.field}: year ${r.value} outside the supported range ${MIN_YEAR}-${MAX_YEAR}`,
    'impossible-day': (r) => `${r.field}: impossible date (${r.value})`,
    'impossible-month': (r) => `${r.field}: impossible date (month ${r.value})`,
    'impossible-hour': (r) => `${r.field}: impossible time (hour ${r.value})`,
    'impossible-minute': (r) => `${r.field}: impossible time (minute ${r.value})`,
    'impossible-second': (r) => `${r.field}: impossible time (second ${r.value})`,
    'impossible-date-offset': (r) => `${r.field}: impossible date (UTC offset)`,
    'impossible-offset': (r) => `${r.field}: impossible UTC offset`,
    'impossible-stamp': (r) => `${r.field}: impossible date ${r.value}`,
    'leap-day-inferred': (r) => `${r.field}: Feb 29 in ${r.value}, the year inferred for the line, which has none (--year sets the year)`,
    'repeat-count': (r) => `${r.field}: count ${r.value} out of range 1-${r.max}`,
    'repeat-syntax': (r) => `${r.field}: expected "N times: [ … ]" with a count from 1 to ${r.max}, found ${r.value}`,
    'header-unread': () => 'header not understood: read from its kernel: tag on',
    'not-record': () => 'not a firewall record',
    'not-ip': (r) => `${r.value} packet, not IP: logscan reads IP packets`,
    blank: () => 'blank line',
    'empty-message': () => 'empty message',
    'journal-no-message': () => 'journal entry without MESSAGE',
    'not-journal-json': () => 'not a JSON journal entry',
    'not-kernel': (r) => `not from the kernel (_TRANSPORT=${r.value})`,
    'binary-field': (r) => `binary ${r.value} field not supported`,
    'asa-not-packet': (r) => `ASA ${r.value}: not a packet or connection message`,
    'ios-not-packet': (r) => `IOS %${r.value}: not an access-list or firewall packet message`,
    'tcpdump-continued': (r) => `second line of the tcpdump -v record on line ${r.value}: read with it`,
    'fortigate-not-traffic': (r) => `FortiGate log of type ${r.value}: not a traffic record`,
    'sonicwall-not-packet': (r) => `SonicWall message m=${r.value}: not a packet or connection record`,
    'paloalto-not-traffic': (r) => `PAN-OS log of type ${r.value}: not a TRAFFIC record`,
    'paloalto-session-start': () => 'PAN-OS session start: its end record counts the session',
    'ftd-connection-start': () => 'FTD 430002, an allowed connection\'s start: its end record (430003) counts the connection',
    'fortigate-session-start': () => 'FortiGate session start: its end record counts the session',
    'fortigate-legacy-traffic': () => 'FortiOS 4 traffic log (log_id=, status=, src=): this older layout is not read',
    'junos-not-flow': (r) => `Junos ${r.value}: not a flow session or firewall filter record`,
    'sophos-not-firewall': (r) => `Sophos log of ${r.value}: not a firewall record`,
    'watchguard-not-packet': (r) => `WatchGuard message ${r.value}: not a packet filter verdict`,
    'checkpoint-not-firewall': (r) => `Check Point log of ${r.value}: not a firewall record`,
    'checkpoint-not-verdict': (r) => `Check Point firewall record of action ${r.value}: not a packet filter verdict`,
    'checkpoint-drop-summary': (r) => `Check Point optimized drop summary of ${r.value} packets to different ends: not read`,
    'checkpoint-fields-layout': () => 'Check Point record in the structured-data layout ([Fields@1.3.6.1.4.1.2620 …]): not read; send Log Exporter\'s syslog format ([key:"value"; …])',
    'cef-not-firewall': (r) => `CEF record of ${r.value}: not a firewall record`,
    'cef-not-verdict': (r) => `CEF firewall record ${r.value}: not a verdict on a packet or connection`,
    'cef-session-half': (r) => `CEF session record ${r.value}: its session is counted by its other record`,
    'cef-no-packet': (r) => `CEF firewall verdict ${r.value} without src or dst: no packet to read`,
    'leef-not-firewall': (r) => `LEEF record of ${r.value}: not a firewall record`,
    'leef-not-traffic': (r) => `LEEF firewall record ${r.value}: not a traffic record`,
    'leef-not-verdict': (r) => `LEEF firewall record ${r.value}: not a verdict on a packet or connection`,
    'leef-session-half': (r) => `LEEF session record ${r.value}: its session is counted by its other record`,
    'leef-no-packet': (r) => `LEEF firewall verdict ${r.value} without src or dst: no packet to read`,
    'gcp-not-firewall': (r) => `Cloud Logging entry of ${r.value}: not a firewall rules log`,
    'gcp-no-connection': () => 'Cloud Logging firewall entry without jsonPayload.connection: no connection to read',
    'meraki-not-firewall': (r) => `Meraki log of type ${r.value}: not a firewall flow record`,
    'meraki-flow-end': () => 'Meraki ip_flow_end: its ip_flow_start counts the flow',
    'vpcflow-no-flow': (r) => `VPC flow log record with log-status ${r.value}: ${r.value === 'NODATA' ? 'no traffic in its interval' : 'flows the service could not capture'}, no flow`,
    'vpcflow-other-half': () => 'accepted VPC flow record of the reverse direction: its connection is counted by the record of the other half',
    'vpcflow-transit-gateway': () => 'transit gateway flow log record: no accept/reject verdict, not a firewall record',
    'vpcflow-header': (r) => `header: the ${r.value} fields of a VPC flow log`,
    'azure-not-verdict': (r) => `Azure Firewall ${r.value} record: not a verdict on a connection`,
    'azure-alert-only': () => 'Azure Firewall alert: the traffic was let through, its rule record counts it',
    'azure-host-name': () => 'Azure Firewall record naming its destination by host name: no address to read',
    'stormshield-not-filter': (r) => `Stormshield log of type ${r.value}: not a filter or connection record`,
    'stormshield-connection-end': () => 'Stormshield connection record: its filter record (the pass) counts the connection',
    'zyxel-category': (r) => `Zyxel log of category ${r.value}: not a firewall or traffic record`,
    'zyxel-no-verdict': (r) => `Zyxel firewall record with note ${r.value}: no block or forward verdict`,
    'zyxel-traffic-end': () => "Zyxel traffic log (a session's end): its ACCESS FORWARD record counts the connection",
    'hillstone-not-session': (r) => `Hillstone log of type ${r.value}: not a session record`,
    'hillstone-session-end': () => 'Hillstone session end record: its session start record counts the connection',
    'vrp-other-log': (r) => `Huawei/H3C log ${r.value}: not a security policy, packet filter or session record`,
    'vrp-session-end': () => 'record of a connection already counted (by its policy permit or an earlier record of its session)',
    'fields-header': (r) => `header: #Fields (${r.value} fields)`,
    'time-format-header': (r) => `header: #Time Format ${r.value}`,
    header: (r) => `header: ${r.value}`,
  } satisfies LineReasonWords as LineReasonWords,

  /** Lines on stderr about what was read (cli/diagnostics.ts), each after "logscan: "; file names and log text arrive sanitized. */
  diagnostics: {
    /** An input that could not be read, or only in part; `problem`: input.problem's words. */
    input: (file: string, problem: string) => `${file}: ${problem}`,
    /** One of the first malformed lines: `reason`, lineReason's words in this language; `text`: the line as logged, cut. */
    malformed: (file: string, line: number, reason: string, text: string) => `${file}:${line}: malformed: ${reason}${text ? `: ${text}` : ''}`,
    malformedTotal: (total: number, shown: number) => `${total} malformed lines in all (first ${shown} shown; \`logscan check FILE\` explains them)`,
    /** A file given twice (`sameAs`: null), or under a second name for the same file: read once. */
    readOnce: (file: string, sameAs: string | null) => `${file}: ${sameAs === null ? 'named twice' : `the same file as ${sameAs}`}; read once`,
    /** `events`: filters that matched nothing; `given`, the options as named ("--since"); `first`/`last`, the times of the events read (null: none had one). */
    noMatch: (read: number, given: readonly string[], first: string | null, last: string | null) =>
      `none of the ${fmtInt(read)} events read matches ${given.length > 1 ? `${given.slice(0, -1).join(', ')} and ${given[given.length - 1]}` : given.join('')}${first ? `; the events read run from ${first} to ${last}` : ''}`,
    /** Standard output could not be written (a full disk, a closed terminal): `p` worded as for --output. */
    stdoutWrite: (p: WriteProblem) => `cannot write to standard output: ${en.usage.writeProblem(p)}`,
    /** A one-shot command stopped by a signal (cli/interrupt.ts): what `events`' output, or `check`'s check, covers. */
    interrupted: (signal: string, what: 'output' | 'check') => `interrupted by ${signal}; the ${what} covers only what was read before it`,
    /** An error logscan did not expect: `message`, the error's own words (English, as thrown). */
    internalError: (message: string) => `internal error: ${message}`,
    bug: 'this is a bug; rerun with --debug for the stack trace and report it',
    /** A limit of the system the run met (errors.ts systemLimit): what the user can do about it. */
    systemLimit: (limit: SystemLimit): string => SYSTEM_LIMITS[limit],
    /** follow, stopped while its reader took nothing: `state`, with --state. */
    stdoutNotRead: (signal: string, state: boolean) =>
      `standard output was not being read: what was left to print after ${signal} is dropped${state ? ' (--state keeps the position of the last line whose output it took: a restart reads the rest again)' : ''}`,
  },

  /** What went wrong with an input (src/input/problem.ts): the report's inputs table and notes, the daily footer, `check`; in English also stderr and the JSON `error`. */
  input: {
    /** After "no such file" when the name has bytes that are not UTF-8 (U+FFFD); also `follow`'s "does not exist (yet)". */
    nonUtf8Hint: ' (the name is not valid UTF-8, which Node.js cannot open; rename the file, or read it from stdin: logscan - < FILE)',
    problem: (p: InputProblem): string => {
      switch (p.code) {
        case 'not-found':
          return `no such file${p.nonUtf8Name ? en.input.nonUtf8Hint : ''}`;
        case 'permission-denied':
          return 'permission denied';
        case 'is-directory':
          return 'is a directory';
        case 'directory':
          return 'is a directory (give the log files inside it)';
        case 'symlink-loop':
          return 'too many symbolic links';
        case 'name-too-long':
          return 'file name too long';
        case 'not-a-directory':
          return 'a parent of the path is not a directory';
        case 'system-error':
          return p.message;
        case 'empty-gz':
          return 'empty file named .gz (no gzip data)';
        case 'not-gzip':
          return 'named .gz but is not gzip data';
        case 'binary':
          return `looks like binary data, not a text log (${counted(p.controls, 'control byte')} in the first ${counted(p.sampled, 'byte')}); skipped`;
        case 'utf16-no-bom':
          return 'looks like UTF-16 text, not a UTF-8/ASCII log; skipped (convert it first: iconv -f UTF-16 -t UTF-8)';
        case 'bad-utf16':
          return 'starts with a UTF-16 byte-order mark but is no UTF-16 text; skipped';
        case 'packed':
          return `${p.name}-compressed data, not a text log; skipped (unpack it first: ${p.unpack} FILE | logscan -)`;
        case 'unpacker-missing':
          return `${p.name}-compressed data: the ${p.command} command is not installed; install it (apt install ${p.package}) or unpack it first: ${p.cat} FILE | logscan -`;
        case 'gzip-not-followed':
          return 'gzip-compressed data (a rotated log?), not a growing text log; not followed (read it with: logscan FILE)';
        case 'never-appeared':
          return 'never appeared while it was followed';
        case 'packed-not-followed':
          return `${p.name}-compressed data (a rotated log?), not a growing text log; not followed (read it with: logscan FILE)`;
        case 'shrank':
          return `file shrank while being read (${p.size} bytes when opened, ${p.read} read); truncated or rotated?`;
        case 'gzip-trailing':
          return `${counted(p.bytes, 'byte')} after the end of the gzip data are not gzip and were ignored (every line before them was read)`;
        case 'gzip-cut':
          return `gzip data is truncated or corrupt ${p.line === 0 ? 'before its first line' : `after line ${p.line}`} (${p.why})`;
        case 'unpack-cut':
          return `${p.name} data is truncated or corrupt ${p.line === 0 ? 'before its first line' : `after line ${p.line}`} (${p.why})${p.line === 0 && blockKB(p.name) !== undefined ? `: no line could be read: ${p.name} unpacks whole blocks (up to ${blockKB(p.name)} kB of text each) and the break is in the first one` : ''}`;
        case 'read-error':
          return `read error ${p.line === 0 ? 'before the first line' : `after line ${p.line}`}: ${p.message}`;
      }
    },
  },

  /** `logscan formats`: what each format reads, by format id (src/parsers/registry.ts; a test holds the two lists to each other). */
  formats: {
    'windows-firewall': 'Windows (Defender) Firewall pfirewall.log (W3C #Fields header, local time)',
    'journald-export': 'systemd journal export format (journalctl -k -o export): KEY=value blocks, kernel netfilter messages',
    'journald-json': 'systemd journal JSON (journalctl -k -o json): one entry per line, kernel netfilter messages',
    iptables: 'netfilter/iptables LOG lines (ufw, firewalld, Shorewall, EdgeOS/UniFi, Proxmox, OpenWrt) in syslog, kern.log, dmesg, journalctl, OpenWrt logread or Kiwi Syslog text',
    'pfsense-filterlog': 'pfSense / OPNsense filterlog CSV rows (BSD syslog or RFC 5424, IPv4 and IPv6)',
    /** `ids`: the ASA message ids that become events ("106001, 106006, …"). */
    'cisco-asa': (ids: string) => `Cisco ASA / PIX / FTD syslog (%ASA-n-NNNNNN); events from message ids ${ids}; other ids skipped`,
    mikrotik: 'MikroTik RouterOS firewall log lines (in:/out:, proto, src->dst) via syslog or as /log print writes them (dated by the file), IPv4 and IPv6',
    'cisco-ios': 'Cisco IOS / IOS XE access-list logging (%SEC-6-IPACCESSLOG*, %IPV6_ACL-6-ACCESSLOG*, IOS XE\'s %FMANFP-6-IPACCESSLOG*) and zone-based firewall drops (%FW-6-DROP_PKT) via syslog, IPv4 and IPv6; other messages skipped',
    fortigate: 'Fortinet FortiGate (FortiOS) traffic logs, key=value (type=traffic: forward, local, multicast, sniffer), bare or via syslog, IPv4 and IPv6; other log types skipped',
    sonicwall: 'SonicWall (SonicOS) enhanced syslog, key=value (id= sn= time= … m=): dropped packets (m=36, 37, 38, 41, 580, 1233, 1235) and connections opened and closed (m=98, 537), bare or via syslog, IPv4 and IPv6; other messages skipped',
    paloalto: 'Palo Alto Networks PAN-OS TRAFFIC logs, CSV (subtype end, drop, deny; start skipped, its end counts the session), bare or via syslog, IPv4 and IPv6; other log types skipped',
    'juniper-srx': 'Juniper SRX (Junos) flow session logs (RT_FLOW_SESSION_DENY, _CREATE, _CLOSE), plain syslog or structured data (RFC 5424), IPv4 and IPv6, and Junos firewall filter logs (PFE_FW_SYSLOG_IP, kernel: FW:); other Junos messages skipped',
    pf: 'OpenBSD/FreeBSD/macOS pf log as printed by tcpdump -n -e -ttt -r pflog (IPv4/IPv6, tcp/udp/icmp)',
    'sophos-utm': 'Sophos UTM (Astaro) packet filter lines (YYYY:MM:DD-HH:MM:SS stamp, sub="packetfilter" key="value"), /var/log/packetfilter.log or via syslog, IPv4 and IPv6; the UTM\'s other lines skipped',
    'sophos-xg': 'Sophos Firewall (SFOS, XG/XGS) firewall logs, key=value (log_type="Firewall"; v17-v19 date/time and v19.5+ timestamp layouts), bare or via syslog, IPv4 and IPv6; other log types skipped',
    watchguard: 'WatchGuard Firebox (Fireware) traffic logs via syslog (msg_id="3000-0148" allowed or denied packets, "3000-0173" denied before any policy), IPv4 and IPv6; other messages (connection ends, proxies, IPS, events, alarms) skipped',
    checkpoint: 'Check Point gateways (R80/R81) via Log Exporter\'s syslog format ([key:"value"; …] after an RFC 5424 or BSD header, or alone), the firewall blade\'s Drop/Reject/Block/Accept records, IPv4 and IPv6; other products and actions skipped',
    'gcp-firewall': 'Google Cloud VPC firewall rules logging: Cloud Logging entries, one JSON object per line (a Cloud Storage sink\'s files; gcloud logging read --format=json through jq -c \'.[]\'), allowed and denied connections, IPv4 and IPv6; other log entries skipped',
    meraki: 'Cisco Meraki MX (and MR) syslog: layer 3 firewall flows (flows, firewall, vpn_firewall, cellular_firewall …; pattern: allow/deny, 1/0) and ip_flow_start, epoch stamp, bare or via syslog, IPv4 and IPv6; ip_flow_end and the other types (events, urls, ids-alerts …) skipped',
    leef: 'IBM QRadar Log Event Extended Format (LEEF:1.0 and 2.0|Vendor|Product|Version|EventID|attributes) records of firewalls (PAN-OS, Check Point, FortiGate … as signatures/leef.json lists them), bare or via syslog, verdicts on packets and connections of their traffic category (allow/deny/drop/Accept/Drop …), devTime by devTimeFormat, IPv4 and IPv6; other products, categories (THREAT, SYSTEM …) and session starts skipped',
    cef: 'Common Event Format (CEF:Version|Vendor|Product|…|Extension) records of firewalls (Check Point, FortiGate, PAN-OS, Forcepoint NGFW, Cisco ASA via a relay, Sophos, Trend Micro, UniFi … as signatures/cef.json lists them), bare or via syslog, verdicts on packets and connections (act Drop/Deny/Accept/permit …), IPv4 and IPv6; other products and records skipped',
    'aws-vpcflow': 'AWS VPC Flow Logs (security group and network ACL verdicts: ACCEPT, REJECT), the default format or a custom one named by the header line of a file delivered to S3, IPv4 and IPv6; NODATA/SKIPDATA and transit gateway records skipped',
    'azure-firewall': "Azure Firewall logs from diagnostic settings (storage account or Event Hub), one JSON record per line (a blob's {\"records\":[…]} through jq -c '.records[]'): network, NAT and threat intelligence records, legacy (AzureFirewallNetworkRule …, text msg) and structured (AZFWNetworkRule, AZFWNatRule, AZFWThreatIntel); application rule, DNS, IDPS and other records skipped",
    hillstone: 'Hillstone Networks StoneOS (SG-6000, E, A, X series, CloudEdge) syslog: Traffic@FLOW session records (policy deny; session start; session end, counted when no start record did), with or without HillstoneNetworks#, IPv4 and IPv6; NAT records and the other log types (Security, Threat, Event, Config …) skipped',
    stormshield: 'Stormshield Network Security (SNS) audit logs, key=value (logtype="filter": block and pass; "connection" and "plugin": a connection\'s end, counted when no filter record did), bare or via syslog (RFC 5424 or BSD), IPv4 and IPv6; other log types (alarm, web, vpn, system …) skipped',
    zyxel: 'Zyxel firewalls on ZLD (ZyWALL USG, USG FLEX, ATP, VPN) via syslog, key="value" (Security Policy Control and Firewall records: ACCESS BLOCK and ACCESS FORWARD; the Traffic Log, a session\'s end, counted when no forward record did), IPv4 and IPv6; other categories (IDP, Anti-Virus, Content Filter, Sessions Limit, User, System, VPN …) skipped',
    'h3c-secpath': 'H3C SecPath firewalls (Comware 7) via syslog: %%10 fast-log messages FILTER/FILTER_ZONE_IPV4_EXECUTION and _IPV6_ (security policy Permit and Deny, a deny counting MatchCount packets), FILTER_IPV4_EXECUTION and _IPV6_ (packet filter), SESSION/SESSION_IPV4_FLOW and _IPV6_ (a session\'s records, its connection counted once), the header\'s year after the clock, a -Chassis=…; prefix, IPv4 and IPv6; other modules (ATK attack defence, IPS, URL, AUDIT, logins, system …) skipped',
    'huawei-usg': 'Huawei USG, HiSecEngine and Eudemon firewalls (VRP) via syslog: %%01 information-center messages POLICY/POLICYDENY and POLICYPERMIT (security policy matches), SECLOG/SESSION_TEARDOWN (a session\'s end, counted when no permit did) and SECLOG/PACKET_DENY, the header\'s year before or after the clock, a +08:00 offset and DST, IPv4 and IPv6; other modules (IPS, URL, attack defence, logins, system …) skipped',
  },
};

export type Messages = typeof en;
