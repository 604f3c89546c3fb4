// The pf.conf(5) ICMP type and code keywords (`echoreq`, `unreach`, `port-unr`, `neighbrsol`)
// that OPNsense's filterlog writes after `datalength=N`, from signatures/pf-icmp-keywords.json:
// the firewall's vocabulary, kept as data. Read on the first row that has them: a log of
// pfSense's own words (`request`, `unreachport`) never loads it.
import { readSignatureData } from './signature-data.js';

/** One family's words: type keyword → number, code keyword → number. */
export interface IcmpKeywords {
  readonly types: ReadonlyMap<string, number>;
  readonly codes: ReadonlyMap<string, number>;
}

let v4: IcmpKeywords | null = null;
let v6: IcmpKeywords | null = null;

function table(o: unknown, max: number): Map<string, number> {
  const m = new Map<string, number>();
  if (typeof o !== 'object' || o === null) return m;
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max) m.set(k, v);
  }
  return m;
}

function load(): void {
  const doc = readSignatureData('pf-icmp-keywords.json') as Record<string, { types?: unknown; codes?: unknown } | undefined>;
  v4 = { types: table(doc.icmp?.types, 255), codes: table(doc.icmp?.codes, 255) };
  v6 = { types: table(doc.icmp6?.types, 255), codes: table(doc.icmp6?.codes, 255) };
}

/** The keywords of ICMP (v6 false) or ICMPv6. */
export function pfIcmpKeywords(ipv6: boolean): IcmpKeywords {
  if (v4 === null) load();
  return ipv6 ? v6! : v4!;
}

/** Whether the table has been read (tests: a log of pfSense's words must not read it). */
export function pfIcmpKeywordsLoaded(): boolean {
  return v4 !== null;
}
