// `logscan explain 'LINE'` output: a pasted log line told back in words (what was logged,
// which packet, what its addresses are, what logscan reads into it), or its JSON.
// Everything here came from a log: it goes through termSafe, or JSON's escaping.
import type { ZoneFacts } from '../aggregate/zone-facts.js';
import { zoneNotes } from './zone-words.js';
import pc from 'picocolors';
import type { Endpoint, FirewallEvent } from '../event.js';
import type { LineReading } from '../cli/explain-line.js';
import type { AddressEntry, Lang, PortClass } from '../knowledge/types.js';
import { icmpTypeName, messages, reasonText } from '../i18n/messages.js';
import { reason, type LineReason, type ReasonCode } from '../parsers/reason.js';
import { isValidAddressText } from '../parsers/address.js';
import { lostRecords } from '../parsers/log-gaps.js';
import { lateByFlags, lateKinds } from '../aggregate/own-traffic.js';
import { counted, fmtInt } from '../util/number-text.js';
import { clipToWidth, displayWidth, wrapText } from './box-table.js';
import { eventToJson } from './event-json.js';
import { ruleFields } from '../parsers/registry.js';
import { ruleMessageText, shownRule } from './rule-rows.js';
import { termSafe } from './sanitize.js';
import { sourceText } from '../knowledge/seed-titles.js';
import { IN_CROSSES_DEVICE } from '../util/egress.js';
import { formatDateTime, formatOffset, zonedParts } from './time-format.js';
import { severityText } from './explain.js';
import { namedAnnotation } from '../annotate/roles.js';

export interface LineJson {
  query: string;
  kind: 'line';
  /** The format that claimed the line; null when none did. */
  format: string | null;
  outcome: LineReading['outcome'];
  reason: string | null;
  /** The record as `logscan events` writes it, annotations included; null when the line was not one. */
  event: unknown;
  /** probe, own (this side's traffic), reply, noise (LAN chatter); null when the line was not a record. */
  traffic: LineReading['traffic'];
  /** For `own`, why: out (logged leaving this host), loopback, forwarded (routed out from this side's networks), inside (between two of its machines); else null. */
  ownReason: LineReading['ownReason'];
  /**
   * The special-purpose ranges of each address, narrowest first (empty: an ordinary public
   * address, if `valid` says it is one), and whether each is a valid IP address as logged
   * (null: none logged).
   */
  addresses: { src: AddressJson[]; dst: AddressJson[]; valid: { src: boolean | null; dst: boolean | null } } | null;
  /** The class id of each TCP/UDP port (`well-known`, `registered`, `dynamic`…); null without a port. */
  portClasses: { src: string | null; dst: string | null } | null;
  /** The name of the message id the record's rule label holds (a Cisco ASA tag, as `explain 302014` names it), in --lang; null for any other record, and when the line was none. */
  messageName: string | null;
  /** The record's syslog header was not understood and passed over up to its `kernel:` tag (check's `unreadHeaders`); null when the line was no record. */
  headerUnread: boolean | null;
  /** The record's stamp was a time of day alone (RouterOS's `/log print`): its date, not only its year, was assumed (the event's `yearInferred` is true either way); null when the line was no record. */
  dateInferred: boolean | null;
  /** The stamp had no year and took the one an earlier line's stamp named (a Cisco device stamp's); null when the line was no record. */
  yearCarried: boolean | null;
  /**
   * What the times of the lines read so far, this one included, said of their zone: the facts
   * the text's closing note words, under the report JSON's names; null when the line was no record.
   */
  zones: LineZonesJson | null;
}

/** The report JSON's zone fields (docs/report-json.md), for the lines explain read. */
interface LineZonesJson {
  /** The zone times without one were read in and are shown in: --tz, else this machine's. */
  tz: string;
  /** Some time had no zone in the line and was read in tz, which no --tz named. */
  tzAssumed: boolean;
  zonelessTimes: boolean;
  unmatchedZone: string | null;
  namedZone: string | null;
  headerTimes: { zoned: number; zoneless: number } | null;
}

