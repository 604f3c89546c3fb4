// The lookup side of the knowledge base: built once at start-up, then every event's
// port lookup is two typed-array reads (DESIGN.md "The hot path"). Each protocol has
// an Int32Array(65536) mapping port -> slot in a table of frozen entry lists (-1 = none);
// ports with the same set of meanings share one list, so a 167-port range is one list.

import ipaddr from 'ipaddr.js';
import { ipv4ToInt } from '../parsers/address.js';
import type { AddressEntry, AsaMessage, Category, KnowledgeBase, MessageTable, PortClass, PortEntry, PortProtocol, SourcePortEntry } from './types.js';

const EMPTY: readonly never[] = Object.freeze([]);
const PORTS = 65536;

interface Ranged {
  id: string;
  from: number;
  to: number;
  protocols: readonly PortProtocol[];
}

/** port -> frozen list, per protocol; `ordered` must already be best-first. */
class PortTable<T extends Ranged> {
  private readonly slots: Record<PortProtocol, Int32Array>;
  private readonly lists: (readonly T[])[] = [];

  constructor(ordered: readonly T[]) {
    this.slots = { tcp: new Int32Array(PORTS).fill(-1), udp: new Int32Array(PORTS).fill(-1) };
    // Appending entry i to the list in slot s always yields the same new list, and
    // consecutive ports of a range repeat that step: memoise it so a range costs one
    // allocation, not one per port.
    const step = new Map<number, number>();
    const mutable: T[][] = [];
    const stride = ordered.length + 1;
    ordered.forEach((entry, i) => {
      for (const proto of entry.protocols) {
        const table = this.slots[proto];
        // Within a range most neighbours share a slot: remember the last step taken.
        let lastCur = -2;
        let lastNext = -1;
        for (let port = entry.from; port <= entry.to; port++) {
          const cur = table[port];
          if (cur !== lastCur) {
            const key = (cur + 1) * stride + i;
            let next = step.get(key);
            if (next === undefined) {
              next = mutable.length;
              mutable.push(cur < 0 ? [entry] : [...mutable[cur], entry]);
              step.set(key, next);
            }
            lastCur = cur;
            lastNext = next;
          }
          table[port] = lastNext;
        }
      }
    });
    for (const list of mutable) this.lists.push(Object.freeze(list));
  }

  get(proto: PortProtocol, port: number): readonly T[] {
    // A non-integer or out-of-range port reads `undefined` from the typed array.
    const slot = this.slots[proto]?.[port];
    return slot === undefined || slot < 0 ? EMPTY : this.lists[slot];
  }

  get listCount(): number {
    return this.lists.length;
  }
}

