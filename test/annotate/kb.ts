// The real knowledge base (signatures/ via src/knowledge/load.ts), loaded once per worker.
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { createAnnotator, type Annotator, type AnnotatorOptions } from '../../src/annotate/index.js';
import { makeEvent, type EventInit } from '../helpers/events.js';
import type { FirewallEvent } from '../../src/event.js';

let kb: KnowledgeBase | null = null;
export function knowledge(): KnowledgeBase {
  return (kb ??= loadKnowledge());
}

export function annotator(options: Partial<AnnotatorOptions> = {}): Annotator {
  return createAnnotator(knowledge(), { lang: 'en', ...options });
}

/** One event through a fresh annotator. */
export function annotateOne(init: EventInit, options: Partial<AnnotatorOptions> = {}): FirewallEvent {
  const e = makeEvent(init);
  annotator(options).annotate(e);
  return e;
}

/** The annotation with this id, or undefined. */
export function find(e: FirewallEvent, id: string) {
  return e.annotations.find((a) => a.id === id);
}