const zonesJson = (z: LineZones): LineZonesJson => ({
  tz: z.zone,
  tzAssumed: z.facts.zonelessTimes && !z.given,
  zonelessTimes: z.facts.zonelessTimes,
  unmatchedZone: z.facts.unmatchedZone,
  namedZone: z.facts.namedZone,
  headerTimes: z.facts.headerTimes,
});

interface AddressJson {
  id: string;
  range: string;
  name: string;
  ref: string;
  /** `ref` as a reader is told it: a seed file by its title (signatures/seed-titles.json). */
  refTitle: string;
}

const rangesJson = (entries: readonly AddressEntry[], lang: Lang): AddressJson[] =>
  entries.map((a) => ({ id: a.id, range: a.range, name: a.name[lang], ref: a.ref, refTitle: sourceText(a.ref, lang) }));

const validity = (ip: string | null): boolean | null => (ip === null ? null : isValidAddressText(ip));

export function lineToJson(r: LineReading, lang: Lang, zones: LineZones): LineJson {
  const e = r.event;
  return {
    query: r.line,
    kind: 'line',
    format: r.format,
    outcome: r.outcome,
    reason: r.reason,
    event: e === null ? null : (JSON.parse(eventToJson(e)) as unknown),
    traffic: r.traffic,
    ownReason: r.ownReason,
    addresses: e === null ? null : { src: rangesJson(r.srcRanges, lang), dst: rangesJson(r.dstRanges, lang), valid: { src: validity(e.src.ip), dst: validity(e.dst.ip) } },
    portClasses: e === null ? null : { src: r.srcPortClass?.id ?? null, dst: r.dstPortClass?.id ?? null },
    messageName: r.messageName,
    headerUnread: e === null ? null : r.headerUnread,
    dateInferred: e === null ? null : r.dateInferred,
    yearCarried: e === null ? null : r.yearCarried,
    zones: e === null ? null : zonesJson(zones),
  };
}

