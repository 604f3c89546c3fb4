// The `ack-spread` detector (ack-scan): bare ACKs from one source to many ports or many
// hosts are nmap -sA mapping a firewall; a connection's late ACKs go to one host and port.

import type { FirewallEvent } from '../../event.js';
import { Lru } from '../lru.js';
import { withinWindow } from './window.js';

interface AckState {
  /** Distinct destination ports and hosts reached, up to params.minPorts / params.minHosts. */
  ports: number[];
  hosts: string[];
  first: number;
  /** When the detector last fired for the source; null: not yet. */
  fired: number | null;
}

/** One ack-spread rule: source address -> the ports and hosts its bare ACKs reached. */
export class AckSpread {
  private readonly sources: Lru<string, AckState>;

  constructor(
    private readonly params: Readonly<Record<string, number | boolean>>,
    maxTracked: number,
  ) {
    this.sources = new Lru(maxTracked);
  }

  /**
   * Whether the source's bare ACKs have reached params.minPorts distinct ports or
   * params.minHosts distinct hosts within params.windowMs (nmap -sA on one host, or on one
   * port across a network). Once it has, every later event of the rule fires while they
   * keep coming within the window.
   */
  fires(e: FirewallEvent, t: number): boolean {
    const src = e.src.ip;
    if (src === null) return false;
    const w = this.params.windowMs as number;
    let s = this.sources.get(src);
    if (s !== undefined && s.fired !== null && withinWindow(t, s.fired, w)) {
      s.fired = t;
      return true;
    }
    if (s === undefined || !withinWindow(t, s.first, w)) this.sources.set(src, (s = { ports: [], hosts: [], first: t, fired: null }));
    const minPorts = this.params.minPorts as number;
    const minHosts = this.params.minHosts as number;
    const dp = e.dst.port;
    const dst = e.dst.ip;
    if (dp !== null && s.ports.length < minPorts && !s.ports.includes(dp)) s.ports.push(dp);
    if (dst !== null && s.hosts.length < minHosts && !s.hosts.includes(dst)) s.hosts.push(dst);
    if (s.ports.length < minPorts && s.hosts.length < minHosts) return false;
    s.fired = t;
    return true;
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
