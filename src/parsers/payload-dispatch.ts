// Mixed syslog files. A file's format is chosen once by sniffing, but one syslog
// stream may carry several firewalls' messages (a central loghost: kernel iptables
// lines next to pfSense filterlog and Cisco ASA messages). The chosen parser reads the
// envelope and tries its own payload first; only a line it does not recognise
// (NOT_MINE) comes here, where a cheap tag check picks the payload parser that owns it.
//
// Cost: nothing for the lines the file's own parser accepts (the dispatcher is not
// even built until the first foreign line). A foreign or non-firewall line costs the
// tag checks below: a bounded scan for `%ASA-`, a backwards lastIndexOf over the
// envelope for `filterlog`, and indexOf for `logid=`/` type=`, `id=`/` sn=`/` m=`, a few compares
// at the message's start for PAN-OS's `1,YYYY/MM/DD HH:MM:SS,`, `SRC=`/`PROTO=`, ` in:`/` out:`,
// `rule `, and a
// bounded scan for an IOS access-list or zone-based firewall tag (`%SEC-6-IPACCESSLOGP:`),
// indexOf for a Junos `RT_FLOW_SESSION_` name near the message's start, and for Sophos UTM's
// `sub="packetfilter"` and Sophos Firewall's `log_id=`/` log_type=`, a few compares for Cisco
// Meraki's `1 <epoch> <device> <type>` header (or `<device> <type> src=` after an outer stamp), for WatchGuard's
// `: msg_id="`, and a compare or two for Check Point's `[key:"` at the message's start (or
// after its first ` [`), and for Stormshield's `id=` at the message's start a lastIndexOf for
// its ` logtype=`, for Zyxel's `src="` at the message's start an indexOf for its
// ` cat="`, for Hillstone's `ID [HillstoneNetworks#]Type@MODULE: ` a few compares at
// the message's start, and a bounded scan for Huawei's `%%01` and H3C's `%%10` tags
// (vrp-header.ts). A CEF record (`CEF:0|` at the message's start or after a tag) is
// asked first and before the file's own payload: every vendor's CEF is `cef`'s, whichever
// format the file was sniffed as (a FortiGate's CEF carries `FTNTFGTlogid=`, not its
// key=value record); so is a LEEF record (`LEEF:1.0|`), every vendor's LEEF `leef`'s (a
// PAN-OS LEEF record's `|`-separated attributes are no PAN-OS CSV, a FortiGate's no key=value
// record of its own).
// Events keep the payload's own format id (`event.format`).
import type { FirewallEvent } from '../event.js';
import { cefAt, createCefPayload } from './cef.js';
import { createLeefPayload, leefAt } from './leef.js';
import { checkpointAt, createCheckpointPayload } from './checkpoint.js';
import { asaTagAt, createAsaPayload } from './cisco-asa.js';
import { createIosPayload, iosRecordTagAt } from './cisco-ios.js';
import { createFilterlogPayload, filterlogTagged } from './filterlog.js';
import { createFortigatePayload, fortigateAt } from './fortigate.js';
import { createJuniperPayload, juniperFlowAt } from './juniper-srx.js';
import { createMerakiPayload, merakiAt } from './meraki.js';
import { createMikrotikPayload, mikrotikInAt } from './mikrotik.js';
import { parseNetfilterPayload, PayloadReject, type RecordHead } from './netfilter.js';
import { NOT_MINE, type PayloadParser } from './payload.js';
import { createPaloaltoPayload, paloaltoAt } from './paloalto.js';
import { createPfPayload, pfRuleAt } from './pf.js';
import { createSonicwallPayload, sonicwallAt } from './sonicwall.js';
import { createUtmPayload, utmRecordAt } from './sophos-utm.js';
import { createXgPayload, xgRecordAt } from './sophos-xg.js';
import { createStormshieldPayload, stormshieldAt } from './stormshield.js';
import { createHillstonePayload, hillstoneAt } from './hillstone.js';
import { createHuaweiUsgPayload, huaweiUsgAt } from './huawei-usg.js';
import { createH3cSecpathPayload, h3cSecpathAt } from './h3c-secpath.js';
import { createWatchguardPayload, watchguardAt } from './watchguard.js';
import { createZyxelPayload, zyxelAt } from './zyxel.js';
import { newEnvelope, SyslogEnvelopeReader } from './syslog-envelope.js';
import { withTimeCarry } from './local-time.js';
import type { FormatDefinition, LineParser, LineSink, ParseContext } from './types.js';
import { HeaderZones } from './header-zones.js';
import { EMPTY_MESSAGE, NOT_RECORD } from './reason.js';
import { flat } from '../util/flat-string.js';

/** Characters of the first line with an unread header kept for `check` (its excerpt is 240). */
const NOTED_CHARS = 241;

/**
 * The netfilter payload as a PayloadParser (events keep the `iptables` id). Its
 * non-malformed rejects are "no netfilter record here", which is NOT_MINE's meaning, and
 * a netfilter record of no IP packet (ARP), skipped with its own reason.
 */
