// The port bitmaps of `follow`'s folding windows (PortSpread), all of a run's from one
// budget: a window is bounded (one 8 KiB bitmap per protocol), but the windows are bounded
// only by the sources folded at once (maxSources, 10,000), which put tens of MiB within
// reach of a crowd of sources each folding over 100 ports in the same minute. A bitmap a
// closed window gives back is zeroed and handed to the next window that needs one: a
// long run allocates at most the budget, once, and no garbage after that.

/** One bit per port of one protocol. */
export const BITMAP_BYTES = 65_536 >> 3;

/**
 * 128 bitmaps, 1 MiB: at least 64 windows counting TCP and UDP at once, 128 counting
 * one protocol. A window needs one only past 100 distinct ports folded within its
 * 10-60 s, a fast scanner's pace; samples/ and the corpus never have two such at once,
 * and a host the whole Internet scans still sees a handful per minute. Past the budget
 * a window counts its first 100 ports exactly and then says "≥100 ports" (as before the
 * bitmaps), so the cost of a flood is precision, not memory. docs/follow.md, "Memory".
 */
export const FOLD_BITMAPS = 128;

export class BitmapBudget {
  /** Bitmaps given back, zeroed, for the next taker. */
  private readonly free: Uint8Array[] = [];
  /** Bitmaps made so far (at most `max`): those out plus those in `free`. */
  private made = 0;
  /** Times a bitmap was asked for and the budget was spent. */
  refused = 0;

  constructor(readonly max: number = FOLD_BITMAPS) {}

  /** A zeroed bitmap, or null when `max` are out. */
  take(): Uint8Array | null {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.made >= this.max) {
      this.refused++;
      return null;
    }
    this.made++;
    return new Uint8Array(BITMAP_BYTES);
  }

  /** Back to the budget; the caller must not touch `b` again. */
  give(b: Uint8Array): void {
    b.fill(0);
    this.free.push(b);
  }

  /** Bitmaps held by windows now. */
  get inUse(): number {
    return this.made - this.free.length;
  }

  /** Bitmaps ever allocated: with reuse, never more than the most in use at once. */
  get allocated(): number {
    return this.made;
  }
}
