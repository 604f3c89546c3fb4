// The `dialup-leftover` detector: chat and game traffic to a local address that appeared
// (or came back) less than `window` ago is most likely for the address's previous holder,
// a dial-up or DHCP lease's leftover. Keeps, per inbound interface, the unicast
// destination addresses seen and when each appeared; the annotator observes every inbound
// unicast event before judging it, so the first event at a new address is inside its own
// window.

import { flat } from '../../util/flat-string.js';
import { Lru } from '../lru.js';

/** Interfaces tracked; addresses per interface get maxTracked / this. */
const MAX_IFACES = 16;

interface LocalAddr {
  since: number;
  lastSeen: number;
}

interface IfaceState {
  current: string | null;
  currentAddr: LocalAddr | null;
  addrs: Lru<string, LocalAddr>;
}

export class DialupLeftover {
  private readonly ifaces = new Lru<string, IfaceState>(MAX_IFACES);
  private lastIface: IfaceState | null = null;
  private lastIfaceName = '';

  constructor(
    /** How long after a local address appears (or comes back) its traffic counts as a leftover. */
    private readonly window: number,
    private readonly maxTracked: number,
  ) {}

  /** Notes that `ip` on `iface` received a packet at `t`; returns since when the address has been this host's. */
  observe(iface: string, ip: string, t: number): number {
    // Nearly every inbound event hits the same interface and address as the one before;
    // answer those without touching the LRUs (a Map delete+set each).
    let st = this.lastIface;
    if (st === null || this.lastIfaceName !== iface) {
      st = this.ifaces.get(iface) ?? null;
      if (st === null) {
        st = { current: null, currentAddr: null, addrs: new Lru(Math.max(16, Math.floor(this.maxTracked / MAX_IFACES))) };
        this.ifaces.set(iface, st);
      }
      this.lastIface = st;
      this.lastIfaceName = iface;
    }
    if (st.current === ip && st.currentAddr !== null) {
      const a = st.currentAddr;
      if (t < a.since) a.since = t;
      if (t > a.lastSeen) a.lastSeen = t;
      return a.since;
    }
    let a = st.addrs.get(ip);
    if (a === undefined) {
      a = { since: t, lastSeen: t };
      st.addrs.set(ip, a);
    } else {
      // Back after being away longer than the window while another address was in
      // use: a new lease of an old address, so the previous holder's traffic starts over.
      if (st.current !== ip && t - a.lastSeen > this.window) a.since = t;
      else if (t < a.since) a.since = t; // input not in time order: it appeared earlier
      if (t > a.lastSeen) a.lastSeen = t;
    }
    st.current = flat(ip);
    st.currentAddr = a;
    return a.since;
  }

  /** Whether an event at `t` to an address this host has had since `since` (NaN: not observed) is a leftover. */
  covers(since: number, t: number): boolean {
    return since === since && t - since <= this.window;
  }

  /** Forgets addresses not seen for longer than the window, except each interface's current one. */
  sweep(now: number): void {
    const w = this.window;
    for (const st of this.ifaces.values()) st.addrs.sweep((a, ip) => now - a.lastSeen > w && ip !== st.current);
  }

  /** Local addresses remembered, on all interfaces. */
  get size(): number {
    let n = 0;
    for (const st of this.ifaces.values()) n += st.addrs.size;
    return n;
  }

  get evicted(): number {
    let n = this.ifaces.evicted;
    for (const st of this.ifaces.values()) n += st.addrs.evicted;
    return n;
  }
}
