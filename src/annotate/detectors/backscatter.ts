// The `backscatter` detector: a SYN+ACK or RST to a high port of this host from an address
// it was not seen contacting within contactTtlMs answers nothing it sent, but someone
// else's flood that forged its address. Remembers the hosts this host sent to (outbound
// events), one LRU shared by every backscatter rule.

import type { FirewallEvent } from '../../event.js';
import { Lru } from '../lru.js';

export class Backscatter {
  private readonly contacts: Lru<string, number>;
  /** Whether the log has shown any outbound packet yet (params.requireOutboundSeen). */
  private outboundSeen = false;

  constructor(
    /** Whether any rule reads the contacts: without one they are not kept. */
    private readonly used: boolean,
    /** How long a contact explains packets from its address. */
    private readonly contactTtlMs: number,
    maxTracked: number,
  ) {
    this.contacts = new Lru(maxTracked);
  }

  /** Notes an outbound packet to `dst` (called before the event is judged). */
  outbound(dst: string | null, t: number): void {
    this.outboundSeen = true;
    if (this.used && dst !== null) this.contacts.set(dst, t);
  }

  /** Whether the event, to a port of at least params.minDstPort, comes from no host this one contacted recently. */
  fires(params: Readonly<Record<string, number | boolean>>, e: FirewallEvent, t: number): boolean {
    const dp = e.dst.port;
    const src = e.src.ip;
    if (dp === null || dp < (params.minDstPort as number) || src === null) return false;
    if (params.requireOutboundSeen === true && !this.outboundSeen) return false;
    const seen = this.contacts.peek(src);
    if (seen === undefined) return true;
    // Without a clock on either side we cannot expire the contact: trust it.
    return t - seen > this.contactTtlMs;
  }

  sweep(now: number): void {
    const ttl = this.contactTtlMs;
    this.contacts.sweep((seen) => now - seen > ttl);
  }

  get size(): number {
    return this.contacts.size;
  }

  get evicted(): number {
    return this.contacts.evicted;
  }
}
