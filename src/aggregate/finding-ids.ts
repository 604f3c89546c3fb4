// Every finding a source can get, in one list: the rest is derived from it (the order of
// a source's findings, their default weights, the order the "why" line names them in,
// the scans, the stealth labels, the findings about this side's own machines), and the
// message catalog's `finding.about` is typed by these ids, so a finding without its
// explanation in either language does not compile. Pure data: imported by the catalog too.

export interface FindingSpec {
  /** Stable, public (JSON `findings[].id`, `logscan explain ID`, --config weights). */
  readonly id: string;
  /** Default score weight (thresholds' `weights.findings`); 0: shown, never scored up. */
  readonly weight: number;
  /**
   * Where the "why" line names it: lower first. Scans come first, then stealth, then
   * trojans, then the rest (the order people read a row in); the stealth findings share
   * one place, said together ("NULL and XMAS probes").
   */
  readonly why: number;
  /** A scan: makes a source a scanner whatever else its packets hit. */
  readonly scan?: true;
  /** A stealth probe: the TCP flag pattern it names (the same in every language). */
  readonly stealth?: string;
  /** About a machine of this side (its own outbound traffic): something to clean up or harmless, never to block. */
  readonly thisSide?: true;
}

/** In the order findings are listed for a source. */
export const FINDINGS = [
  { id: 'outbound-malware', weight: 20, why: 0, thisSide: true },
  { id: 'outbound-blocked', weight: 12, why: 1, thisSide: true },
  // What got in counts more than what knocked: above a blocked probe of the same port, below a scan.
  { id: 'allowed-in', weight: 20, why: 2 },
  { id: 'trojan-probe', weight: 15, why: 9 },
  { id: 'vertical-scan', weight: 20, why: 3, scan: true },
  { id: 'horizontal-sweep', weight: 20, why: 4, scan: true },
  { id: 'udp-scan', weight: 18, why: 5, scan: true },
  // Raw IP packets of protocols nobody speaks: crafted, like NULL and XMAS probes.
  { id: 'proto-scan', weight: 25, why: 6, scan: true },
  { id: 'null-scan', weight: 25, why: 8, stealth: 'NULL' },
  { id: 'xmas-scan', weight: 25, why: 8, stealth: 'XMAS' },
  { id: 'synfin-scan', weight: 25, why: 8, stealth: 'SYN+FIN' },
  { id: 'fin-scan', weight: 20, why: 8, stealth: 'FIN' },
  { id: 'ack-scan', weight: 15, why: 8, stealth: 'ACK' },
  { id: 'slow-scan', weight: 15, why: 7, scan: true },
  { id: 'icmp-sweep', weight: 10, why: 10 },
  { id: 'service-knock', weight: 8, why: 11 },
  { id: 'traceroute', weight: 0, why: 12 },
  // This side mapping a path: harmless, but its machine's, so never on a blocklist.
  { id: 'outbound-traceroute', weight: 0, why: 12, thisSide: true },
  { id: 'dialup-leftover', weight: 0, why: 13 },
  { id: 'server-replies', weight: 0, why: 14 },
  { id: 'late-packets', weight: 0, why: 15 },
  { id: 'noise', weight: 0, why: 16 },
] as const satisfies readonly FindingSpec[];

export type FindingId = (typeof FINDINGS)[number]['id'];

const specs: readonly FindingSpec[] = FINDINGS;

/** Every finding id, in the order findings are listed for a source. */
export const FINDING_IDS: readonly FindingId[] = FINDINGS.map((f) => f.id);

export function isFindingId(id: string): id is FindingId {
  return (FINDING_IDS as readonly string[]).includes(id);
}

/** The default weight of each finding. */
export function defaultFindingWeights(): Record<string, number> {
  return Object.fromEntries(FINDINGS.map((f) => [f.id, f.weight]));
}

/** Findings about a machine of this side (its own outbound traffic): something to clean up, never to block. */
export const THIS_SIDE_FINDINGS: readonly string[] = specs.filter((f) => f.thisSide).map((f) => f.id);

/** Findings that make a source a scanner, whatever else its packets hit. */
export const SCAN_FINDINGS: readonly string[] = specs.filter((f) => f.scan).map((f) => f.id);

/** The TCP flag pattern each stealth finding names. */
export const STEALTH_LABEL: Readonly<Record<string, string>> = Object.fromEntries(specs.flatMap((f) => (f.stealth === undefined ? [] : [[f.id, f.stealth]])));

/** The "why" line's order: each finding's id, the stealth ones once as `*stealth`. */
export const EXPLANATION_ORDER: readonly string[] = [...new Set([...specs].sort((a, b) => a.why - b.why).map((f) => (f.stealth === undefined ? f.id : '*stealth')))];

/** Each finding's place on the "why" line (FindingSpec.why). */
const WHY_PLACE: ReadonlyMap<string, number> = new Map(specs.map((f) => [f.id, f.why]));

/**
 * A source's findings in the order its "why" line names them (scans first, then stealth,
 * trojans, the rest), so its details read in the same order; findings of one place keep
 * theirs. The list itself (JSON `findings[]`) stays in FINDINGS order.
 */
export function inWhyOrder<T extends { readonly id: string }>(findings: readonly T[]): T[] {
  const place = (id: string): number => WHY_PLACE.get(id) ?? Number.MAX_SAFE_INTEGER;
  return [...findings].sort((a, b) => place(a.id) - place(b.id));
}
