// The one contract between stages: parsers create FirewallEvents, later stages only
// read them and append to `annotations`. Field names are documented in README
// ("Event schema"); changing one is a breaking change of the NDJSON output.

export type Action = 'drop' | 'reject' | 'allow' | 'other';

/** in: arriving at this host; out: leaving it; forward: routed through it. */
export type Direction = 'in' | 'out' | 'forward';

/** 0 = informational … 5 = act now. */
export type Severity = 0 | 1 | 2 | 3 | 4 | 5;

export interface Endpoint {
  /** Address as written in the log (IPv6 kept as logged; compare through addressKey, aggregate/address-key.ts). */
  ip: string | null;
  /** 0-65535, or null when the protocol has no ports or the log has none. */
  port: number | null;
}

/** The header of the packet an ICMP error quotes (`[SRC=… DST=… ]`); never the outer one. */
export interface EmbeddedPacket {
  src: Endpoint;
  dst: Endpoint;
  proto: string | null;
}

export interface IcmpInfo {
  type: number | null;
  code: number | null;
  embedded: EmbeddedPacket | null;
}

export interface Annotation {
  /** Stable kebab-case id, part of the public output (README lists them). */
  id: string;
  severity: Severity;
  /** One line, in the language chosen with --lang. */
  text: string;
  /** The seed document (or "logscan") the interpretation comes from. */
  ref: string;
}

export interface Origin {
  file: string;
  /** 1-based line number of the record (for journald export: the MESSAGE= line). */
  line: number;
}

export interface FirewallEvent {
  /** Absolute time, or null when the log only has kernel uptime (dmesg). */
  time: Date | null;
  /** True when the year was not in the log and had to be inferred (BSD syslog). */
  yearInferred: boolean;
  /** Kernel uptime stamp in seconds (`[12345.678]`), when present. */
  uptime: number | null;
  host: string | null;
  /** Parser id (see `logscan formats`). */
  format: string;
  action: Action;
  direction: Direction | null;
  /** Log prefix or rule label as written (`[UFW BLOCK]`, `FINAL_REJECT:`, …). */
  rule: string | null;
  inIface: string | null;
  outIface: string | null;
  /** Lowercase protocol name (tcp, udp, icmp, icmpv6, igmp, esp, …) or the number as a string. */
  proto: string;
  ipVersion: 4 | 6 | null;
  src: Endpoint;
  dst: Endpoint;
  ttl: number | null;
  len: number | null;
  /** TCP flags present, uppercase (SYN, ACK, FIN, RST, PSH, URG, ECE, CWR); [] for a NULL scan; null if not TCP. */
  tcpFlags: string[] | null;
  tcpWindow: number | null;
  /**
   * The process on this host that sent or was to receive the packet, when the log names it
   * (Windows Firewall's `pid` column, Windows 10+); null otherwise (every other format).
   */
  pid: number | null;
  icmp: IcmpInfo | null;
  /** >1 when the log folded repeats ("message repeated N times"). */
  count: number;
  origin: Origin;
  annotations: Annotation[];
}
