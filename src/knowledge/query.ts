// `logscan explain` queries: parsing (`6776`, `33500/udp`, `6970-7170`, `8/icmp`, `sub7`) and
// answering them from the knowledge base. Rendering lives in render/explain.ts.

import type { IcmpProtocol } from '../util/icmp.js';
import ipaddr from 'ipaddr.js';
import type { AddressEntry, AsaMessage, KnowledgeBase, Lang, MessageTable, PortClass, PortEntry, PortProtocol, SourcePortEntry } from './types.js';
import { findingByLabel, usageError } from '../i18n/messages.js';

const ALL: readonly PortProtocol[] = Object.freeze(['tcp', 'udp'] as const);

/**
 * The entries of a destination port a report names, best first. Empty for other protocols
 * (icmp has no ports to look up) and without a knowledge base. When the port's best entry
 * is a service, the trojans that once listened on it too are left out (categories with
 * hiddenUnderService): a probe of 80 is a web probe, as the annotator says, not a hunt for
 * the Executor trojan. `explain 80` still lists them; a worm's port stays named.
 */
function shownEntries(kb: KnowledgeBase | null, proto: string, port: number): readonly PortEntry[] {
  if (!kb || (proto !== 'tcp' && proto !== 'udp')) return [];
  const entries = kb.lookup(proto, port);
  const hidden = (e: PortEntry): boolean => kb.category(e.category)?.hiddenUnderService === true;
  const service = entries.length > 0 && !hidden(entries[0]!);
  return entries.filter((e) => !service || !hidden(e));
}

/** What a destination port is known as, best first, in the reader's language: the report's and the daily summary's "known as" lists. */
export function portNames(kb: KnowledgeBase | null, proto: string, port: number, lang: Lang): string[] {
  return shownEntries(kb, proto, port).map((e) => e.name[lang]);
}

/** What the port's best-known use means for a probe of it, in the reader's language (the first name's text); null when unknown. */
export function portMeaning(kb: KnowledgeBase | null, proto: string, port: number, lang: Lang): string | null {
  return shownEntries(kb, proto, port)[0]?.text[lang] ?? null;
}

export type ExplainQuery =
  | { kind: 'port'; raw: string; port: number; protocols: readonly PortProtocol[] }
  | { kind: 'range'; raw: string; from: number; to: number; protocols: readonly PortProtocol[] }
  /** ICMP has no ports: `8/icmp` asks about message type 8. */
  | { kind: 'icmp'; raw: string; proto: IcmpProtocol; type: number }
  | { kind: 'search'; raw: string; term: string }
  /** An IPv4 or IPv6 address: what its range is for (224.0.0.251, fe80::1, 100.64.0.7). */
  | { kind: 'address'; raw: string; address: string }
  /**
   * A device's message id, in its `table`: a Cisco ASA's six digits, no port (302014), or the
   * tag it is logged with (%ASA-6-302014); a SonicWall's as its log writes it (m=36: a bare
   * number would be a port).
   */
  | { kind: 'message'; raw: string; id: string; table: MessageTable };

/** `%ASA-6-302014:` as a log writes the tag (the `%` and the colon optional; PIX, FTD, FWSM alike). */
const ASA_TAG = /^%?(?:ASA|PIX|FTD|FWSM)-(?:[a-z]{1,16}-)?\d-(\d{6}):?$/i;
/** Six digits are past every port (65535): a message id. */
const MESSAGE_ID = /^[1-9]\d{5}$/;
/** `m=36` as a SonicWall record writes its message id. */
const SONICWALL_ID = /^m=(\d{1,5})$/i;

function port(raw: string, s: string): number {
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n > 65535) {
    throw usageError((u) => u.queryPort(raw, s));
  }
  return n;
}

/**
 * Anything that looks numeric or carries "/proto" is a port query and must be valid;
 * everything else is a search term for ids, names, families and categories. A finding's
 * label is a search even with a slash in it ("拨号/DHCP 残留流量").
 */