export function createNetfilterPayload(ctx: Pick<ParseContext, 'file'>): PayloadParser {
  const file = ctx.file;
  return {
    format: 'iptables',
    parse: (s, start, end, head, lineNo) => {
      const r = parseNetfilterPayload(s, start, end, head, 'iptables', file, lineNo);
      return r instanceof PayloadReject && !r.malformed && r.reason === NOT_RECORD ? NOT_MINE : r;
    },
  };
}

/** True when s[start, end) holds netfilter's anchors. */
function netfilterTagged(s: string, start: number, end: number): boolean {
  const i = s.indexOf('SRC=', start);
  if (i < 0 || i >= end) return false;
  const j = s.indexOf('PROTO=', i);
  return j >= 0 && j < end;
}

/**
 * Format id of the payload parser that owns message s[start, end), by tags alone, or
 * null. Order: the most specific tags first; each check is bounded to the message (or,
 * for filterlog, the envelope before it).
 */
export function payloadKind(s: string, start: number, end: number): string | null {
  if (cefAt(s, start, end) >= 0) return 'cef';
  if (leefAt(s, start, end) >= 0) return 'leef';
  if (asaTagAt(s, start, end) >= 0) return 'cisco-asa';
  if (filterlogTagged(s, start)) return 'pfsense-filterlog';
  if (fortigateAt(s, start, end) >= 0) return 'fortigate';
  if (sonicwallAt(s, start, end) >= 0) return 'sonicwall';
  if (paloaltoAt(s, start, end) >= 0) return 'paloalto';
  if (netfilterTagged(s, start, end)) return 'iptables';
  if (mikrotikInAt(s, start, end) >= 0) return 'mikrotik';
  if (pfRuleAt(s, start, end) >= 0) return 'pf';
  if (iosRecordTagAt(s, start, end) >= 0) return 'cisco-ios';
  if (juniperFlowAt(s, start, end) >= 0) return 'juniper-srx';
  if (utmRecordAt(s, start, end) >= 0) return 'sophos-utm';
  if (xgRecordAt(s, start, end) >= 0) return 'sophos-xg';
  if (merakiAt(s, start, end) >= 0) return 'meraki';
  if (watchguardAt(s, start, end) >= 0) return 'watchguard';
  if (checkpointAt(s, start, end) >= 0) return 'checkpoint';
  if (stormshieldAt(s, start, end) >= 0) return 'stormshield';
  if (zyxelAt(s, start, end) >= 0) return 'zyxel';
  if (hillstoneAt(s, start, end) >= 0) return 'hillstone';
  if (huaweiUsgAt(s, start, end) >= 0) return 'huawei-usg';
  if (h3cSecpathAt(s, start, end) >= 0) return 'h3c-secpath';
  return null;
}

/**
 * Format id of the parser whose record an RFC 5424 header carries in its structured data
 * (a Juniper SRX's `[junos@…]`, Check Point's `[key:"value"; …]`), the message after it
 * empty or not that format's, or null. Asked only when no tag in the message names an
 * owner: the lines a file's own parser reads never pay for it.
 */
export function structuredKind(s: string): string | null {
  // Most lines have no bracket at all: one scan says so.
  const i = s.indexOf(' [');
  if (i < 0) return null;
  if (s.indexOf(' [junos@', i) >= 0) return 'juniper-srx';
  return checkpointAt(s, i + 1, s.length) >= 0 ? 'checkpoint' : null;
}

function factory(kind: string, ctx: ParseContext): PayloadParser {
  // A switch rather than a table built at load time: the format modules import this
  // one, and a switch reads their exports only when called.
  switch (kind) {
    case 'cisco-asa':
      return createAsaPayload(ctx);
    case 'pfsense-filterlog':
      return createFilterlogPayload(ctx);
    case 'mikrotik':
      return createMikrotikPayload(ctx);
    case 'pf':
      return createPfPayload(ctx);
    case 'cisco-ios':
      return createIosPayload(ctx);
    case 'fortigate':
      return createFortigatePayload(ctx);
    case 'sonicwall':
      return createSonicwallPayload(ctx);
    case 'paloalto':
      return createPaloaltoPayload(ctx);
    case 'juniper-srx':
      return createJuniperPayload(ctx);
    case 'sophos-utm':
      return createUtmPayload(ctx);
    case 'sophos-xg':
      return createXgPayload(ctx);
    case 'meraki':
      return createMerakiPayload(ctx);
    case 'watchguard':
      return createWatchguardPayload(ctx);
    case 'checkpoint':
      return createCheckpointPayload(ctx);
    case 'stormshield':
      return createStormshieldPayload(ctx);
    case 'zyxel':
      return createZyxelPayload(ctx);
    case 'hillstone':
      return createHillstonePayload(ctx);
    case 'huawei-usg':
      return createHuaweiUsgPayload(ctx);
    case 'h3c-secpath':
      return createH3cSecpathPayload(ctx);
    case 'cef':
      return createCefPayload(ctx);
    case 'leef':
      return createLeefPayload(ctx);
    default:
      return createNetfilterPayload(ctx);
  }
}

/** One per file, built on the first line its own parser does not recognise. */
export class PayloadDispatcher {
  private readonly parsers = new Map<string, PayloadParser>();

