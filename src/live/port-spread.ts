// How many distinct destination ports a folding window's probes went to, exactly: a set of
// "22/tcp" keys while there are few (most folding windows are retries to one or two ports),
// then, past SMALL, one bitmap of all 65,536 ports per protocol (8 KiB each), so a scan of a
// thousand ports in a minute says 1,000 ports, not "at least 100". Bounded: a window holds at
// most SMALL keys or one bitmap per protocol seen with ports (TCP, UDP, rarely SCTP), and the
// bitmaps come from the run's BitmapBudget: a window refused one keeps the ports it counted
// and is `capped` ("≥100 ports"), and gives its bitmaps back when it closes (release()).
import type { BitmapBudget } from './bitmap-budget.js';

/** Keys held before switching to bitmaps: below this a Set is smaller than one bitmap. */
export const SMALL = 100;
const PORTS = 65_536;

export class PortSpread {
  private keys: Set<string> | null = new Set();
  private bits: Map<string, Uint8Array> | null = null;
  private n = 0;
  private over = false;

  constructor(private readonly budget: BitmapBudget) {}

  add(port: number, proto: string): void {
    const keys = this.keys;
    if (keys !== null) {
      if (keys.size < SMALL) {
        keys.add(`${port}/${proto}`);
        this.n = keys.size;
        return;
      }
      if (this.over || keys.has(`${port}/${proto}`)) return;
      if (!this.toBits(proto)) {
        // The budget is spent: the SMALL ports stay counted, the rest is "at least".
        this.over = true;
        return;
      }
    }
    this.mark(port, proto);
  }

  /** Distinct port/protocol pairs; a lower bound when `capped`. */
  get count(): number {
    return this.n;
  }

  /** Some ports went uncounted: no bitmap was to be had within the budget. */
  get capped(): boolean {
    return this.over;
  }

  /** The one "22/tcp" when there is exactly one, else null. */
  get only(): string | null {
    return this.n === 1 && this.keys !== null ? this.keys.values().next().value! : null;
  }

  /** Gives the bitmaps back to the budget; the spread counts nothing more. */
  release(): void {
    if (this.bits !== null) for (const b of this.bits.values()) this.budget.give(b);
    this.bits = null;
    this.keys = null;
    this.over = true;
  }

  /**
   * From the set to bitmaps, one for each protocol of the keys and for `proto`, the next
   * port's; false, the set kept as it is, when the budget cannot give them all (half the
   * keys in bitmaps and half lost would count less than the set does).
   */
  private toBits(proto: string): boolean {
    const keys = this.keys!;
    const bits = new Map<string, Uint8Array>();
    const protos = new Set<string>([proto]);
    for (const k of keys) protos.add(k.slice(k.indexOf('/') + 1));
    for (const p of protos) {
      const b = this.budget.take();
      if (b === null) {
        for (const got of bits.values()) this.budget.give(got);
        return false;
      }
      bits.set(p, b);
    }
    this.keys = null;
    this.bits = bits;
    this.n = 0;
    for (const k of keys) {
      const slash = k.indexOf('/');
      this.mark(Number(k.slice(0, slash)), k.slice(slash + 1));
    }
    return true;
  }

  private mark(port: number, proto: string): void {
    // A port outside 0-65535 cannot come from a parser (fields.ts checks it); dropped, not wrapped onto another.
    if (!(port >= 0 && port < PORTS) || this.bits === null) return;
    let b = this.bits.get(proto);
    if (b === undefined) {
      const got = this.budget.take();
      if (got === null) {
        // Another protocol past the budget: its ports go uncounted, the count is "at least".
        this.over = true;
        return;
      }
      this.bits.set(proto, (b = got));
    }
    const byte = port >> 3;
    const bit = 1 << (port & 7);
    if ((b[byte] & bit) === 0) {
      b[byte] |= bit;
      this.n++;
    }
  }
}
