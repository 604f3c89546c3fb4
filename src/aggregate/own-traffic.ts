// What counts as this host's own client traffic rather than a probe. Windows Firewall
// logs every allowed SEND, and some iptables rule sets log OUTPUT: browsing sixty web
// servers is not a sweep, and a live view of probes should not scroll with it.
import type { FirewallEvent } from '../event.js';
import { NOT_NOTABLE } from './thresholds.js';

/**
 * Allowed outbound traffic with nothing telling about it: no annotation beyond
 * `port-known` (an adware beacon or a trojan port keeps the event in view). Outbound
 * traffic the firewall dropped is not "own client traffic": egress rules caught it.
 */
export function isOwnClientTraffic(e: FirewallEvent): boolean {
  if (e.direction !== 'out' || e.action !== 'allow') return false;
  const anns = e.annotations;
  for (let i = 0; i < anns.length; i++) if (!NOT_NOTABLE.includes(anns[i].id)) return false;
  return true;
}