const LABELS = {
  en: {
    format: 'format',
    time: 'time',
    logged: 'logged',
    packet: 'packet',
    ports: 'ports',
    portClass: (which: 'src' | 'dst', port: number, cls: string) => `${which === 'src' ? 'source' : 'destination'} ${port}: ${cls}`,
    source: 'source',
    destination: 'destination',
    reading: 'reading',
    meaning: 'What logscan reads into it:',
    noMeaning: 'Nothing in logscan’s knowledge is about this packet.',
    yearAssumed: ' (year assumed: the stamp has none)',
    /** The year an earlier line's stamp named (a Cisco device stamp's), carried on as the report carries it. */
    yearCarried: ' (year from an earlier line’s stamp: this stamp has none)',
    /** A time of day alone (RouterOS's `/log print`): the date is explain's today; --year gives no day. */
    dateAssumed: ' (date assumed: the stamp has only a time)',
    yearGiven: ' (year from --year: the stamp has none)',
    uptime: (s: number, unread: boolean) => `${s.toFixed(3)} s after the kernel started (${unread ? 'the clock time in the header not understood' : 'no clock time in the line'})`,
    headerRow: 'header',
    /**
     * A syslog header passed over up to its kernel: tag, in check's words (its headers row),
     * with the parts of it that were read all the same (a stamp, a host before what was not understood).
     */
    headerUnread: (time: boolean, host: boolean) =>
      `not understood: read from its kernel: tag on${
        time && host
          ? '; its time and host were read from the part before'
          : time
            ? '; its time was read from the part before, its host is unknown'
            : host
              ? '; its host was read from the part before, its time is unknown'
              : ', so its time and host are unknown (a date whose order of day and month the line does not show is never guessed)'
      }`,
    host: (h: string) => `on ${h}`,
    action: { drop: 'dropped', reject: 'rejected', allow: 'allowed', other: 'logged without a verdict' },
    rule: (r: string) => `by the rule logged as ${r}`,
    /** An INFO-EVENTS-LOST row: no rule, no verdict, the firewall's own note (null: it gives no number). */
    eventsLost: (n: number | null) => `the firewall's note that ${n === null ? 'some events' : counted(n, 'event')} could not be logged`,
    // The pid column of a pfirewall.log: the program on this host the packet was from or for.
    pid: { out: (n: number) => `sent by the process with pid ${n}`, in: (n: number) => `for the process with pid ${n}`, other: (n: number) => `the process with pid ${n}` },
    flags: (f: string) => `flags ${f}`,
    noFlags: 'no flags set (a NULL scan)',
    ttl: (n: number) => `TTL ${n}`,
    bytes: (n: number) => `${n} bytes`,
    icmp: (type: string, code: number | null, name: string | null) => `type ${type}${code === null ? '' : ` code ${code}`}${name ? `: ${name}` : ''}`,
    quoting: (p: string) => `quoting a ${p} packet`,
    repeated: (n: number) => `logged ${n} times`,
    publicAddress: 'an ordinary public address',
    range: (name: string, range: string, ref: string) => `${name} (${range}, ${ref})`,
    rangeSep: '; ',
    traffic: {
      probe: 'a probe: it arrived unasked; the report counts it',
      own: 'this side’s own traffic, not a probe',
      reply: 'a reply to a connection of this side, or backscatter: not a probe',
      noise: 'LAN broadcast chatter, aimed at every machine on the segment: not a probe',
      late: 'a late packet of a connection already under way (ACK or RST, no SYN): it opens nothing, so not a probe (many such packets to many ports from one source are an ACK scan, which the report finds)',
      gap: 'no packet: the firewall noting records it could not write; the log has a gap here, and the report says so',
    },
    /** traffic.late for a record without TCP flags (a Windows CLOSE row, a Cisco ASA Teardown), with its readings' labels. */
    lateRecord: (kinds: string) => `a record of a connection already under way (${kinds}): it opens nothing, so not a probe`,
    /** Why a packet is this side's own (ownReason), said instead of traffic.own. */
    own: {
      out: 'this side’s own traffic: logged as leaving this host, not a probe',
      loopback: 'this host’s own traffic: sent from a loopback address, not a probe',
      forwarded: 'this side’s own traffic: routed out from a local network or --home-net to another network, not a probe',
      inside: 'traffic let through between two machines of this side (local networks or --home-net), not a probe',
    },
    unrecognised: 'Not a firewall record in a format logscan reads (`logscan formats` lists them, with an example line each).',
    skipped: (f: string, why: string | null) => `A line in the ${f} format, but not a firewall record${why ? `: ${why}` : ''}.`,
    malformed: (f: string, why: string | null) => `Looks like a firewall record in the ${f} format but could not be read${why ? `: ${why}` : ''}.`,
    header: (f: string, what: string) => `${/^[aeiou]/.test(f) ? 'An' : 'A'} ${f} header (${what}): it applies to the lines given after it.`,
    alone:
      'Read with only the lines given before it: what needs the rest of the log (scans and sweeps, retries, a traceroute’s run) shows in `logscan FILE`; `logscan explain ADDRESS` or `PORT` tells more about either end.',
  },
  zh: {
    format: '格式',
    time: '时间',
    logged: '记录',
    packet: '数据包',
    ports: '端口',
    portClass: (which: 'src' | 'dst', port: number, cls: string) => `${which === 'src' ? '源端口' : '目的端口'} ${port}：${cls}`,
    source: '源地址',
    destination: '目的地址',
    reading: '判断',
    meaning: 'logscan 的解读：',
    noMeaning: 'logscan 的知识库中没有关于这个数据包的内容。',
    yearAssumed: '（年份为推断：时间戳中没有年份）',
    yearCarried: '（年份取自前面一行的时间戳：这个时间戳中没有年份）',
    dateAssumed: '（日期为推断：时间戳中只有时间）',
    yearGiven: '（年份来自 --year：时间戳中没有年份）',
    uptime: (s: number, unread: boolean) => `内核启动后 ${s.toFixed(3)} 秒（${unread ? '未能识别日志头中的时钟时间' : '这一行没有时钟时间'}）`,
    headerRow: '日志头',
    headerUnread: (time: boolean, host: boolean) =>
      `未能识别：从 kernel: 标签之后读取${
        time && host
          ? '；时间和主机取自其前面可识别的部分'
          : time
            ? '；时间取自其前面可识别的部分，主机未知'
            : host
              ? '；主机取自其前面可识别的部分，时间未知'
              : '，因此时间和主机未知（看不出日、月先后顺序的日期从不猜测）'
      }`,
    host: (h: string) => `主机 ${h}`,
    action: { drop: '已丢弃', reject: '已拒绝', allow: '已放行', other: '已记录（无处理结果）' },
    rule: (r: string) => `由记录为 ${r} 的规则处理`,
    eventsLost: (n: number | null) => `防火墙自己的说明：${n === null ? '有一些' : `有 ${fmtInt(n)} 个`}事件未能写入日志`,
    pid: { out: (n: number) => `由进程 ${n}（PID）发出`, in: (n: number) => `发往进程 ${n}（PID）`, other: (n: number) => `进程 ${n}（PID）` },
    flags: (f: string) => `标志 ${f}`,
    noFlags: '没有任何标志（NULL 扫描）',
    ttl: (n: number) => `TTL ${n}`,
    bytes: (n: number) => `${n} 字节`,
    icmp: (type: string, code: number | null, name: string | null) => `类型 ${type}${code === null ? '' : ` 代码 ${code}`}${name ? `：${name}` : ''}`,
    quoting: (p: string) => `内含一个 ${p} 数据包`,
    repeated: (n: number) => `记录了 ${n} 次`,
    publicAddress: '普通的公网地址',
    // A name that ends in its own bracket (文档示例地址（TEST-NET）) takes the range inside it, not a second bracket after it.
    range: (name: string, range: string, ref: string) => (name.endsWith('）') ? `${name.slice(0, -1)}；${range}，${ref}）` : `${name}（${range}，${ref}）`),
    rangeSep: '；',
    traffic: {
      probe: '探测：不请自来的数据包，报告会计入',
      own: '本方自己的流量，不是探测',
      reply: '对本方连接的回复，或反向散射：不是探测',
      noise: '局域网广播噪声，发给网段上所有机器：不是探测',
      late: '已在进行中的连接的迟到报文（带 ACK 或 RST 而无 SYN）：它不建立任何连接，所以不是探测（同一来源发往许多端口的大量此类包是 ACK 扫描，报告会识别出来）',
      gap: '不是数据包：防火墙记下它有记录未能写入；日志在此有缺口，报告会指出',
    },
    lateRecord: (kinds: string) => `已在进行中的连接的一条记录（${kinds}）：它不建立任何连接，所以不是探测`,
    own: {
      out: '本方自己的流量：记录为离开本机，不是探测',
      loopback: '本机自己的流量：从环回地址发出，不是探测',
      forwarded: '本方自己的流量：从本地网络或 --home-net 转发到其他网络，不是探测',
      inside: '本方两台机器之间被放行的流量（本地网络或 --home-net），不是探测',
    },
    unrecognised: '不是 logscan 能读的任何格式的防火墙记录（`logscan formats` 列出支持的格式，各附一行示例）。',
    skipped: (f: string, why: string | null) => `是 ${f} 格式的行，但不是防火墙记录${why ? `：${why}` : ''}。`,
    malformed: (f: string, why: string | null) => `看起来是 ${f} 防火墙记录，但无法读取${why ? `：${why}` : ''}。`,
    header: (f: string, what: string) => `${f} 的文件头（${what}）：作用于其后给出的行。`,
    alone: '以上解读只参考了每行本身及其之前给出的行：需要整个日志才能看出的情况（扫描、重试、traceroute）请用 `logscan FILE` 查看；`logscan explain 地址` 或 `端口` 可进一步说明两端。',
  },
} as const;

