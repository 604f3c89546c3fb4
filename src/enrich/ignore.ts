// --ignore FILE: sources, ports and interfaces to leave out of the report (your own
// monitoring host, mDNS/SSDP chatter, the loopback interface). One entry per line:
//
//   203.0.113.0/24        # an address or CIDR range, IPv4 or IPv6
//   2001:db8::/32
//   port 5353             # a destination port, any protocol
//   port 1900/udp         # … of one protocol (tcp, udp)
//   port 6000-6063/tcp    # … a range
//   iface lo              # packets that came in or went out on this interface
//
// `#` starts a comment. The list is compiled once into cheap checks: address ranges as
// util/address-ranges.ts keeps them, ports as a 64 Ki-entry byte table, interfaces as a Set.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FirewallEvent } from '../event.js';
import { AddressRanges, parseAddressRange, type AddressRange } from '../util/address-ranges.js';
import { usageError } from '../i18n/messages.js';
import { fsProblem } from '../input/problem.js';
import type { IgnoreLineProblem } from '../i18n/en.js';

const B_TCP = 1;
const B_UDP = 2;
const B_OTHER = 4;
const B_ANY = B_TCP | B_UDP | B_OTHER;

export interface IgnoreList {
  /** How many entries of each kind, for the report header. */
  readonly counts: { networks: number; ports: number; ifaces: number };
  /**
   * The entries, not the file: the same entries in any order, with any comments, give the
   * same; `daily --state` keeps it so a day counted with another list is not compared silently.
   */
  readonly fingerprint: string;
  /** True when the event is to be left out. */
  matches(e: FirewallEvent): boolean;
}

class CompiledIgnore implements IgnoreList {
  constructor(
    private readonly networks: AddressRanges | null,
    /** Per destination port: protocol bits to ignore; null when the list has no ports. */
    private readonly ports: Uint8Array | null,
    private readonly ifaces: ReadonlySet<string> | null,
    readonly counts: IgnoreList['counts'],
    readonly fingerprint: string,
  ) {}

  matches(e: FirewallEvent): boolean {
    if (this.ifaces !== null && ((e.inIface !== null && this.ifaces.has(e.inIface)) || (e.outIface !== null && this.ifaces.has(e.outIface)))) return true;
    if (this.ports !== null && e.dst.port !== null) {
      const bits = this.ports[e.dst.port];
      if (bits !== 0 && (bits & (e.proto === 'tcp' ? B_TCP : e.proto === 'udp' ? B_UDP : B_OTHER)) !== 0) return true;
    }
    return this.networks !== null && e.src.ip !== null && this.networks.has(e.src.ip);
  }
}

/** Parses the list's text; errors name the file and line (UsageError, exit 2). */
export function parseIgnoreList(text: string, file: string): IgnoreList {
  const networks: AddressRange[] = [];
  let ports: Uint8Array | null = null;
  let portEntries = 0;
  const ifaces = new Set<string>();
  const entries: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((rawLine, i) => {
    const line = rawLine.replace(/#.*/, '').trim();
    if (line === '') return;
    // Keywords and addresses are the same in either case; interface names are not.
    entries.push(line.replace(/\s+/g, ' ').replace(/^\S+/, (w) => w.toLowerCase()));
    const fail = (problem: IgnoreLineProblem): never => {
      throw usageError((u) => u.ignoreLine(file, i + 1, problem, rawLine.trim()));
    };
    const words = line.split(/\s+/);
    const kw = words[0].toLowerCase();
    if (kw === 'port') {
      if (words.length !== 2) fail('port-syntax');
      const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp))?$/i.exec(words[1]);
      if (!m) return fail('port-syntax');
      const from = Number(m[1]);
      const to = m[2] !== undefined ? Number(m[2]) : from;
      if (from > 65535 || to > 65535 || to < from) fail('port-range');
      const bits = m[3] === undefined ? B_ANY : m[3].toLowerCase() === 'tcp' ? B_TCP : B_UDP;
      ports ??= new Uint8Array(65536);
      for (let p = from; p <= to; p++) ports[p] |= bits;
      portEntries++;
      return;
    }
    if (kw === 'iface' || kw === 'interface') {
      if (words.length !== 2) fail('iface-syntax');
      ifaces.add(words[1]);
      return;
    }
    if (words.length !== 1) fail('entry-syntax');
    networks.push(parseAddressRange(line) ?? fail('not-address'));
  });
  return new CompiledIgnore(networks.length > 0 ? new AddressRanges(networks) : null, ports, ifaces.size > 0 ? ifaces : null, {
    networks: networks.length,
    ports: portEntries,
    ifaces: ifaces.size,
  }, createHash('sha256').update([...new Set(entries)].sort().join('\n')).digest('hex').slice(0, 16));
}

export function loadIgnoreList(file: string): IgnoreList {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw usageError((u) => u.fileProblem('--ignore', file, fsProblem(err)));
  }
  return parseIgnoreList(text, file);
}