/** Port entries: lower rank first, then the narrower range (more specific), then id. */
export function comparePortEntries(a: PortEntry, b: PortEntry): number {
  return a.rank - b.rank || a.to - a.from - (b.to - b.from) || a.from - b.from || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Source entries: the narrower range first, so srcport-low (0-1023) is the fallback. */
export function compareSourceEntries(a: SourcePortEntry, b: SourcePortEntry): number {
  return a.to - a.from - (b.to - b.from) || a.from - b.from || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const fold = (s: string): string => s.toLowerCase();
// "sub7" should find family "Sub-7" and "back-orifice" find "Back Orifice"; the
// full-width brackets of the Chinese names go too, so "远程桌面rdp" finds "远程桌面（RDP）".
const squash = (s: string): string => s.toLowerCase().replace(/[\s\-_.'/()（）]+/g, '');

export interface KnowledgeParts {
  entries: readonly PortEntry[];
  sourceEntries: readonly SourcePortEntry[];
  portClasses: readonly PortClass[];
  categories: readonly Category[];
  addresses: readonly AddressEntry[];
  asaMessages: readonly AsaMessage[];
  sonicwallMessages: readonly AsaMessage[];
}

/** The ranges an address falls in, narrowest first; an IPv4-mapped IPv6 address also as the IPv4 address it carries. */
function addressFinder(entries: readonly AddressEntry[]): (ip: string) => readonly AddressEntry[] {
  // Parsed on the first question. IPv4 ranges are also kept as numbers: the report asks
  // about the sources it shows, and a plain dotted quad is answered without ipaddr.js
  // (~3 µs a question through it).
  let nets: { entry: AddressEntry; net: ipaddr.IPv4 | ipaddr.IPv6; bits: number }[] | null = null;
  let v4: { entry: AddressEntry; base: number; size: number }[] = [];
  return (ip) => {
    if (nets === null) {
      nets = entries
        .map((entry) => {
          const [net, bits] = ipaddr.parseCIDR(entry.range);
          return { entry, net, bits };
        })
        .sort((a, b) => b.bits - a.bits);
      v4 = nets.filter((n) => n.net.kind() === 'ipv4').map((n) => {
        const size = 2 ** (32 - n.bits);
        return { entry: n.entry, base: Math.floor(ipv4ToInt(n.net.toString()) / size) * size, size };
      });
    }
    const quad = ipv4ToInt(ip);
    if (quad >= 0) {
      let hits: AddressEntry[] | null = null;
      for (const n of v4) if (quad >= n.base && quad < n.base + n.size) (hits ??= []).push(n.entry);
      return hits === null ? EMPTY : Object.freeze(hits);
    }
    let addr: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      addr = ipaddr.parse(ip.trim().replace(/%.*$/, ''));
    } catch {
      return EMPTY;
    }
    const forms = [addr];
    if (addr instanceof ipaddr.IPv6 && addr.isIPv4MappedAddress()) forms.push(addr.toIPv4Address());
    const hits = nets.filter((n) => forms.some((f) => f.kind() === n.net.kind() && f.match(n.net, n.bits))).map((n) => n.entry);
    return hits.length === 0 ? EMPTY : Object.freeze(hits);
  };
}

/** The built knowledge base; the extra members are for `explain` and tests. */
export interface IndexedKnowledge extends KnowledgeBase {
  readonly portClasses: readonly PortClass[];
  readonly categories: readonly Category[];
}

export function buildKnowledgeBase(parts: KnowledgeParts): IndexedKnowledge {
  const byRank = [...parts.entries].sort(comparePortEntries);
  const bySpecificity = [...parts.sourceEntries].sort(compareSourceEntries);
  const dst = new PortTable(byRank);
  const src = new PortTable(bySpecificity);

  const classes = Object.freeze([...parts.portClasses].sort((a, b) => a.from - b.from));
  const classOf = new Uint8Array(PORTS);
  if (classes.length > 255) throw new RangeError('at most 255 port classes');
  classes.forEach((c, i) => classOf.fill(i, c.from, c.to + 1));

  const categories = new Map(parts.categories.map((c) => [c.id, c]));
  const asaMessages = new Map(parts.asaMessages.map((m) => [m.id, m]));
  const messageTables: Record<MessageTable, ReadonlyMap<string, AsaMessage>> = { asaMessages, sonicwallMessages: new Map(parts.sonicwallMessages.map((m) => [m.id, m])) };
  const messageLists: Record<MessageTable, readonly AsaMessage[]> = { asaMessages: Object.freeze([...parts.asaMessages]), sonicwallMessages: Object.freeze([...parts.sonicwallMessages]) };
  const listed = Object.freeze([...parts.entries].sort((a, b) => a.from - b.from || comparePortEntries(a, b)));
  const listedSource = Object.freeze([...parts.sourceEntries].sort((a, b) => a.from - b.from || compareSourceEntries(a, b)));
  const haystacks = listed.map((e) => {
    // Both languages whatever --lang says: a reader may type the name they saw either way.
    const fields = [e.id, e.name.en, e.name.zh, e.family?.en ?? '', e.family?.zh ?? '', e.category];
    return { entry: e, plain: fields.map(fold).join('\n'), squashed: fields.map(squash).join('\n') };
  });

  return {
    entries: listed,
    sourceEntries: listedSource,
    portClasses: classes,
    categories: Object.freeze([...parts.categories]),
    addresses: Object.freeze([...parts.addresses]),
    lookupAddress: addressFinder(parts.addresses),
    lookup: (proto, port) => dst.get(proto, port),
    lookupSource: (proto, port) => src.get(proto, port),
    portClass(port: number): PortClass {
      if (!Number.isInteger(port) || port < 0 || port >= PORTS) throw new RangeError(`port out of range: ${port}`);
      return classes[classOf[port]];
    },
    category: (id) => categories.get(id),
    asaMessages: messageLists.asaMessages,
    asaMessage: (id) => asaMessages.get(id),
    message: (table, id) => messageTables[table].get(id),
    messages: (table) => messageLists[table],
    search(term: string): readonly PortEntry[] {
      const plain = fold(term.trim());
      const squashed = squash(term);
      if (plain === '') return EMPTY;
      const hits = haystacks.filter((h) => h.plain.includes(plain) || (squashed !== '' && h.squashed.includes(squashed)));
      return hits.length === 0 ? EMPTY : Object.freeze(hits.map((h) => h.entry));
    },
  };
}
