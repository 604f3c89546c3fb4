// A set of 32-bit hashes in one open-addressing Int32Array: what the ports tables need to
// count distinct (source, port) pairs without keeping a string per pair. A pair is
// remembered as 4 bytes of a hash, so two pairs whose hashes collide count once: with a
// few hundred thousand pairs that undercounts by about one in ten thousand. Memory grows
// with the pairs, up to `maxSlots` (4 bytes each); then new hashes are refused and
// `saturated` says the counts made from it are lower bounds.

export class HashSet {
  private slots: Int32Array;
  private used = 0;
  /** True once a new hash was refused because the set is full. */
  saturated = false;

  constructor(
    initialSlots = 1 << 12,
    private readonly maxSlots = 1 << 22,
  ) {
    this.slots = new Int32Array(initialSlots);
  }

  get size(): number {
    return this.used;
  }

  /** Adds h (any 32-bit integer); true when it was not in the set and was added. */
  add(h: number): boolean {
    // 0 marks an empty slot.
    const v = h | 0 || 1;
    if (this.used * 4 >= this.slots.length * 3) {
      if (this.slots.length >= this.maxSlots) {
        if (this.has(v)) return false;
        this.saturated = true;
        return false;
      }
      this.grow();
    }
    const s = this.slots;
    const mask = s.length - 1;
    for (let i = v & mask; ; i = (i + 1) & mask) {
      const x = s[i]!;
      if (x === v) return false;
      if (x === 0) {
        s[i] = v;
        this.used++;
        return true;
      }
    }
  }

  private has(v: number): boolean {
    const s = this.slots;
    const mask = s.length - 1;
    for (let i = v & mask; ; i = (i + 1) & mask) {
      const x = s[i]!;
      if (x === v) return true;
      if (x === 0) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    const s = new Int32Array(old.length * 2);
    const mask = s.length - 1;
    for (const v of old) {
      if (v === 0) continue;
      let i = v & mask;
      while (s[i] !== 0) i = (i + 1) & mask;
      s[i] = v;
    }
    this.slots = s;
  }
}

/** Mixes a second value into a hash (murmur3's finalizer), so nearby ports spread over the table. */
export function mixHash(h: number, v: number): number {
  let x = Math.imul(h ^ v, 0x01000193);
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}
