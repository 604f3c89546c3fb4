// Why a parser skipped a line or could not read it, as data: a code from a closed set, the
// field as the log names it (`DST`, `src port`, `tag`, `106023: src`; '' for the whole line)
// and the value it found, already cut and quoted (fields.ts `shown`). The catalog words it
// (i18n `lineReason`, reasonText in i18n/messages.ts): English for stderr and JSON as the
// parsers always wrote it, the reader's language in `check` and on a Chinese stderr.
// A reason without a value is one shared frozen object: a skipped line costs no allocation.

/** The facts each code carries besides `field` and `value` (none for most). */
export interface ReasonFacts {
  // ---- malformed: a field
  /** `F: missing` */
  missing: object;
  /** `IN: missing (found 'XX=enp1s0')`: value, what stood where the field should. */
  'missing-found': object;
  /** `interface: missing "on"`: value, the token that is not there. */
  'missing-token': object;
  /** `SRC: missing (truncated or split record)` */
  'missing-split': object;
  /** `F: empty` */
  empty: object;
  /** `F: truncated` */
  truncated: object;
  /** `F: invalid address 'x'` */
  'invalid-address': object;
  /** `F: invalid port 'x'` */
  'invalid-port': object;
  /** `F: port name 'x' is not one Cisco's port table names` (signatures/asa-port-names.json) */
  'unknown-port-name': object;
  /** `src port: invalid 'x'` */
  invalid: object;
  /** `field src-ip: invalid 'x'` (a Windows Firewall column) */
  'invalid-column': object;
  /** `field action: unknown 'x'` (a Windows Firewall column) */
  'unknown-column': object;
  /** `field pid: not in the #Fields header` */
  'not-in-header': object;
  /** `expected 17 fields (per #Fields), got 9`: value, the count got. */
  'field-count': { expected: number };
  /** `expected 14 fields (the default format: no header line names others), got 29` (AWS VPC Flow Logs): value, the count got; named, the layout came from a header line. */
  'vpcflow-field-count': { expected: number; named: boolean };
  /** `field action: not in the header line` (AWS VPC Flow Logs) */
  'vpcflow-not-in-header': object;
  /** `F: not a number` */
  'not-a-number': object;
  /** `F: not a protocol number 'x'` */
  'not-a-protocol': object;
  /** `verdict: unknown 'x'` */
  unknown: object;
  /** `F: neither id nor text` */
  'neither-id-nor-text': object;
  /** `F: neither a string nor a byte array` */
  'neither-string-nor-bytes': object;
  /** `F: invalid syntax` */
  'invalid-syntax': object;
  /** `tcp flags: unknown letter in 'x'` */
  'unknown-flag': object;
  /** `DST: address family differs from SRC`: value, the other field. */
  'family-differs': object;
  /** `proto: unclosed (`: value, the bracket. */
  unclosed: object;
  /** `src: unclosed [ in 'x'`: value, the excerpt. */
  'unclosed-in': { bracket: string };
  /** `F: expected rule N/(reason)`: value, the syntax expected. */
  expected: object;
  /** `addresses: expected src->dst, found 'x'`: value, the excerpt found. */
  'expected-found': { syntax: string };
  /** `src: expected ]:port in 'x'`: value, the excerpt. */
  'expected-in': { syntax: string };
  /** `tag: expected level digit in 'x'` */
  'expected-level': object;
  /** `tag: expected message id in 'x'` */
  'expected-message-id': object;
  /** `direction: expected inbound or outbound` */
  'expected-direction': object;
  /** `addresses: on the next line (tcpdump -v)` */
  'next-line': object;
  // ---- malformed: the whole line
  /** `truncated: the line ends before DPT= (cut off by the syslog daemon?)`: value, what is cut. */
  'cut-before': object;
  /** `truncated: 7 fields (at least 9 before the IP fields)`: value, the count. */
  'too-few-fields': object;
  /** `truncated: 12 fields, IPv4 addresses need 20`: value, the count. */
  'fields-for-addresses': { version: 4 | 6; need: number };
  /** `truncated: tcp ports missing`: value, the protocol. */
  'ports-missing': object;
  /** `not filterlog CSV (direction or IP version field)` */
  'not-filterlog-csv': object;
  /** `two records on one line (a second SRC= after this record's fields)` */
  'two-records': object;
  /** `line longer than 65536 characters (70000)`: value, the length. */
  overlong: { limit: number };
  /** `parser error: …`: value, the exception's message (a bug, said as thrown). */
  'parser-error': object;
  // ---- malformed: a time stamp (parsers/timestamp.ts, the ASA and Windows clocks); field `time`
  /** `time: year 0999 outside the supported range 1900-9998`: value, the year (yearText). */
  'year-range': object;
  /** `field date: year 0999 outside the supported range 1900-9998` (a Windows Firewall column). */
  'year-range-column': object;
  /** `time: impossible date (Feb 30)`, `(Feb 29 2023)`: value, the day. */
  'impossible-day': object;
  /** `time: impossible date (month 13)`: value, the number. */
  'impossible-month': object;
  /** `time: impossible time (hour 25)` */
  'impossible-hour': object;
  /** `time: impossible time (minute 61)` */
  'impossible-minute': object;
  /** `time: impossible time (second 61)` */
  'impossible-second': object;
  /** `time: impossible date (UTC offset)` (Proxmox's stamp) */
  'impossible-date-offset': object;
  /** `time: impossible UTC offset` (ISO 8601) */
  'impossible-offset': object;
  /** `time: impossible date 'Feb 30 2016 10:00:00'` (an ASA's own stamp): value, the stamp quoted. */
  'impossible-stamp': object;
  /** `time: Feb 29 in 2025, the year inferred for the line, which has none (--year sets the year)`: value, the year. */
  'leap-day-inferred': object;
  // ---- malformed: rsyslog's `message repeated N times: [ … ]`; field `message repeated`
  /** `message repeated: count 0 out of range 1-999999999`: value, the count as logged. */
  'repeat-count': { max: number };
  /** `message repeated: expected "N times: [ … ]" with a count from 1 to 999999999, found 'x'`: value, what was found, quoted. */
  'repeat-syntax': { max: number };
  // ---- noted: a record read all the same
  /** `header not understood: read from its kernel: tag on` (syslog-envelope.ts Envelope.unread) */
  'header-unread': object;
  // ---- skipped
  'not-record': object;
  /** value: what the packet is instead (`ARP`) */
  'not-ip': object;
  blank: object;
  'empty-message': object;
  'journal-no-message': object;
  'not-journal-json': object;
  /** value: the journal's _TRANSPORT */
  'not-kernel': object;
  /** value: the field */
  'binary-field': object;
  /** value: the message id */
  'asa-not-packet': object;
  /** value: the tag (`LINK-3-UPDOWN`) */
  'ios-not-packet': object;
  /** value: the log's type (`event`, `utm`), quoted */
  'fortigate-not-traffic': object;
  /** value: the message id (`m=`) */
  'sonicwall-not-packet': object;
  /** value: the log's type (`THREAT`, `SYSTEM`), quoted */
  'paloalto-not-traffic': object;
  /** A PAN-OS session's start record: its end record counts the session. */
  'paloalto-session-start': object;
  'ftd-connection-start': object;
  /** A FortiGate session's start record (`action="start"`, logged with logtraffic-start): its end record counts the session. */
  'fortigate-session-start': object;
  /** A FortiOS 4 traffic log (`log_id=`, `status=`, `src=`): a layout logscan does not read. */
  'fortigate-legacy-traffic': object;
  /** tcpdump -v's second line, read with its record: value, the record's line number. */
  'tcpdump-continued': object;
  /** value: the Junos message's name (`RT_SCREEN_TCP`, `APPTRACK_SESSION_CLOSE`) */
  'junos-not-flow': object;
  /** value: a Sophos UTM line's program or subsystem (`httpd`, `http`), a Sophos Firewall log's type (`Event`), quoted */
  'sophos-not-firewall': object;
  /** value: a WatchGuard message's id (`3000-0151`), or its tag and id when not the packet filter's (`sessiond 3E00-0002`), quoted */
  'watchguard-not-packet': object;
  /** value: a Check Point record's product (`System Monitor`, `Anti Malware`), quoted */
  'checkpoint-not-firewall': object;
  /** value: a Check Point firewall record's action that is no packet filter verdict (`Decrypt`, `Key Install`), quoted */
  'checkpoint-not-verdict': object;
  /** value: the packets a Check Point "optimized drop" summary stands for (`packet_amount`) */
  'checkpoint-drop-summary': object;
  /** A Check Point record in the syslog structured-data layout (`[Fields@1.3.6.1.4.1.2620 key="value" …]`), which logscan does not read. */
  'checkpoint-fields-layout': object;
  /** value: a CEF record's vendor, product and Name (`'Trend Micro Deep Security Agent: User Signed In'`), quoted */
  'cef-not-firewall': object;
  /** value: a CEF firewall record's vendor, product, Name and act when it has one, quoted: a record of another kind (IPS, system, web) or an act that is no verdict */
  'cef-not-verdict': object;
  /** value: the Name of a CEF session record counted by its session's other record, with the signature id or act that says so (`TRAFFIC (start)`, `Connection_Closed`), quoted */
  'cef-session-half': object;
  /** value: the Name of a CEF firewall verdict with neither src nor dst, quoted */
  'cef-no-packet': object;
  /** value: a LEEF record's vendor, product and EventID (`'Microsoft Exchange: Login Event'`), quoted */
  'leef-not-firewall': object;
  /** value: a LEEF firewall record's vendor and product and its category (`cat`: THREAT, SYSTEM, utm:webfilter), or its EventID when it has none, quoted */
  'leef-not-traffic': object;
  /** value: a LEEF firewall record's vendor and product and its action (EventID or `action`) that is no verdict on a packet or connection (`Decrypt`, `Log In`), quoted */
  'leef-not-verdict': object;
  /** value: the subtype or action of a LEEF session record counted by its session's other record (PAN-OS's `start`), quoted */
  'leef-session-half': object;
  /** value: the action of a LEEF firewall verdict with neither src nor dst, quoted */
  'leef-no-packet': object;
  /** value: the Cloud Logging log's id (`cloudaudit.googleapis.com/activity`, `compute.googleapis.com/vpc_flows`), quoted */
  'gcp-not-firewall': object;
  /** A Cloud Logging firewall entry without `jsonPayload.connection`: no connection to read. */
  'gcp-no-connection': object;
  /** value: a Cisco Meraki line's type (`events`, `urls`), quoted */
  'meraki-not-firewall': object;
  /** A Meraki `ip_flow_end`: its `ip_flow_start` counted the flow. */
  'meraki-flow-end': object;
  /** value: the log status (`NODATA`, `SKIPDATA`) of an AWS VPC flow log record that carries no flow */
  'vpcflow-no-flow': object;
  /** An accepted AWS VPC flow log record whose connection's other half (the reverse flow, same interface and interval) was read: that one counts the connection. */
  'vpcflow-other-half': object;
  /** An AWS transit gateway flow log record: no accept/reject verdict. */
  'vpcflow-transit-gateway': object;
  /** value: the number of fields an AWS VPC flow log header line names */
  'vpcflow-header': object;
  /** value: an Azure Firewall record's category that is no verdict on a connection (`AZFWApplicationRule`, `AZFWDnsQuery`, or `IDPS` for a legacy signature record), quoted */
  'azure-not-verdict': object;
  /** An Azure Firewall threat intelligence or IDPS Alert: the traffic went on, its rule's record counts it. */
  'azure-alert-only': object;
  /** An Azure Firewall record naming its destination by host name (`to example.org:80`): no address to read. */
  'azure-host-name': object;
  /** value: a Stormshield log's type (`alarm`, `system`, `web`), quoted */
  'stormshield-not-filter': object;
  /** A Stormshield connection record (a connection's end) whose filter record (its pass) was read: that one counts the connection. */
  'stormshield-connection-end': object;
  /** value: a Zyxel log's category (`IDP`, `User`, `Sessions Limit`), quoted */
  'zyxel-category': object;
  /** value: the note of a Zyxel firewall record that says no verdict (`CONFIG CHANGE`), quoted */
  'zyxel-no-verdict': object;
  /** A Zyxel traffic log (a session's end) whose forward record was read: that one counts the connection. */
  'zyxel-traffic-end': object;
  /** value: a Hillstone log's type (`Event@MGMT`, `Traffic@FLOW NAT`), quoted */
  'hillstone-not-session': object;
  /** A Hillstone session end record whose session start was read: that one counts the connection. */
  'hillstone-session-end': object;
  /** value: a Huawei (VRP) or H3C (Comware) log's `MODULE/MNEMONIC`, not a policy, packet filter or session record */
  'vrp-other-log': object;
  /** A session record (Huawei's SESSION_TEARDOWN, H3C's SESSION flow logs, a repeated permit) of a connection already counted. */
  'vrp-session-end': object;
  /** value: the number of fields */
  'fields-header': object;
  /** value: what follows `#Time Format` */
  'time-format-header': object;
  /** value: the header's name */
  header: object;
}