/** The reasons a parser gives a file header it read (Windows Firewall's #Fields, an AWS VPC flow log's header line): the block names the header, not the reason. */
const HEADER_CODES: ReadonlySet<ReasonCode> = new Set(['header', 'fields-header', 'time-format-header', 'vpcflow-header']);

/** A header's reason without its leading "header: ": the catalog's words for a header with no name are that lead. */
function headerWhat(why: LineReason, lang: Lang): string {
  const said = reasonText(why, lang);
  const lead = reasonText(reason('header'), lang);
  return said.startsWith(lead) ? said.slice(lead.length) : said;
}

type Labels = (typeof LABELS)[Lang];

export interface LineTableOptions {
  lang: Lang;
  width: number;
  color: boolean;
  /** The zone times are shown in (--tz); null or absent: this machine's. */
  tz?: string | null;
  /** Whether --year said the year of stamps without one. */
  yearGiven?: boolean;
}

function endpoint(p: Endpoint): string {
  const ip = termSafe(p.ip ?? '?');
  if (p.port === null) return ip;
  return ip.includes(':') ? `[${ip}]:${p.port}` : `${ip}:${p.port}`;
}

function logged(e: FirewallEvent, messageName: string | null, L: Labels, lang: Lang): string {
  const D = messages(lang).explain.direction;
  // INFO-EVENTS-LOST is no rule and no verdict: the firewall saying what it failed to write.
  const lost = lostRecords(e);
  if (lost !== null) return L.eventsLost(lost.records);
  const parts: string[] = [L.action[e.action]];
  const i = e.inIface === null ? null : termSafe(e.inIface);
  const o = e.outIface === null ? null : termSafe(e.outIface);
  if (e.direction === 'in') parts.push(IN_CROSSES_DEVICE.has(e.format) ? D.inDevice(i) : D.in(i));
  else if (e.direction === 'out') parts.push(D.out(o));
  else if (e.direction === 'forward') parts.push(D.forward(i, o));
  if (e.rule !== null) {
    const said = ruleText(e, e.rule, messageName, L, lang);
    if (said !== null) parts.push(said);
  }
  if (e.pid !== null) parts.push(e.direction === 'out' ? L.pid.out(e.pid) : e.direction === 'in' ? L.pid.in(e.pid) : L.pid.other(e.pid));
  if (e.count > 1) parts.push(L.repeated(e.count));
  return parts.join(' · ');
}

