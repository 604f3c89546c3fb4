// The knowledge base as the rest of the program sees it. The JSON in signatures/
// is validated and indexed into this shape once, at start-up (knowledge/load.ts).

import type { Severity } from '../event.js';

export type PortProtocol = 'tcp' | 'udp';

export interface LocalizedText {
  en: string;
  zh: string;
}

export type Lang = keyof LocalizedText;

/** One meaning of a destination port (or range). A port can have several. */
export interface PortEntry {
  /** Unique kebab-case id, e.g. "sub7-6776". */
  id: string;
  /** Inclusive range; a single port has from === to. */
  from: number;
  to: number;
  protocols: readonly PortProtocol[];
  /** Short name shown in tables: {en: "Remote Desktop (RDP)", zh: "远程桌面（RDP）"}. */
  name: LocalizedText;
  /** A category id from signatures/categories.json (service, trojan, worm, game, …). */
  category: string;
  /** Family for malware: "Sub-7", "Back Orifice", {en: "Glacier (冰河)", zh: "冰河"}; the two languages' texts are the same unless the name needs translating. Never null for an entry of a malware category (the loader gives one written without a family its name); null otherwise. */
  family: LocalizedText | null;
  severity: Severity;
  /** Lower = more likely in a firewall log today; orders entries sharing a port. */
  rank: number;
  text: LocalizedText;
  /** Seed file the facts come from, e.g. "002_7fc6dc8747eb060f.txt". */
  source: string;
}

/** What a SOURCE port suggests (53 = DNS reply or evasion trick, 61000+ = possibly Linux NAT, …). */
export interface SourcePortEntry {
  id: string;
  from: number;
  to: number;
  protocols: readonly PortProtocol[];
  name: LocalizedText;
  /** The annotation id the annotator emits for it, e.g. "srcport-dns". */
  annotation: string;
  severity: Severity;
  text: LocalizedText;
  source: string;
}

/** Well-known / registered / dynamic, with the documents' caveats. */
export interface PortClass {
  id: string;
  from: number;
  to: number;
  name: LocalizedText;
  text: LocalizedText;
  source: string;
}

export interface Category {
  id: string;
  name: LocalizedText;
  defaultSeverity: Severity;
  /** Trojans, backdoors, adware: a port whose best entry is of another category is not "known as" these (80 is HTTP, not the Executor trojan's port). */
  hiddenUnderService: boolean;
  /** Trojans, worms, backdoors: each entry names a malware family (`PortEntry.family`; one without takes its name). */
  malware: boolean;
}

/** What a special-purpose address range means in a firewall log (224.0.0.251: mDNS; 100.64.0.0/10: carrier-grade NAT). */
export interface AddressEntry {
  id: string;
  /** "224.0.0.0/4", "fe80::/10". */
  range: string;
  name: LocalizedText;
  text: LocalizedText;
  /** Where the range is defined: "RFC 1918". */
  ref: string;
  /**
   * What a source in the range is, said beside a ranked source in the report and in follow's
   * alerts ("carrier-grade NAT: another customer of your ISP"); null for ranges whose sources
   * need no word (private networks are this side's; documentation ranges are what examples use).
   */
  asSource: LocalizedText | null;
}

/**
 * A knowledge table of message ids, as the signature files name it (SIGNATURE_FILES in
 * validate.ts): what a format declares its labels are read by (FormatDefinition.messageNames).
 */
export type MessageTable = 'asaMessages' | 'sonicwallMessages';

/**
 * What a device's message id that logscan reads events from means: a Cisco ASA (PIX, FTD,
 * FWSM) 302014, a TCP connection closed; a SonicWall m=36, a TCP packet dropped.
 */
export interface AsaMessage {
  /** The id as the log writes it: "302014" for %ASA-6-302014, "36" for SonicWall's m=36. */
  id: string;
  /** A few words, said in the report's "logged as" row: {en: "TCP connection closed", zh: "TCP 连接关闭"}. */
  name: LocalizedText;
  /** One sentence: what the firewall did and what it usually means (`logscan explain 302014`). */
  text: LocalizedText;
  source: string;
}

export interface KnowledgeBase {
  /** Destination-port meanings for this protocol and port, best first; a shared empty array if none. O(1). */
  lookup(proto: PortProtocol, port: number): readonly PortEntry[];
  /** Source-port meanings, best first; a shared empty array if none. O(1). */
  lookupSource(proto: PortProtocol, port: number): readonly SourcePortEntry[];
  portClass(port: number): PortClass;
  category(id: string): Category | undefined;
  /** Entries whose id, name (either language), family or category contains the term (case-insensitive). */
  search(term: string): readonly PortEntry[];
  readonly entries: readonly PortEntry[];
  readonly sourceEntries: readonly SourcePortEntry[];
  /** The special-purpose ranges an address falls in, narrowest first (none for an ordinary public address). */
  lookupAddress(ip: string): readonly AddressEntry[];
  readonly addresses: readonly AddressEntry[];
  /** A Cisco ASA message id's name and meaning ("302014"); undefined for an id logscan reads no events from. */
  asaMessage(id: string): AsaMessage | undefined;
  /** A message id's name and meaning in `table`, the one a format's labels are read by (FormatDefinition.messageNames); undefined for an id the table lacks. */
  message(table: MessageTable, id: string): AsaMessage | undefined;
  /** Every message id `table` names, in the file's order. */
  messages(table: MessageTable): readonly AsaMessage[];
  readonly asaMessages: readonly AsaMessage[];
}
