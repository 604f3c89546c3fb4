// How many distinct destination ports a folding window's probes went to, exactly: a set of
// "22/tcp" keys while there are few (most folding windows are retries to one or two ports),
// then, past SMALL, one bitmap of all 65,536 ports per protocol (8 KiB each), so a scan of a
// thousand ports in a minute says 1,000 ports, not "at least 100". Bounded: a window holds at
// most SMALL keys or one bitmap per protocol seen with ports (TCP, UDP, rarely SCTP), and
// the Folder keeps at most maxSources windows open.

/** Keys held before switching to bitmaps: below this a Set is smaller than one bitmap. */
const SMALL = 100;
const PORTS = 65_536;

export class PortSpread {
  private keys: Set<string> | null = new Set();
  private bits: Map<string, Uint8Array> | null = null;
  private n = 0;

  add(port: number, proto: string): void {
    if (this.keys !== null) {
      const before = this.keys.size;
      this.keys.add(`${port}/${proto}`);
      this.n = this.keys.size;
      if (this.n > before && this.n > SMALL) this.toBits();
      return;
    }
    this.mark(port, proto);
  }

  /** Distinct port/protocol pairs. */
  get count(): number {
    return this.n;
  }

  /** The one "22/tcp" when there is exactly one, else null. */
  get only(): string | null {
    return this.n === 1 && this.keys !== null ? this.keys.values().next().value! : null;
  }

  private toBits(): void {
    const keys = this.keys!;
    this.keys = null;
    this.bits = new Map();
    this.n = 0;
    for (const k of keys) {
      const slash = k.indexOf('/');
      this.mark(Number(k.slice(0, slash)), k.slice(slash + 1));
    }
  }

  private mark(port: number, proto: string): void {
    // A port outside 0-65535 cannot come from a parser (fields.ts checks it); dropped, not wrapped onto another.
    if (!(port >= 0 && port < PORTS)) return;
    let b = this.bits!.get(proto);
    if (b === undefined) this.bits!.set(proto, (b = new Uint8Array(PORTS >> 3)));
    const byte = port >> 3;
    const bit = 1 << (port & 7);
    if ((b[byte] & bit) === 0) {
      b[byte] |= bit;
      this.n++;
    }
  }
}
