// Knowledge and annotation set-up shared by the commands: load signatures/ (plus
// --signatures dirs) once, build the annotator (on first use), hand back one function per event; and
// say which networks are this side (--home-net), in whichever thread annotates.
import type { FirewallEvent } from '../event.js';
import { createAnnotator, loadAnnotationRules, type Annotator } from '../annotate/index.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { CommonOptions } from './options.js';
import { createHash } from 'node:crypto';
import { AddressRanges, canonicalRanges, parseAddressRange, type AddressRange } from '../util/address-ranges.js';
import { setHomeNetworks } from '../util/egress.js';
import { usageError } from '../i18n/messages.js';
import type { UsageWords } from '../errors.js';

/** --home-net's ranges; null when none were given (the local-network ranges apply). */
export function homeNetworks(texts: readonly string[]): AddressRanges | null {
  if (texts.length === 0) return null;
  return new AddressRanges(parseHomeNet(texts));
}

function parseHomeNet(texts: readonly string[]): AddressRange[] {
  return texts.map((t) => parseAddressRange(t.trim()) ?? usage((u) => u.homeNet(t)));
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

function usage(words: UsageWords): never {
  throw usageError(words);
}

export interface Analysis {
  kb: KnowledgeBase;
  /** LoadedKnowledge.localSignatures: what the --signatures directories brought, hashed; null without. */
  localSignatures: string | null;
  annotate(e: FirewallEvent): void;
  /** Keys the annotator's detectors dropped at their cap before they expired (0 before the first event). */
  annotationsDropped(): number;
}

/** `maxTracked`: the keys each annotation detector keeps (follow's --max-sources, caps.ts); else the annotator's default. */
export function buildAnalysis(opts: CommonOptions, maxTracked?: number): Analysis {
  setHomeNetworks(homeNetworks(opts.homeNet));
  const kb = loadKnowledge({ extraDirs: opts.signatures });
  // The annotator is built for the first event it annotates: the main thread of a threaded
  // report never annotates (its worker does), and its port indexes (~5.5 MiB of typed arrays,
  // ~0.5 MiB of heap) were held idle through the run, at the report's peak RSS
  // (docs/performance.md, "Memory"). The rules file is read now, so a broken one is still
  // said before any input is read.
  loadAnnotationRules();
  let annotator: Annotator | null = null;
  return {
    kb,
    localSignatures: kb.localSignatures,
    annotate: (e) => (annotator ??= createAnnotator(kb, { lang: opts.lang, detectorParams: opts.detectorParams, maxTracked })).annotate(e),
    annotationsDropped: () => (annotator === null ? 0 : annotator.stats().evicted),
  };
}
