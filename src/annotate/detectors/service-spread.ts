// The `service-spread` detector (srcport-scan): a source that reaches several service ports
// from a disguising source port (53, 20) within a window is scanning, not answering.

import type { FirewallEvent } from '../../event.js';
import type { KnowledgeBase } from '../../knowledge/types.js';
import { Lru } from '../lru.js';
import { withinWindow } from './window.js';

interface SpreadState {
  /** Distinct known service ports reached, up to params.minPorts. */
  ports: number[];
  /** When the first of them came. */
  first: number;
  /** When the detector last fired for the source; null: not yet. */
  fired: number | null;
}

/** One service-spread rule: source address -> the service ports it reached. */
export class ServiceSpread {
  private readonly sources: Lru<string, SpreadState>;

  constructor(
    private readonly params: Readonly<Record<string, number | boolean>>,
    maxTracked: number,
    private readonly kb: KnowledgeBase,
  ) {
    this.sources = new Lru(maxTracked);
  }

  /**
   * Whether the source has reached params.minPorts distinct service ports (known to the
   * knowledge base, up to params.maxDstPort) within params.windowMs; once it has, every
   * later event of the rule fires while they keep coming within the window.
   */
  fires(e: FirewallEvent, t: number): boolean {
    const src = e.src.ip;
    const dp = e.dst.port;
    if (src === null || dp === null) return false;
    const w = this.params.windowMs as number;
    let s = this.sources.get(src);
    if (s !== undefined && s.fired !== null && withinWindow(t, s.fired, w)) {
      s.fired = t;
      return true;
    }
    if (dp > (this.params.maxDstPort as number) || !this.isServicePort(e.proto, dp)) return false;
    if (s === undefined || !withinWindow(t, s.first, w)) this.sources.set(src, (s = { ports: [dp], first: t, fired: null }));
    else if (!s.ports.includes(dp)) s.ports.push(dp);
    if (s.ports.length < (this.params.minPorts as number)) return false;
    s.fired = t;
    return true;
  }

  /**
   * A port the knowledge base names a service (or a trojan) for, not one it knows as a
   * client port (1024 and the like). Broadcast services count: unicast to SSDP or mDNS from
   * outside is a reflection probe.
   */
  private isServicePort(proto: string, port: number): boolean {
    if (proto !== 'tcp' && proto !== 'udp') return false;
    const best = this.kb.lookup(proto, port)[0];
    return best !== undefined && best.category !== 'dynamic';
  }

  sweep(now: number): void {
    const w = this.params.windowMs as number;
    this.sources.sweep((s) => now - (s.fired ?? s.first) > w);
  }

  get size(): number {
    return this.sources.size;
  }

  get evicted(): number {
    return this.sources.evicted;
  }
}
