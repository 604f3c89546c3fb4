// Builds FirewallEvents for tests: every field filled with a plain default (an
// inbound TCP SYN to 80 that was dropped, IPv4, at BASE_TIME), overridden by the
// partial given. src/dst/icmp may be partial too.
import type { Endpoint, FirewallEvent, IcmpInfo } from '../../src/event.js';

/** 2026-03-14 10:00:00 UTC; tests add offsets with at(). */
export const BASE_TIME = Date.UTC(2026, 2, 14, 10, 0, 0);

/** A Date `seconds` after BASE_TIME. */
export function at(seconds: number): Date {
  return new Date(BASE_TIME + seconds * 1000);
}

export type EventInit = Partial<Omit<FirewallEvent, 'src' | 'dst' | 'icmp'>> & {
  src?: Partial<Endpoint>;
  dst?: Partial<Endpoint>;
  icmp?: Partial<IcmpInfo> | null;
};

let line = 0;

export function makeEvent(init: EventInit = {}): FirewallEvent {
  const { src, dst, icmp, ...rest } = init;
  const proto = rest.proto ?? 'tcp';
  const isIcmp = proto === 'icmp' || proto === 'icmpv6';
  return {
    time: new Date(BASE_TIME),
    yearInferred: false,
    uptime: null,
    host: 'gw',
    format: 'iptables',
    action: 'drop',
    direction: 'in',
    rule: '[UFW BLOCK]',
    inIface: 'eth0',
    outIface: null,
    proto,
    ipVersion: 4,
    ttl: 52,
    len: 60,
    tcpFlags: proto === 'tcp' ? ['SYN'] : null,
    tcpWindow: proto === 'tcp' ? 64240 : null,
    pid: null,
    count: 1,
    origin: { file: 'test.log', line: ++line },
    annotations: [],
    ...rest,
    src: { ip: '203.0.113.7', port: isIcmp ? null : 40000, ...src },
    dst: { ip: '198.51.100.10', port: isIcmp ? null : 80, ...dst },
    icmp: icmp === undefined ? (isIcmp ? { type: 8, code: 0, embedded: null } : null) : icmp === null ? null : { type: null, code: null, embedded: null, ...icmp },
  };
}

/** The annotation ids of an event, in order. */
export function ids(e: FirewallEvent): string[] {
  return e.annotations.map((a) => a.id);
}