export function parseQuery(input: string): ExplainQuery {
  const raw = input.trim();
  if (raw === '') throw usageError((u) => u.queryEmpty);
  if (ipaddr.IPv4.isValidFourPartDecimal(raw) || (raw.includes(':') && ipaddr.IPv6.isValid(raw.replace(/%.*$/, '')))) return { kind: 'address', raw, address: raw };
  if (findingByLabel(raw) !== null) return { kind: 'search', raw, term: raw };
  const tag = ASA_TAG.exec(raw);
  if (tag !== null) return { kind: 'message', raw, id: tag[1]!, table: 'asaMessages' };
  if (MESSAGE_ID.test(raw)) return { kind: 'message', raw, id: raw, table: 'asaMessages' };
  const sw = SONICWALL_ID.exec(raw);
  if (sw !== null) return { kind: 'message', raw, id: String(Number(sw[1])), table: 'sonicwallMessages' };
  const slash = raw.indexOf('/');
  const spec = slash < 0 ? raw : raw.slice(0, slash).trim();
  const named = slash < 0 ? null : raw.slice(slash + 1).trim().toLowerCase();
  // "icmp6" is how ip6tables' rules and many people spell it; the events say "icmpv6".
  const proto = named === 'icmp6' ? 'icmpv6' : named;
  const numeric = /^\d+(?:\s*-\s*\d+)?$/.test(spec);
  if (!numeric) {
    if (slash >= 0 || /^[\d\s-]+$/.test(spec)) {
      throw usageError((u) => u.querySyntax(raw));
    }
    return { kind: 'search', raw, term: raw };
  }
  if (proto === 'icmp' || proto === 'icmpv6') {
    const type = Number(spec);
    if (!/^\d+$/.test(spec) || type > 255) throw usageError((u) => u.queryIcmpType(raw));
    return { kind: 'icmp', raw, proto, type };
  }
  let protocols: readonly PortProtocol[] = ALL;
  if (proto !== null) {
    if (proto !== 'tcp' && proto !== 'udp') throw usageError((u) => u.queryProto(raw, proto));
    protocols = Object.freeze([proto]);
  }
  const [a, b] = spec.split('-').map((s) => s.trim());
  const from = port(raw, a);
  if (b === undefined) return { kind: 'port', raw, port: from, protocols };
  const to = port(raw, b);
  if (from > to) throw usageError((u) => u.queryRange(raw, from, to));
  if (from === to) return { kind: 'port', raw, port: from, protocols };
  return { kind: 'range', raw, from, to, protocols };
}

export interface ExplainResult {
  query: ExplainQuery;
  /** Classes the port or range falls in (one for a port); empty for a search. */
  classes: readonly PortClass[];
  /** Destination-port meanings for the queried protocols, best first. */
  entries: readonly PortEntry[];
  /** What the port (or range) suggests as a SOURCE port. */
  sourceEntries: readonly SourcePortEntry[];
  /** For an address: the special-purpose ranges it falls in, narrowest first. */
  addresses: readonly AddressEntry[];
  /** For a message id: what it means; null when logscan reads no events from it. */
  message: AsaMessage | null;
}

const overlapsQuery = (e: { from: number; to: number }, from: number, to: number): boolean => e.from <= to && from <= e.to;
const sharesProto = (e: { protocols: readonly PortProtocol[] }, ps: readonly PortProtocol[]): boolean =>
  e.protocols.some((p) => ps.includes(p));

/** Union of per-protocol lookups, keeping each list's best-first order and dropping repeats. */
function union<T extends { id: string }>(lists: readonly (readonly T[])[], order: (a: T, b: T) => number): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const list of lists) {
    for (const e of list) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      out.push(e);
    }
  }
  return out.sort(order);
}

const byRank = (a: PortEntry, b: PortEntry): number => a.rank - b.rank || a.to - a.from - (b.to - b.from) || a.from - b.from;
const byWidth = (a: SourcePortEntry, b: SourcePortEntry): number => a.to - a.from - (b.to - b.from) || a.from - b.from;
const byStart = (a: PortEntry, b: PortEntry): number => a.from - b.from || byRank(a, b);

export function explainQuery(kb: KnowledgeBase, q: ExplainQuery): ExplainResult {
  switch (q.kind) {
    case 'port':
      return {
        query: q,
        classes: [kb.portClass(q.port)],
        entries: union(q.protocols.map((p) => kb.lookup(p, q.port)), byRank),
        sourceEntries: union(q.protocols.map((p) => kb.lookupSource(p, q.port)), byWidth),
        addresses: [],
        message: null,
      };
    case 'range': {
      // A range is answered by a scan of the entry list, not the index: it is a
      // one-off question, and the scan finds every overlapping entry directly.
      const classes: PortClass[] = [];
      for (let p = q.from; p <= q.to; ) {
        const c = kb.portClass(p);
        classes.push(c);
        p = c.to + 1;
      }
      return {
        query: q,
        classes,
        entries: kb.entries.filter((e) => overlapsQuery(e, q.from, q.to) && sharesProto(e, q.protocols)).sort(byStart),
        sourceEntries: kb.sourceEntries.filter((e) => overlapsQuery(e, q.from, q.to) && sharesProto(e, q.protocols)),
        addresses: [],
        message: null,
      };
    }
    case 'icmp':
      // What an ICMP type means is not in the port knowledge: the message catalog names it,
      // and the annotation rules that match it are answered beside (cli/explain-ids.ts).
      return { query: q, classes: [], entries: [], sourceEntries: [], addresses: [], message: null };
    case 'address':
      return { query: q, classes: [], entries: [], sourceEntries: [], addresses: kb.lookupAddress(q.address), message: null };
    case 'message':
      return { query: q, classes: [], entries: [], sourceEntries: [], addresses: [], message: kb.message(q.table, q.id) ?? null };
    case 'search': {
      const term = q.term.toLowerCase();
      return {
        query: q,
        classes: [],
        entries: [...kb.search(q.term)].sort(byStart),
        sourceEntries: kb.sourceEntries.filter(
          (e) => e.id.includes(term) || e.annotation.includes(term) || e.name.en.toLowerCase().includes(term) || e.name.zh.toLowerCase().includes(term),
        ),
        addresses: [],
        message: null,
      };
    }
  }
}