/**
 * What the rule text is, in the parts the ECS output splits it into (the format's
 * ruleFields): a message id is the kind of message, not a rule (a Cisco ASA's tag), said
 * by its name (`messageName`) as the report's "logged as" row says it, the access list it
 * names in brackets after it; a text of no parts is no rule (Windows Firewall's action
 * column), said only when it is more than the verdict (OPEN, CLOSE). Any other text
 * names a rule (a log prefix, pf's rule and tracker, a MikroTik chain): as logged.
 */
function ruleText(e: FirewallEvent, rule: string, messageName: string | null, L: Labels, lang: Lang): string | null {
  const msg = messages(lang);
  const M = msg.explain;
  const named = messageName === null ? null : ruleMessageText(e.format, rule, messageName, msg);
  if (named !== null) return termSafe(named);
  const f = ruleFields(e.format, rule);
  if (f.code !== undefined) return f.name !== undefined ? M.accessList(termSafe(f.name), termSafe(f.code)) : M.messageId(termSafe(f.code));
  // A rule by name, number or chain (a prefix, pf's tracker, a MikroTik chain), or by the zones it joins
  // (a PAN-OS record without a rule name): said as logged.
  if (f.name !== undefined || f.id !== undefined || f.ruleset !== undefined || f.ingressZone !== undefined || f.egressZone !== undefined) return L.rule(termSafe(shownRule(rule)));
  return rule.toLowerCase() === e.action ? null : M.actionColumn(termSafe(rule));
}

