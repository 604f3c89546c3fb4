// Knowledge and annotation set-up shared by the commands: load signatures/ (plus
// --signatures dirs) once, build the annotator, hand back one function per event; and
// say which networks are this side (--home-net), in whichever thread annotates.
import type { FirewallEvent } from '../event.js';
import { createAnnotator, type Annotator } from '../annotate/index.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { CommonOptions } from './options.js';
import { UsageError } from '../errors.js';
import { createHash } from 'node:crypto';
import { AddressRanges, canonicalRanges, parseAddressRange, type AddressRange } from '../util/address-ranges.js';
import { setHomeNetworks } from '../util/egress.js';

/** --home-net's ranges; null when none were given (the local-network ranges apply). */
export function homeNetworks(texts: readonly string[]): AddressRanges | null {
  if (texts.length === 0) return null;
  return new AddressRanges(parseHomeNet(texts));
}

function parseHomeNet(texts: readonly string[]): AddressRange[] {
  return texts.map((t) => parseAddressRange(t.trim()) ?? usage(`--home-net: "${t}" is not an address or CIDR range (e.g. 203.0.113.0/24, 2001:db8::/48)`));
}

/**
 * A hash of the addresses --home-net names, not of how they were typed; null without
 * --home-net (the local-network ranges apply). `daily --state` keeps it, as it keeps the
 * --ignore list's: which traffic is this side's own changes what counts as a probe.
 */
export function homeNetFingerprint(texts: readonly string[]): string | null {
  if (texts.length === 0) return null;
  return createHash('sha256').update(canonicalRanges(parseHomeNet(texts))).digest('hex').slice(0, 16);
}

function usage(message: string): never {
  throw new UsageError(message);
}

export interface Analysis {
  kb: KnowledgeBase;
  /** LoadedKnowledge.localSignatures: what the --signatures directories brought, hashed; null without. */
  localSignatures: string | null;
  annotator: Annotator;
  annotate(e: FirewallEvent): void;
}

export function buildAnalysis(opts: CommonOptions): Analysis {
  setHomeNetworks(homeNetworks(opts.homeNet));
  const kb = loadKnowledge({ extraDirs: opts.signatures });
  const annotator = createAnnotator(kb, { lang: opts.lang, detectorParams: opts.detectorParams });
  return { kb, localSignatures: kb.localSignatures, annotator, annotate: (e) => annotator.annotate(e) };
}
