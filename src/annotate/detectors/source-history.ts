// The `source-history` detector (srcport-dns-disguise): a source that earlier got one of
// the rule's `history` ids is remembered for windowMs, so its later packets are read in that
// light. Remembering happens after an event is judged (SourceHistories.remember), so an
// event's own readings count for the source's later events only.

import type { Annotation, FirewallEvent } from '../../event.js';
import { Lru } from '../lru.js';

function hasId(list: readonly Annotation[], id: string): boolean {
  for (let i = 0; i < list.length; i++) if (list[i]!.id === id) return true;
  return false;
}

/** One source-history rule: source address -> when it last got one of the rule's history ids. */
export class SourceHistory {
  private readonly seen: Lru<string, number>;

  constructor(
    /** The annotation ids that make a source remembered. */
    readonly ids: readonly string[],
    private readonly windowMs: number,
    maxTracked: number,
  ) {
    this.seen = new Lru(maxTracked);
  }

  /** Whether the event's source got one of the ids within the window before `t`. */
  fires(e: FirewallEvent, t: number): boolean {
    const src = e.src.ip;
    const seen = src === null ? undefined : this.seen.peek(src);
    if (seen === undefined) return false;
    // Without a clock on either side the order of the log is all there is: trust it.
    return t !== t || seen !== seen || t - seen <= this.windowMs;
  }

  /** Remembers `src` at `t` if `anns` hold one of the ids. */
  note(anns: readonly Annotation[], src: string, t: number): void {
    const ids = this.ids;
    for (let i = 0; i < ids.length; i++) {
      if (hasId(anns, ids[i]!)) {
        this.seen.set(src, t);
        break;
      }
    }
  }

  sweep(now: number): void {
    const w = this.windowMs;
    this.seen.sweep((seen) => now - seen > w);
  }

  get size(): number {
    return this.seen.size;
  }

  get evicted(): number {
    return this.seen.evicted;
  }
}

/** Every source-history rule of a rule set, and the ids any of them remembers sources by. */
export class SourceHistories {
  private readonly ids: ReadonlySet<string>;

  constructor(readonly detectors: readonly SourceHistory[]) {
    this.ids = new Set(detectors.flatMap((d) => d.ids));
  }

  /** Notes the source of an event that got one of a source-history detector's ids. */
  remember(e: FirewallEvent, t: number): void {
    const src = e.src.ip;
    if (src === null) return;
    // Nearly every event has none of them: one lookup per annotation says so.
    const anns = e.annotations;
    let any = false;
    for (let i = 0; i < anns.length && !any; i++) any = this.ids.has(anns[i]!.id);
    if (!any) return;
    for (const d of this.detectors) d.note(e.annotations, src, t);
  }
}