function packet(e: FirewallEvent, lang: Lang, L: Labels): string {
  const proto = termSafe(e.proto).toUpperCase();
  const parts = [`${proto} ${endpoint(e.src)} → ${endpoint(e.dst)}`];
  if (e.tcpFlags !== null) parts.push(e.tcpFlags.length === 0 ? L.noFlags : L.flags(e.tcpFlags.join(' ')));
  const icmp = e.icmp;
  if (icmp !== null && (e.proto === 'icmp' || e.proto === 'icmpv6')) {
    const name = icmp.type === null ? null : icmpTypeName(lang, e.proto, icmp.type);
    // A log that names neither (Azure's structured records) gets no `type ?`.
    if (icmp.type !== null || icmp.code !== null) parts.push(L.icmp(icmp.type === null ? '?' : String(icmp.type), icmp.code, name));
    const q = icmp.embedded;
    if (q !== null) parts.push(`${L.quoting((q.proto === null ? '?' : termSafe(q.proto)).toUpperCase())} ${endpoint(q.src)} → ${endpoint(q.dst)}`);
  }
  if (e.ttl !== null) parts.push(L.ttl(e.ttl));
  if (e.len !== null) parts.push(L.bytes(e.len));
  return parts.join(' · ');
}

/** The address and the special-purpose ranges it is in (wrapped plain: no colour inside); text the firewall wrote that is no address, said so. */
function ranges(ip: string | null, entries: readonly AddressEntry[], lang: Lang, L: Labels): string {
  if (ip === null) return '?';
  if (!isValidAddressText(ip)) return `${termSafe(ip)} — ${messages(lang).invalidAddress.note}`;
  const what = entries.length === 0 ? L.publicAddress : entries.map((a) => L.range(termSafe(a.name[lang]), termSafe(a.range), termSafe(sourceText(a.ref, lang)))).join(L.rangeSep);
  return `${termSafe(ip)} — ${what}`;
}

/** "source 4444: registered port 1024-49151 · destination 6776: …", when the packet has ports. */
function portsRow(e: FirewallEvent, r: LineReading, lang: Lang, L: Labels): [string, string][] {
  const parts: string[] = [];
  const cls = (c: PortClass): string => `${termSafe(c.name[lang])} ${c.from}-${c.to}`;
  if (r.srcPortClass && e.src.port !== null) parts.push(L.portClass('src', e.src.port, cls(r.srcPortClass)));
  if (r.dstPortClass && e.dst.port !== null) parts.push(L.portClass('dst', e.dst.port, cls(r.dstPortClass)));
  return parts.length === 0 ? [] : [[L.ports, parts.join(' · ')]];
}

/** "label  value" rows, the values wrapped under each other. */
function rows(pairs: readonly (readonly [string, string])[], width: number): string[] {
  const labelW = Math.max(...pairs.map(([l]) => displayWidth(l)));
  const out: string[] = [];
  for (const [label, value] of pairs) {
    const pad = ' '.repeat(labelW - displayWidth(label));
    const lines = wrapText(value, Math.max(20, width - labelW - 4));
    out.push(`  ${label}${pad}  ${lines[0] ?? ''}`, ...lines.slice(1).map((l) => `  ${' '.repeat(labelW)}  ${l}`));
  }
  return out;
}

function indent(text: string, width: number, by: number): string[] {
  return wrapText(termSafe(text), Math.max(20, width - by)).map((l) => ' '.repeat(by) + l);
}