export type ReasonCode = keyof ReasonFacts;

/** One code's reason. */
export type ReasonOf<C extends ReasonCode> = { readonly code: C; readonly field: string; readonly value: string } & Readonly<ReasonFacts[C]>;

export type LineReason = { [C in ReasonCode]: ReasonOf<C> }[ReasonCode];

/** A reason of a code whose only facts are field and value. */
type Plain = { [C in ReasonCode]: keyof ReasonFacts[C] extends never ? C : never }[ReasonCode];

/** A reason; allocate per line only for a value read from it. */
export function reason<C extends Plain>(code: C, field = '', value = ''): LineReason {
  return { code, field, value } as LineReason;
}

/** A reason made once (module level): shared by every line it is given for. */
export function fixedReason<C extends Plain>(code: C, field = '', value = ''): LineReason {
  return Object.freeze(reason(code, field, value));
}

/** The reason of a part (an address, `port`) under the field it is in: `src`, `106023: src: port`. */
export function underField(r: LineReason, outer: string): LineReason {
  return { ...r, field: r.field === '' ? outer : `${outer}: ${r.field}` };
}

export const NOT_RECORD = fixedReason('not-record');
export const BLANK_LINE = fixedReason('blank');
export const EMPTY_MESSAGE = fixedReason('empty-message');
export const HEADER_UNREAD = fixedReason('header-unread');
