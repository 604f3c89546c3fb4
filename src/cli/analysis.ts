// Knowledge and annotation set-up shared by the commands: load signatures/ (plus
// --signatures dirs) once, build the annotator, hand back one function per event.
import type { FirewallEvent } from '../event.js';
import { createAnnotator, type Annotator } from '../annotate/index.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { CommonOptions } from './options.js';

export interface Analysis {
  kb: KnowledgeBase;
  annotator: Annotator;
  annotate(e: FirewallEvent): void;
}

export function buildAnalysis(opts: CommonOptions): Analysis {
  const kb = loadKnowledge({ extraDirs: opts.signatures });
  const annotator = createAnnotator(kb, { lang: opts.lang });
  return { kb, annotator, annotate: (e) => annotator.annotate(e) };
}