  constructor(
    private readonly ctx: ParseContext,
    /** The file's own payload format: never asked again. */
    private readonly own: string,
  ) {}

  /** Another format's verdict on the message, or null when no other format claims it. */
  parse(s: string, start: number, end: number, head: RecordHead, lineNo: number): FirewallEvent | PayloadReject | null {
    const kind = (start < end ? payloadKind(s, start, end) : null) ?? structuredKind(s);
    if (kind === null || kind === this.own) return null;
    let p = this.parsers.get(kind);
    if (p === undefined) {
      p = factory(kind, this.ctx);
      this.parsers.set(kind, p);
    }
    return p.parse(s, start, end, head, lineNo);
  }
}

/**
 * The LineParser of a syslog-wrapped format: envelope, own payload, then (for lines
 * that are not its own) the dispatcher. `hint` is a substring that marks a line as a
 * record of this format when its envelope is broken (malformed rather than skipped).
 * `emptyToOwn`: a line with no message after its header still goes to `own` (a Juniper SRX's
 * RFC 5424 records hold everything in their structured data); `own` answers NOT_MINE for
 * one it does not read. Such a line goes to the dispatcher too (another format's record in
 * the structured data), and is skipped as an empty message when none reads it.
 */
/**
 * Formats whose payload reads only messages its own tag or fields mark (netfilter's upper-case
 * `SRC=`…`PROTO=`, filterlog's CSV after its tag, `%ASA-`, `%SEC-`/`%FW-`, `RT_FLOW_`, pf's
 * `rule N/`): a CEF or LEEF message never reads as theirs, so the line they read most, their own, is
 * not asked whether it is CEF or LEEF first (it goes to `cef` or `leef` through the dispatcher when they answer
 * NOT_MINE).
 */
const NEVER_READ_CEF: ReadonlySet<string> = new Set(['iptables', 'pfsense-filterlog', 'cisco-asa', 'cisco-ios', 'juniper-srx', 'pf']);

export function syslogPayloadFormat(file: ParseContext, sink: LineSink, own: PayloadParser, hint: string, emptyToOwn = false): LineParser {
  // One log order for the header's stamps and those of the payloads read on their own (cisco-asa).
  const ctx = withTimeCarry(file);
  const zones = new HeaderZones(ctx);
  const reader = new SyslogEnvelopeReader(zones.ctx);
  const env = newEnvelope();
  let others: PayloadDispatcher | null = null;
  const note = file.headerNote;
  // A CEF or LEEF record is never another format's, though its attributes may hold their keys
  // (a FortiGate's CEF carries `FTNTFGTlogid=`, its LEEF `srcintf=`): the key=value formats
  // must not see one first.
  const cefFirst = own.format !== 'cef' && own.format !== 'leef' && !NEVER_READ_CEF.has(own.format);
  return {
    line(text: string, lineNo: number): void {
      zones.line();
      reader.read(text, env);
      if (env.error !== null) {
        if (text.includes(hint)) sink.malformed(lineNo, text, env.error);
        else sink.skipped(lineNo, NOT_RECORD);
        return;
      }
      const empty = env.msgStart >= env.msgEnd;
      let r =
        empty ? (emptyToOwn ? own.parse(text, env.msgStart, env.msgEnd, env, lineNo) : NOT_MINE)
        : cefFirst && (cefAt(text, env.msgStart, env.msgEnd) >= 0 || leefAt(text, env.msgStart, env.msgEnd) >= 0) ? NOT_MINE
        : own.parse(text, env.msgStart, env.msgEnd, env, lineNo);
      if (r === NOT_MINE) {
        // An empty message too: another format's record may be all in the structured data.
        if (others === null) others = new PayloadDispatcher(ctx, own.format);
        r = others.parse(text, env.msgStart, env.msgEnd, env, lineNo) ?? r;
      }
      if (r === NOT_MINE && empty) {
        sink.skipped(lineNo, EMPTY_MESSAGE);
        return;
      }
      const record = !(r instanceof PayloadReject) || r.malformed;
      if (env.unread && record && note !== undefined) {
        const u = note.unreadHeader;
        if (u === undefined) note.unreadHeader = { records: 1, line: lineNo, text: flat(text.slice(0, NOTED_CHARS)) };
        else u.records++;
      }
      if (r instanceof PayloadReject) {
        if (r.malformed) sink.malformed(lineNo, text, r.reason);
        else sink.skipped(lineNo, r.reason);
      } else {
        zones.event(r, env);
        sink.event(r);
      }
    },
    end(): void {},
  };
}

/**
 * A syslog-carried format's `create`: its own payload parser and syslogPayloadFormat, both
 * reading the file in one log order (withTimeCarry), as every such format needs.
 */
export function syslogPayloadCreate(createPayload: (ctx: ParseContext) => PayloadParser, hint: string, emptyToOwn = false): FormatDefinition['create'] {
  return (file, sink) => {
    const ctx = withTimeCarry(file);
    return syslogPayloadFormat(ctx, sink, createPayload(ctx), hint, emptyToOwn);
  };
}