/** One line's block for the terminal. */
export function renderLineReading(r: LineReading, o: LineTableOptions): string {
  const L = LABELS[o.lang];
  const c = pc.createColors(o.color);
  const out = [c.bold(clipToWidth(termSafe(r.line), o.width))];
  const e = r.event;
  if (e === null) {
    const f = termSafe(r.format ?? '');
    // The parsers' generic "not a firewall record" is what the sentence says already.
    const said = r.why === null || r.why.code === 'not-record' ? null : r.why;
    const why = said === null ? null : termSafe(reasonText(said, o.lang));
    const header = said !== null && HEADER_CODES.has(said.code) ? termSafe(headerWhat(said, o.lang)) : null;
    const text =
      r.outcome === 'unrecognised' ? L.unrecognised : r.outcome === 'malformed' ? L.malformed(f, why) : header !== null ? L.header(f, header) : L.skipped(f, why);
    out.push(...indent(text, o.width, 2));
    return out.join('\n');
  }
  const when =
    e.time !== null
      ? `${formatDateTime(e.time, o.tz ?? null)} ${formatOffset(zonedParts(e.time, o.tz ?? null).offset)}${r.dateInferred ? L.dateAssumed : e.yearInferred ? (o.yearGiven ? L.yearGiven : r.yearCarried ? L.yearCarried : L.yearAssumed) : ''}`
      : e.uptime !== null
        ? L.uptime(e.uptime, r.headerUnread)
        : '?';
  // A log-gap row holds no packet: nothing to say of one.
  const packetRows: [string, string][] =
    r.traffic === 'gap'
      ? []
      : [[L.packet, packet(e, o.lang, L)], ...portsRow(e, r, o.lang, L), [L.source, ranges(e.src.ip, r.srcRanges, o.lang, L)], [L.destination, ranges(e.dst.ip, r.dstRanges, o.lang, L)]];
  const pairs: [string, string][] = [
    [L.format, termSafe(e.format)],
    [L.time, `${when}${e.host === null ? '' : ` · ${L.host(termSafe(e.host))}`}`],
    ...(r.headerUnread ? [[L.headerRow, L.headerUnread(e.time !== null, e.host !== null)] as [string, string]] : []),
    [L.logged, logged(e, r.messageName, L, o.lang)],
    ...packetRows,
  ];
  if (r.traffic !== null) {
    const reading =
      r.traffic === 'own' && r.ownReason !== null
        ? L.own[r.ownReason]
        : r.traffic === 'late' && !lateByFlags(e)
          ? L.lateRecord(lateKinds(e, o.lang).join(L.rangeSep))
          : L.traffic[r.traffic];
    pairs.push([L.reading, reading]);
  }
  out.push(...rows(pairs, o.width));
  out.push('', L.meaning);
  if (e.annotations.length === 0) out.push(`  ${L.noMeaning}`);
  for (const a of [...e.annotations].sort((x, y) => y.severity - x.severity)) {
    out.push(`  ${severityText(c, a.severity)}  ${c.bold(termSafe(namedAnnotation(a.id, o.lang)))}`, ...indent(a.text, o.width, 5));
  }
  return out.join('\n');
}

/** What the lines' times said of their zone, and the zone they were read in (--tz when `given`). */
export interface LineZones {
  facts: ZoneFacts;
  zone: string;
  given: boolean;
}

/**
 * Said once after the lines, when any was a record (dimmed line by line, as the tables
 * colour); first what their times said of their zone, in the words of the report and `check`.
 */
export function lineAloneNote(lang: Lang, width: number, color: boolean, zones: LineZones | null = null): string {
  const said = zones === null ? [] : zoneNotes(zones.facts, zones.zone, zones.given, messages(lang).zones).map(termSafe);
  return [...said, LABELS[lang].alone].flatMap((t) => wrapText(t, width)).map(pc.createColors(color).dim).join('\n');
}
