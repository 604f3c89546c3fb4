// The protocol keywords of Cisco IOS inspection (CBAC's `ip inspect name … http`, the zone-based
// firewall's `match protocol dns`), which its audit trail and drop records print where a
// protocol stands (`Start http session: initiator …`), each with the transport its sessions run
// over, from signatures/ios-inspect-protocols.json: Cisco's vocabulary, kept as data. Read on the
// first record whose word is no IP protocol: a log of tcp, udp and icmp sessions never loads it.
import { readSignatureData } from './signature-data.js';
import { protoByName } from '../util/protocols.js';

let table: ReadonlyMap<string, string> | null = null;
const TRANSPORTS = new Set(['tcp', 'udp']);

function load(): ReadonlyMap<string, string> {
  const doc = readSignatureData('ios-inspect-protocols.json') as { protocols?: Record<string, unknown> };
  const m = new Map<string, string>();
  for (const [name, transport] of Object.entries(doc.protocols ?? {})) {
    if (typeof transport === 'string' && TRANSPORTS.has(transport)) m.set(name, transport);
  }
  return m;
}

/**
 * The event protocol of an inspection record's word: an IP protocol's name as protoByName reads
 * it (`tcp`, `icmp`), else the transport of an inspection keyword (`http` → tcp, `dns` → udp),
 * else `other`.
 */
export function inspectProtocol(word: string): string {
  const p = protoByName(word);
  if (p !== 'other') return p;
  return (table ??= load()).get(word.toLowerCase()) ?? 'other';
}

/** Whether the table has been read (tests: a log of tcp/udp/icmp sessions must not read it). */
export function inspectProtocolsLoaded(): boolean {
  return table !== null;
}
