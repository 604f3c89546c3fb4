#!/usr/bin/env node
// Writes the sample logs in samples/ (ufw.log, firewalld.log, iptables.log, pfirewall.log).
//
//   node scripts/make-samples.mjs [outDir]
//
// Deterministic: a seeded PRNG (mulberry32), a fixed start (2026-11-20, local wall
// time), no Math.random and no clock reads, so rerunning gives byte-identical files and
// a diff shows exactly what a change to this script did. Times are kept as wall-clock
// milliseconds (Date.UTC of the local fields) and printed with getUTC*, so the machine's
// zone never leaks in. Public addresses come from the documentation ranges
// (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32); the local side is RFC 1918.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.argv[2] ?? new URL('../samples/', import.meta.url).pathname;

// ------------------------------------------------------------------ deterministic helpers

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One PRNG per sample, so editing one sample does not reshuffle the others. */
function rng(seed) {
  const next = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    shuffle(arr) {
      const a = [...arr];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
}

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 2026-11-20 00:00 local wall time. */
const START = Date.UTC(2026, 10, 20);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n) => String(n).padStart(2, '0');
const hms = (d) => `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
const ymd = (d) => `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
/** `Nov 20 06:25:01` (day space-padded, as BSD syslog writes it). */
const bsdTime = (t) => {
  const d = new Date(t);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${hms(d)}`;
};
/** `2026-11-20T06:25:01.123456+01:00` (rsyslog RFC 3339 high precision). */
const rfc3339 = (t, micro, offset) => `${ymd(new Date(t))}T${hms(new Date(t))}.${String(micro).padStart(6, '0')}${offset}`;

const hex2 = (n) => n.toString(16).padStart(2, '0');
const hex4 = (n) => n.toString(16).padStart(4, '0');
/** Netfilter prints IPv6 addresses in full, zero-padded (%pI6): 2001:0db8:0000:…. */
const fullV6 = (groups) => groups.map(hex4).join(':');

// ------------------------------------------------------------------ netfilter LOG payload

/**
 * The text the kernel's LOG target writes after the prefix, field order as in
 * nf_log_ipv4/nf_log_ipv6 (including the trailing space). `mac` is omitted for
 * locally generated packets (no input device), as the kernel does.
 */
function nf(p) {
  const parts = [`IN=${p.in ?? ''}`, `OUT=${p.out ?? ''}`];
  if (p.mac !== undefined) parts.push(`MAC=${p.mac}`);
  parts.push(`SRC=${p.src}`, `DST=${p.dst}`, `LEN=${p.len}`);
  if (p.v6) {
    parts.push(`TC=0`, `HOPLIMIT=${p.ttl}`, `FLOWLBL=${p.flowlbl ?? 0}`);
  } else {
    parts.push(`TOS=${p.tos ?? '0x00'}`, `PREC=${p.prec ?? '0x00'}`, `TTL=${p.ttl}`, `ID=${p.id}`);
    if (p.df) parts.push('DF');
  }
  if (p.proto === 'TCP') {
    parts.push('PROTO=TCP', `SPT=${p.spt}`, `DPT=${p.dpt}`, `WINDOW=${p.window}`, 'RES=0x00', ...(p.flags ?? ['SYN']), 'URGP=0');
  } else if (p.proto === 'UDP') {
    parts.push('PROTO=UDP', `SPT=${p.spt}`, `DPT=${p.dpt}`, `LEN=${p.len - (p.v6 ? 40 : 20)}`);
  } else if (p.proto === 'ICMP' || p.proto === 'ICMPv6') {
    parts.push(`PROTO=${p.proto}`, `TYPE=${p.type}`, `CODE=${p.code}`);
    if (p.echoId !== undefined) parts.push(`ID=${p.echoId}`, `SEQ=${p.seq}`);
    if (p.embedded) parts.push(`[${p.embedded} ]`);
  } else {
    parts.push(`PROTO=${p.proto}`);
  }
  return parts.join(' ') + ' ';
}

/** An Ethernet MAC= value: destination MAC, source MAC, ethertype. */
const macOf = (dstMac, srcMac, v6 = false) => `${dstMac}:${srcMac}:${v6 ? '86:dd' : '08:00'}`;
const multicastMac = (ip) => {
  const [, b, c, d] = ip.split('.').map(Number);
  return `01:00:5e:${hex2(b & 0x7f)}:${hex2(c)}:${hex2(d)}`;
};

// ------------------------------------------------------------------ shared actors

/** Addresses that play a named part in a sample; random background never reuses them. */
const ACTORS = new Set([
  '198.51.100.77', '203.0.113.200', '192.0.2.145', '203.0.113.66', '198.51.100.9', '192.0.2.31', '203.0.113.99',
  '198.51.100.123', '192.0.2.6', '198.51.100.180', '203.0.113.13', '203.0.113.150', '192.0.2.77', '198.51.100.17',
  '192.0.2.201', '203.0.113.19', '198.51.100.53', '203.0.113.53',
]);

/** Public sources: documentation ranges only. */
function publicV4(r) {
  for (;;) {
    const ip = `${r.pick(['203.0.113', '198.51.100', '192.0.2'])}.${r.int(2, 254)}`;
    if (!ACTORS.has(ip)) return ip;
  }
}
function publicV6(r) {
  return fullV6([0x2001, 0x0db8, r.int(1, 0xffff), r.int(0, 0xff), 0, 0, r.int(0, 0xffff), r.int(1, 0xffff)]);
}
/** A plausible TTL on arrival: initial 64/128/255 minus a hop count. */
function ttlFrom(r, initial = r.pick([64, 64, 128, 255])) {
  return initial - r.int(6, 22);
}
const ephemeral = (r) => r.int(32768, 60999);

/** Collects timed lines and prints them in time order (stable for equal times). */
class Timeline {
  items = [];
  add(t, render) {
    this.items.push({ t, n: this.items.length, render });
  }
  lines() {
    return this.items.sort((a, b) => a.t - b.t || a.n - b.n).map((it) => it.render(it.t));
  }
}

// ------------------------------------------------------------------ ufw.log

/**
 * Ubuntu ufw via rsyslog, classic BSD syslog with the kernel uptime stamp. Host `gw`:
 * eth0 on the LAN/uplink side (192.168.1.20 by DHCP, later 192.168.1.57), eth1 to a
 * small routed DMZ 192.168.10.0/24.
 */
function ufw() {
  const r = rng(0x75f30001);
  const tl = new Timeline();
  const host = 'gw';
  const boot = START - 3 * DAY - 7 * HOUR - 13 * MIN; // uptime ≈ 3 days at the start
  const T0 = START + 6 * HOUR + 25 * MIN + 1 * SEC; // first line: Nov 20 06:25:01
  const ourMac = '52:54:00:3a:91:c2';
  const routerMac = '00:1b:21:7e:04:aa';
  const lanMac = () => `00:1e:${hex2(r.int(0, 255))}:${hex2(r.int(0, 255))}:${hex2(r.int(0, 255))}:${hex2(r.int(0, 255))}`;
  const addrChange = START + DAY + 14 * HOUR + 2 * MIN + 11 * SEC; // Nov 21 14:02:11 DHCP gives a new address
  const ourIp = (t) => (t < addrChange ? '192.168.1.20' : '192.168.1.57');
  const uptime = (t) => {
    // Sub-second part of the stamp: from t when it has one, made up when t is a whole second.
    const us = (t - boot) * 1000 + (t % 1000 === 0 ? r.int(0, 999_999) : r.int(0, 999));
    return `[${String(Math.floor(us / 1e6)).padStart(5, ' ')}.${String(us % 1e6).padStart(6, '0')}]`;
  };
  const kernel = (t, msg) => `${bsdTime(t)} ${host} kernel: ${uptime(t)} ${msg}`;
  const daemon = (t, tag, msg) => `${bsdTime(t)} ${host} ${tag}: ${msg}`;

  const inbound = (t, p, prefix = '[UFW BLOCK]') => tl.add(t, (tt) => kernel(tt, `${prefix} ${nf({ in: 'eth0', mac: macOf(ourMac, routerMac), dst: ourIp(tt), ttl: ttlFrom(r), id: r.int(1, 65535), ...p })}`));
  const syn = (dpt, extra = {}) => ({ proto: 'TCP', src: publicV4(r), spt: ephemeral(r), dpt, len: 60, window: r.pick([29200, 64240, 65535, 14600]), df: true, ...extra });

  // Background: single SYN probes at the usual suspects, all day and night.
  const usual = [23, 22, 445, 3389, 80, 8080, 5900, 1433, 3306, 25, 110, 443, 21, 139, 135, 5060, 6379, 9200, 2323, 8443, 81, 8888, 5555, 37215, 52869];
  for (let i = 0; i < 110; i++) inbound(T0 + r.int(0, 46 * HOUR), syn(r.pick(usual), { len: r.pick([40, 44, 60]) }));

  // A vertical SYN scan: one source, ~300 ports in under two minutes, nmap-style
  // (fixed source port, WINDOW=1024, LEN=44 with an MSS option, no DF, random order).
  {
    const src = '198.51.100.77';
    const spt = 51873;
    const ports = new Set([21, 22, 23, 25, 53, 80, 110, 111, 135, 139, 143, 443, 445, 993, 995, 1723, 3306, 3389, 5900, 8080]);
    while (ports.size < 300) ports.add(r.chance(0.7) ? r.int(1, 1024) : r.int(1025, 49151));
    let t = START + 9 * HOUR + 41 * MIN + 7 * SEC;
    for (const dpt of r.shuffle([...ports])) {
      t += r.int(150, 500);
      inbound(t, { proto: 'TCP', src, spt, dpt, len: 44, window: 1024, ttl: 45 });
    }
  }

  // A horizontal sweep: ports 22 and 23 across the routed DMZ hosts (forwarded: IN and OUT set).
  {
    const src = '203.0.113.200';
    let t = START + 13 * HOUR + 3 * MIN + 40 * SEC;
    for (let h = 2; h <= 13; h++) {
      for (const dpt of [22, 23]) {
        t += r.int(80, 900);
        tl.add(t, (tt) => kernel(tt, `[UFW BLOCK] ${nf({ in: 'eth0', out: 'eth1', mac: macOf(ourMac, routerMac), src, dst: `192.168.10.${h}`, len: 40, ttl: 238, id: 54321, proto: 'TCP', spt: 61604, dpt, window: 65535 })}`));
      }
    }
  }

  // SSH/telnet knocks from a botnet-ish crowd: many sources, one or two tries each.
  {
    const bots = Array.from({ length: 36 }, () => publicV4(r));
    for (let i = 0; i < 85; i++) {
      const src = r.pick(bots);
      const dpt = r.pick([22, 22, 23, 23, 2323]);
      inbound(START + 7 * HOUR + r.int(0, 44 * HOUR), { proto: 'TCP', src, spt: ephemeral(r), dpt, len: r.pick([40, 60]), window: r.pick([5840, 14600, 29200, 65535]), df: r.chance(0.5), ttl: r.int(40, 52) });
    }
  }

  // SSH brute force hitting the rate limit, and a few allowed/audited packets.
  {
    const src = '192.0.2.145';
    let t = START + 22 * HOUR + 17 * MIN;
    for (let i = 0; i < 7; i++) {
      t += r.int(2, 9) * SEC;
      inbound(t, { proto: 'TCP', src, spt: ephemeral(r), dpt: 22, len: 60, window: 64240, df: true, ttl: 50 }, '[UFW LIMIT BLOCK]');
    }
    for (let i = 0; i < 6; i++) {
      const t2 = START + 8 * HOUR + r.int(0, 40 * HOUR);
      tl.add(t2, (tt) => kernel(tt, `[UFW ALLOW] ${nf({ in: 'eth0', mac: macOf(ourMac, lanMac()), src: `192.168.1.${r.int(2, 19)}`, dst: ourIp(tt), len: 60, ttl: 64, id: r.int(1, 65535), df: true, proto: 'TCP', spt: ephemeral(r), dpt: 22, window: 64240 })}`));
    }
    for (let i = 0; i < 5; i++) {
      const t2 = T0 + r.int(0, 44 * HOUR);
      tl.add(t2, (tt) => kernel(tt, `[UFW AUDIT] ${nf({ out: 'eth0', src: ourIp(tt), dst: r.pick(['198.51.100.53', '203.0.113.53']), len: 72, ttl: 64, id: r.int(1, 65535), df: true, proto: 'UDP', spt: ephemeral(r), dpt: 53 })}`));
    }
  }

  // Stealth probes: NULL (no flags), FIN and XMAS (URG PSH FIN) from one source.
  {
    const src = '203.0.113.66';
    let t = START + 16 * HOUR + 8 * MIN;
    for (const [flags, ports] of [[[], [21, 22, 80, 443]], [['FIN'], [22, 25, 80, 8080]], [['URG', 'PSH', 'FIN'], [22, 111, 139, 445]]]) {
      for (const dpt of ports) {
        t += r.int(300, 3000);
        inbound(t, { proto: 'TCP', src, spt: 40123, dpt, len: 40, window: 1024, flags, ttl: 49 });
      }
    }
  }

  // Old trojan probes: Sub-7, Back Orifice, NetBus, 冰河 (Glacier), Deep Throat.
  {
    const probes = [['TCP', 1243], ['TCP', 27374], ['TCP', 27374], ['UDP', 31337], ['TCP', 12345], ['TCP', 12346], ['TCP', 7626], ['TCP', 7626], ['UDP', 2140], ['UDP', 3150]];
    for (const [proto, dpt] of probes) {
      const t = START + 10 * HOUR + r.int(0, 36 * HOUR);
      if (proto === 'TCP') inbound(t, syn(dpt, { len: 48, window: 8192, ttl: r.int(100, 115) }));
      else inbound(t, { proto: 'UDP', src: publicV4(r), spt: r.pick([1025, 31337, 1026]), dpt, len: 47 });
    }
  }

  // The DHCP lease changes; the previous holder's traffic keeps arriving at the new
  // address: Sub-7 6776, ICQ 4000/udp, PowWow 13223, game servers (27015, 27960),
  // RealAudio data (UDP 6970-7170 from a server's 554 session).
  tl.add(addrChange - 3 * SEC, (tt) => daemon(tt, 'dhclient[812]', 'DHCPREQUEST for 192.168.1.57 on eth0 to 255.255.255.255 port 67 (xid=0x5c1e29b3)'));
  tl.add(addrChange, (tt) => daemon(tt, 'dhclient[812]', 'bound to 192.168.1.57 -- renewal in 40030 seconds.'));
  {
    let t = addrChange + 40 * SEC;
    const leftovers = [
      ['TCP', 6776, 1], ['TCP', 6776, 1], ['UDP', 4000, 4000], ['UDP', 4000, 4000], ['UDP', 4000, 4000], ['TCP', 13223, 1], ['TCP', 13223, 1],
      ['UDP', 27015, 27005], ['UDP', 27015, 27005], ['UDP', 27960, 27960], ['UDP', 27960, 27960], ['UDP', 6970, 554], ['UDP', 6972, 554], ['UDP', 7070, 554], ['UDP', 7170, 554],
    ];
    for (const [proto, dpt, spt] of leftovers) {
      t += r.int(20, 400) * SEC;
      if (proto === 'TCP') inbound(t, syn(dpt, { spt: ephemeral(r), window: 16384, ttl: r.int(110, 120) }));
      else inbound(t, { proto: 'UDP', src: publicV4(r), spt: spt === 1 ? ephemeral(r) : spt, dpt, len: r.int(40, 540) });
    }
  }

  // A UDP traceroute reaching us: destination ports rising from 33434, TTL nearly spent.
  {
    const src = '198.51.100.9';
    let t = START + 19 * HOUR + 44 * MIN + 2 * SEC;
    for (let dpt = 33434; dpt <= 33460; dpt++) {
      t += r.int(5, 60);
      inbound(t, { proto: 'UDP', src, spt: 47911, dpt, len: 60, ttl: r.int(1, 3), id: 47912 + dpt - 33434 });
    }
  }

  // Tell-tale source ports: 53 (DNS-reply disguise), 20 (ftp-data), 123 (NTP), 61000+ (Linux NAT).
  {
    const base = START + 11 * HOUR;
    for (let i = 0; i < 4; i++) inbound(base + r.int(0, 30 * HOUR), syn(r.pick([1024, 8080, 3128, 6000]), { spt: 53, window: 1024, df: false, len: 40 }));
    for (let i = 0; i < 3; i++) inbound(base + r.int(0, 30 * HOUR), syn(r.pick([1080, 111, 3306]), { spt: 20, window: 3072, df: false, len: 40 }));
    for (let i = 0; i < 3; i++) inbound(base + r.int(0, 30 * HOUR), { proto: 'UDP', src: publicV4(r), spt: 123, dpt: r.pick([123, ephemeral(r)]), len: 76 });
    for (let i = 0; i < 4; i++) inbound(base + r.int(0, 30 * HOUR), syn(r.pick([22, 445, 3389]), { spt: r.int(61000, 65095) }));
  }

  // UDP 22 and pcAnywhere (UDP 5632 "ST" status queries) scans.
  for (let i = 0; i < 3; i++) inbound(START + 14 * HOUR + r.int(0, 20 * HOUR), { proto: 'UDP', src: publicV4(r), spt: ephemeral(r), dpt: 22, len: 28 });
  {
    const src = '192.0.2.31';
    let t = START + 1 * DAY + 2 * HOUR + 4 * MIN;
    for (let i = 0; i < 4; i++) {
      t += r.int(1, 4) * SEC;
      inbound(t, { proto: 'UDP', src, spt: r.pick([5632, ephemeral(r)]), dpt: 5632, len: 30 });
    }
  }

  // LAN noise: DHCP, NetBIOS, mDNS and SSDP broadcasts/multicasts from neighbours.
  for (let i = 0; i < 42; i++) {
    const t = T0 + r.int(0, 46 * HOUR);
    const srcHost = r.int(2, 19);
    const kind = r.pick(['dhcp', 'nb137', 'nb138', 'mdns', 'ssdp', 'ssdp']);
    const p = {
      dhcp: { src: '0.0.0.0', dst: '255.255.255.255', spt: 68, dpt: 67, len: 328, ttl: 128 },
      nb137: { src: `192.168.1.${srcHost}`, dst: '192.168.1.255', spt: 137, dpt: 137, len: 78, ttl: 128 },
      nb138: { src: `192.168.1.${srcHost}`, dst: '192.168.1.255', spt: 138, dpt: 138, len: 229, ttl: 128 },
      mdns: { src: `192.168.1.${srcHost}`, dst: '224.0.0.251', spt: 5353, dpt: 5353, len: r.pick([86, 130, 325]), ttl: 255 },
      ssdp: { src: `192.168.1.${srcHost}`, dst: '239.255.255.250', spt: ephemeral(r), dpt: 1900, len: r.pick([165, 202]), ttl: 1 },
    }[kind];
    const mac = p.dst.startsWith('2') && p.dst !== '255.255.255.255' ? macOf(multicastMac(p.dst), lanMac()) : macOf('ff:ff:ff:ff:ff:ff', lanMac());
    tl.add(t, (tt) => kernel(tt, `[UFW BLOCK] ${nf({ in: 'eth0', mac, proto: 'UDP', id: r.int(1, 65535), ...p })}`));
  }

  // An ICMP echo sweep across the DMZ.
  {
    const src = '203.0.113.99';
    let t = START + 1 * DAY + 4 * HOUR + 51 * MIN;
    for (let h = 1; h <= 14; h++) {
      t += r.int(10, 200);
      tl.add(t, (tt) => kernel(tt, `[UFW BLOCK] ${nf({ in: 'eth0', out: 'eth1', mac: macOf(ourMac, routerMac), src, dst: `192.168.10.${h}`, len: 28, ttl: 242, id: r.int(1, 65535), proto: 'ICMP', type: 8, code: 0, echoId: 7373, seq: h })}`));
    }
  }

  // An ICMP port-unreachable quoting our own earlier NTP query (the inner header is not the attacker).
  inbound(START + 1 * DAY + 7 * HOUR + 12 * MIN + 9 * SEC, {
    proto: 'ICMP', src: '198.51.100.123', len: 104, ttl: 54, type: 3, code: 3,
    embedded: 'SRC=192.168.1.20 DST=198.51.100.123 LEN=76 TOS=0x00 PREC=0x00 TTL=53 ID=40212 DF PROTO=UDP SPT=123 DPT=123 LEN=56',
  });

  // An IPv6 probe (to our global address; kernel prints full-width addresses).
  tl.add(START + 1 * DAY + 9 * HOUR + 3 * MIN, (tt) => kernel(tt, `[UFW BLOCK] ${nf({ in: 'eth0', mac: macOf(ourMac, routerMac, true), v6: true, src: fullV6([0x2001, 0xdb8, 0x4f2, 0x19, 0, 0, 0, 0x66]), dst: fullV6([0x2001, 0xdb8, 0x1, 0x20, 0x5054, 0xff, 0xfe3a, 0x91c2]), len: 80, ttl: 51, proto: 'TCP', spt: 44876, dpt: 22, window: 64800 })}`));
  tl.add(START + 1 * DAY + 9 * HOUR + 3 * MIN + 2 * SEC, (tt) => kernel(tt, `[UFW BLOCK] ${nf({ in: 'eth0', mac: macOf(ourMac, routerMac, true), v6: true, src: publicV6(r), dst: fullV6([0x2001, 0xdb8, 0x1, 0x20, 0x5054, 0xff, 0xfe3a, 0x91c2]), len: 72, ttl: 57, proto: 'UDP', spt: ephemeral(r), dpt: 161 })}`));

  // ident (113) callbacks from an IRC server, proxy hunting, and port 0.
  for (let i = 0; i < 2; i++) inbound(START + 20 * HOUR + i * 31 * SEC, syn(113, { src: '192.0.2.6', spt: ephemeral(r) }));
  {
    const src = '198.51.100.180';
    let t = START + 1 * DAY + 11 * HOUR + 26 * MIN;
    for (const dpt of [1080, 3128, 8080, 8000, 8888, 1080]) {
      t += r.int(1, 5) * SEC;
      inbound(t, { proto: 'TCP', src, spt: ephemeral(r), dpt, len: 60, window: 29200, df: true, ttl: 47 });
    }
  }
  inbound(START + 1 * DAY + 1 * HOUR + 30 * MIN, { proto: 'TCP', src: '203.0.113.13', spt: 0, dpt: 0, len: 40, window: 0, flags: ['SYN'] });
  inbound(START + 1 * DAY + 1 * HOUR + 30 * MIN + 4 * SEC, { proto: 'UDP', src: '203.0.113.13', spt: 51000, dpt: 0, len: 28 });

  // rsyslog folds identical messages: the router's IGMP query (no uptime when folded).
  {
    const t = START + 1 * DAY + 3 * HOUR + 12 * MIN + 45 * SEC;
    const msg = `[UFW BLOCK] ${nf({ in: 'eth0', mac: macOf('01:00:5e:00:00:01', routerMac), src: '192.168.1.1', dst: '224.0.0.1', len: 28, ttl: 1, id: 0, df: true, proto: '2' })}`;
    tl.add(t, (tt) => kernel(tt, msg));
    tl.add(t + 10 * MIN, (tt) => `${bsdTime(tt)} ${host} kernel: message repeated 5 times: [ ${msg}]`);
  }

  // Non-firewall kernel and daemon lines, as kern.log/syslog mixes them in.
  tl.add(T0, (tt) => kernel(tt, 'e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx'));
  tl.add(START + 18 * HOUR + 2 * MIN, (tt) => kernel(tt, 'audit: type=1400 audit(1795457321.511:88): apparmor="STATUS" operation="profile_replace" profile="unconfined" name="/usr/sbin/chronyd" pid=23311 comm="apparmor_parser"'));
  tl.add(START + 1 * DAY + 14 * HOUR + 1 * MIN + 58 * SEC, (tt) => kernel(tt, 'e1000e 0000:00:19.0 eth0: NIC Link is Down'));
  tl.add(START + 1 * DAY + 14 * HOUR + 2 * MIN + 1 * SEC, (tt) => kernel(tt, 'e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx'));
  tl.add(START + 1 * DAY + 6 * HOUR + 25 * MIN, (tt) => daemon(tt, 'CRON[40213]', '(root) CMD (test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; })'));

  return tl.lines();
}

// ------------------------------------------------------------------ firewalld.log

/** Fedora/RHEL firewalld with LogDenied=all, rsyslog RFC 3339 timestamps (+01:00). */
function firewalld() {
  const r = rng(0xf1e3d002);
  const tl = new Timeline();
  const host = 'fedora-srv';
  const ourIp = '10.20.0.15';
  const ourMac = '52:54:00:c4:10:0f';
  const gwMac = '52:54:00:8e:77:01';
  const line = (t, msg) => `${rfc3339(t, r.int(0, 999999), '+01:00')} ${host} kernel: ${msg}`;
  const rejectIn = (t, p) => tl.add(t, (tt) => line(tt, `filter_IN_public_REJECT: ${nf({ in: 'enp1s0', mac: macOf(ourMac, gwMac, p.v6), dst: p.v6 ? fullV6([0x2001, 0xdb8, 0x20, 0, 0, 0, 0, 0x15]) : ourIp, ttl: ttlFrom(r), id: r.int(1, 65535), ...p })}`));
  const syn = (dpt, extra = {}) => ({ proto: 'TCP', src: publicV4(r), spt: ephemeral(r), dpt, len: 60, window: r.pick([29200, 64240, 65535]), df: true, ...extra });

  for (let i = 0; i < 120; i++) rejectIn(START + 6 * HOUR + 25 * MIN + 1 * SEC + r.int(0, 30 * HOUR), syn(r.pick([23, 22, 445, 3389, 80, 5900, 1433, 3306, 6379, 8080, 2323, 5432, 11211, 27017])));
  // A short vertical scan.
  {
    const src = '203.0.113.150';
    let t = START + 8 * HOUR + 3 * MIN;
    const ports = new Set();
    while (ports.size < 60) ports.add(r.int(1, 1024));
    for (const dpt of ports) {
      t += r.int(100, 900);
      rejectIn(t, { proto: 'TCP', src, spt: 60111, dpt, len: 44, window: 1024, ttl: 39 });
    }
  }
  // Trojan and leftover probes, traceroute, source-port tricks.
  for (const dpt of [27374, 1243, 12345, 7626, 6776]) rejectIn(START + 9 * HOUR + r.int(0, 24 * HOUR), syn(dpt, { window: 8192 }));
  rejectIn(START + 12 * HOUR + 4 * MIN, { proto: 'UDP', src: publicV4(r), spt: 1025, dpt: 31337, len: 47 });
  {
    let t = START + 15 * HOUR + 22 * MIN;
    for (let dpt = 33434; dpt <= 33445; dpt++) {
      t += r.int(5, 60);
      rejectIn(t, { proto: 'UDP', src: '198.51.100.9', spt: 39001, dpt, len: 60, ttl: 1 });
    }
  }
  for (let i = 0; i < 3; i++) rejectIn(START + 10 * HOUR + r.int(0, 20 * HOUR), syn(r.pick([8080, 1024]), { spt: 53, window: 1024, df: false, len: 40 }));
  for (const flags of [[], ['FIN'], ['URG', 'PSH', 'FIN']]) rejectIn(START + 17 * HOUR + r.int(0, 3 * MIN), { proto: 'TCP', src: '192.0.2.77', spt: 48000, dpt: 22, len: 40, window: 1024, flags, ttl: 50 });
  for (let i = 0; i < 8; i++) rejectIn(START + 7 * HOUR + r.int(0, 28 * HOUR), { proto: 'ICMP', src: publicV4(r), len: 28, ttl: ttlFrom(r), type: 8, code: 0, echoId: r.int(1, 65535), seq: r.int(0, 5) });
  for (let i = 0; i < 4; i++) rejectIn(START + 7 * HOUR + r.int(0, 28 * HOUR), { v6: true, proto: 'TCP', src: publicV6(r), spt: ephemeral(r), dpt: r.pick([22, 80, 443, 3389]), len: 80, window: 64800, ttl: r.int(45, 60) });

  // FINAL_REJECT: packets no zone accepted, including forwarded ones (IN and OUT set).
  for (let i = 0; i < 30; i++) {
    const t = START + 6 * HOUR + 30 * MIN + r.int(0, 30 * HOUR);
    const fwd = r.chance(0.4);
    tl.add(t, (tt) => line(tt, `FINAL_REJECT: ${nf({ in: 'enp1s0', out: fwd ? 'virbr0' : undefined, mac: macOf(ourMac, gwMac), src: publicV4(r), dst: fwd ? `192.168.122.${r.int(2, 50)}` : ourIp, ttl: ttlFrom(r), id: r.int(1, 65535), ...(r.chance(0.7) ? syn(r.pick([22, 80, 443, 8080, 5900])) : { proto: 'UDP', spt: ephemeral(r), dpt: r.pick([53, 123, 161, 1900, 5060]), len: r.int(40, 120) }) })}`));
  }
  // LAN multicast noise hits the reject rule too.
  for (let i = 0; i < 20; i++) {
    const t = START + 6 * HOUR + 30 * MIN + r.int(0, 30 * HOUR);
    const ssdp = r.chance(0.5);
    const dst = ssdp ? '239.255.255.250' : '224.0.0.251';
    tl.add(t, (tt) => line(tt, `filter_IN_public_REJECT: ${nf({ in: 'enp1s0', mac: macOf(multicastMac(dst), `52:54:00:${hex2(r.int(0, 255))}:${hex2(r.int(0, 255))}:${hex2(r.int(0, 255))}`), src: `10.20.0.${r.int(2, 14)}`, dst, ttl: ssdp ? 1 : 255, id: r.int(1, 65535), proto: 'UDP', spt: ssdp ? ephemeral(r) : 5353, dpt: ssdp ? 1900 : 5353, len: ssdp ? 165 : 86 })}`));
  }
  tl.add(START + 6 * HOUR + 25 * MIN, (tt) => `${rfc3339(tt, 118204, '+01:00')} ${host} systemd[1]: Started firewalld.service - firewalld - dynamic firewall daemon.`);
  tl.add(START + 20 * HOUR + 11 * MIN, (tt) => `${rfc3339(tt, 530021, '+01:00')} ${host} kernel: virbr0: port 1(vnet2) entered forwarding state`);
  return tl.lines();
}

// ------------------------------------------------------------------ iptables.log

/**
 * Hand-written iptables rules on a small office router, classic syslog, one ordinary
 * day (2026-11-20): `-j LOG --log-prefix "DROP IN: "` on INPUT, "DROP OUT: " on
 * OUTPUT, plus a second box running Shorewall (`Shorewall:net-fw:DROP:` glued to IN=).
 */
function iptables() {
  const r = rng(0x1b7ab003);
  const tl = new Timeline();
  const ourIp = '172.16.5.2';
  const ourV6 = fullV6([0x2001, 0xdb8, 0x5, 0, 0, 0, 0, 2]);
  const ourMac = '00:0d:b9:41:22:10';
  const upMac = '00:25:90:aa:17:e3';
  const boot = START - 12 * DAY - 5 * HOUR;
  const uptime = (t) => {
    const us = (t - boot) * 1000 + (t % 1000 === 0 ? r.int(0, 999_999) : r.int(0, 999));
    return `[${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}]`;
  };
  const kern = (t, host, msg) => `${bsdTime(t)} ${host} kernel: ${uptime(t)} ${msg}`;
  const dropIn = (t, p) => tl.add(t, (tt) => kern(tt, 'rtr', `DROP IN: ${nf({ in: 'eth0', mac: macOf(ourMac, upMac, p.v6), dst: p.v6 ? ourV6 : ourIp, ttl: ttlFrom(r), id: r.int(1, 65535), ...p })}`));
  const syn = (dpt, extra = {}) => ({ proto: 'TCP', src: publicV4(r), spt: ephemeral(r), dpt, len: 60, window: r.pick([29200, 64240, 65535, 1024]), df: true, ...extra });
  const dayStart = START + 6 * HOUR + 25 * MIN + 1 * SEC;
  const span = 17 * HOUR;

  for (let i = 0; i < 150; i++) dropIn(dayStart + r.int(0, span), syn(r.pick([23, 22, 445, 3389, 80, 8080, 5900, 1433, 3306, 25, 139, 135, 5060, 2323, 8291, 7547])));
  for (let i = 0; i < 25; i++) dropIn(dayStart + r.int(0, span), { v6: true, proto: r.chance(0.7) ? 'TCP' : 'UDP', src: publicV6(r), spt: ephemeral(r), dpt: r.pick([22, 80, 443, 3389, 161, 53]), len: r.pick([72, 80]), window: 64800, ttl: r.int(45, 60), flags: ['SYN'] });
  for (let i = 0; i < 8; i++) dropIn(dayStart + r.int(0, span), { v6: true, proto: 'ICMPv6', src: publicV6(r), len: 104, ttl: r.int(45, 60), type: 128, code: 0, echoId: r.int(1, 65535), seq: 1 });
  for (const dpt of [27374, 1243, 12345, 7626, 6776, 13223]) dropIn(dayStart + r.int(0, span), syn(dpt, { window: 16384 }));
  for (const [dpt, spt] of [[31337, 1025], [2140, 2140], [4000, 4000], [27015, 27005], [7070, 554], [5632, 5632], [22, 41000]]) dropIn(dayStart + r.int(0, span), { proto: 'UDP', src: publicV4(r), spt, dpt, len: r.int(30, 120) });
  {
    let t = dayStart + 3 * HOUR + 17 * MIN;
    for (let dpt = 33434; dpt <= 33452; dpt++) {
      t += r.int(5, 60);
      dropIn(t, { proto: 'UDP', src: '192.0.2.201', spt: 52011, dpt, len: 60, ttl: 1 });
    }
  }
  for (let i = 0; i < 4; i++) dropIn(dayStart + r.int(0, span), syn(r.pick([1024, 6000]), { spt: r.pick([53, 20]), window: 1024, df: false, len: 40 }));
  for (let i = 0; i < 10; i++) dropIn(dayStart + r.int(0, span), { proto: 'ICMP', src: publicV4(r), len: 28, ttl: ttlFrom(r), type: 8, code: 0, echoId: r.int(1, 65535), seq: 1 });

  // Outbound drops: a LAN PC phoning home. 17027 is the Conducent/TimeSink "adbot".
  const out = (t, p) => tl.add(t, (tt) => kern(tt, 'rtr', `DROP OUT: ${nf({ out: 'eth0', src: ourIp, ttl: 64, id: r.int(1, 65535), df: true, ...p })}`));
  out(dayStart + 2 * HOUR + 14 * MIN + 5 * SEC, { proto: 'TCP', dst: '198.51.100.17', spt: ephemeral(r), dpt: 17027, len: 60, window: 29200 });
  out(dayStart + 2 * HOUR + 14 * MIN + 8 * SEC, { proto: 'TCP', dst: '198.51.100.17', spt: ephemeral(r), dpt: 17027, len: 60, window: 29200 });
  for (const [dpt, proto] of [[6667, 'TCP'], [25, 'TCP'], [137, 'UDP'], [1434, 'UDP']]) out(dayStart + r.int(0, span), { proto, dst: publicV4(r), spt: ephemeral(r), dpt, len: proto === 'TCP' ? 60 : 96, window: 29200 });

  // A Shorewall box on the same syslog server: prefix glued to IN=, no space.
  for (let i = 0; i < 30; i++) {
    const t = dayStart + r.int(0, span);
    const p = r.chance(0.8) ? syn(r.pick([22, 23, 80, 443, 3389, 8080])) : { proto: 'UDP', src: publicV4(r), spt: ephemeral(r), dpt: r.pick([53, 161, 1900, 5060]), len: r.int(40, 100) };
    tl.add(t, (tt) => kern(tt, 'shorewall', `Shorewall:net-fw:DROP:${nf({ in: 'ppp0', mac: '', // ppp has no link-layer header: the kernel prints an empty MAC=
      dst: '192.168.77.1', ttl: ttlFrom(r), id: r.int(1, 65535), ...p })}`));
  }
  tl.add(dayStart - 1 * SEC, (tt) => `${bsdTime(tt)} rtr kernel: ${uptime(tt)} r8169 0000:02:00.0 eth0: Link is Up - 1Gbps/Full - flow control rx/tx`);
  tl.add(dayStart + 9 * HOUR, (tt) => `${bsdTime(tt)} rtr ntpd[611]: adjusting local clock by 0.012845s`);
  return tl.lines();
}

// ------------------------------------------------------------------ pfirewall.log

/** Windows Firewall, standard 17-column header, local time, CRLF like Windows writes. */
function pfirewall() {
  const r = rng(0x9f1e0004);
  const tl = new Timeline();
  const me = '192.168.1.35';
  const winPort = () => r.int(49152, 65535); // Windows' dynamic port range
  const row = (t, f) => `${ymd(new Date(t))} ${hms(new Date(t))} ${f.join(' ')}`;
  const drop = (t, proto, src, spt, dpt, size, tcp = ['-', '-', '-', '-'], icmp = ['-', '-']) =>
    tl.add(t, (tt) => row(tt, ['DROP', proto, src, me, spt, dpt, size, ...tcp, ...icmp, '-', 'RECEIVE']));
  const send = (t, proto, dst, dpt) => tl.add(t, (tt) => row(tt, ['ALLOW', proto, me, dst, winPort(), dpt, 0, '-', ...(proto === 'TCP' ? ['0', '0', '0'] : ['-', '-', '-']), '-', '-', '-', 'SEND']));
  const synFields = () => ['S', String(r.int(1, 4294967295)), '0', String(r.pick([8192, 64240, 65535, 1024]))];
  const dayStart = START + 6 * HOUR + 25 * MIN + 1 * SEC;
  const span = 16 * HOUR;

  // Ordinary outbound traffic: DNS and HTTPS.
  for (let i = 0; i < 120; i++) {
    const t = dayStart + r.int(0, span);
    if (r.chance(0.5)) send(t, 'UDP', '192.168.1.1', 53);
    else send(t, 'TCP', publicV4(r), r.pick([443, 443, 443, 80]));
  }
  // Inbound probes at Windows services and old trojans.
  for (let i = 0; i < 110; i++) {
    const dpt = r.pick([445, 445, 445, 135, 139, 3389, 3389, 1433, 5985, 80, 23]);
    drop(dayStart + r.int(0, span), 'TCP', publicV4(r), ephemeral(r), dpt, r.pick([52, 48, 44]), synFields());
  }
  for (const dpt of [27374, 1243, 12345, 7626, 6776]) drop(dayStart + r.int(0, span), 'TCP', publicV4(r), ephemeral(r), dpt, 48, synFields());
  drop(dayStart + r.int(0, span), 'UDP', publicV4(r), 1025, 31337, 47);
  drop(dayStart + r.int(0, span), 'UDP', publicV4(r), 1434, 1434, 404);
  {
    let t = dayStart + 5 * HOUR + 2 * MIN;
    for (let dpt = 33434; dpt <= 33448; dpt++) {
      t += r.int(20, 900);
      drop(t, 'UDP', '203.0.113.19', 48122, dpt, 60);
    }
  }
  for (let i = 0; i < 6; i++) drop(dayStart + r.int(0, span), 'ICMP', publicV4(r), '-', '-', 60, undefined, ['8', '0']);
  // LAN noise: NetBIOS name queries, SSDP, LLMNR (incl. IPv6 link-local).
  for (let i = 0; i < 30; i++) {
    const t = dayStart + r.int(0, span);
    const k = r.int(0, 3);
    if (k === 0) tl.add(t, (tt) => row(tt, ['DROP', 'UDP', `192.168.1.${r.int(2, 30)}`, '192.168.1.255', 137, 137, 78, '-', '-', '-', '-', '-', '-', '-', 'RECEIVE']));
    if (k === 1) tl.add(t, (tt) => row(tt, ['DROP', 'UDP', `192.168.1.${r.int(2, 30)}`, '239.255.255.250', ephemeral(r), 1900, 165, '-', '-', '-', '-', '-', '-', '-', 'RECEIVE']));
    if (k === 2) tl.add(t, (tt) => row(tt, ['DROP', 'UDP', `192.168.1.${r.int(2, 30)}`, '224.0.0.252', ephemeral(r), 5355, 55, '-', '-', '-', '-', '-', '-', '-', 'RECEIVE']));
    if (k === 3) tl.add(t, (tt) => row(tt, ['DROP', 'UDP', `fe80::${hex4(r.int(1, 0xffff))}:${hex4(r.int(1, 0xffff))}:${hex4(r.int(1, 0xffff))}:${hex4(r.int(1, 0xffff))}`, 'ff02::1:3', ephemeral(r), 5355, 75, '-', '-', '-', '-', '-', '-', '-', 'RECEIVE']));
  }
  // Connection records (OPEN/CLOSE) as older Windows writes them, '-' for size and path.
  for (let i = 0; i < 8; i++) {
    const t = dayStart + r.int(0, span);
    const dst = publicV4(r);
    const spt = winPort();
    tl.add(t, (tt) => row(tt, ['OPEN', 'TCP', me, dst, spt, 443, '-', '-', '-', '-', '-', '-', '-', '-', '-']));
    tl.add(t + r.int(2, 90) * SEC, (tt) => row(tt, ['CLOSE', 'TCP', me, dst, spt, 443, '-', '-', '-', '-', '-', '-', '-', '-', '-']));
  }
  tl.add(dayStart + 11 * HOUR + 40 * MIN, (tt) => row(tt, ['INFO-EVENTS-LOST', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '14', '-']));

  const header = [
    '#Version: 1.5',
    '#Software: Microsoft Windows Firewall',
    '#Time Format: Local',
    '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path',
    '',
  ];
  return [...header, ...tl.lines()];
}

// ------------------------------------------------------------------ write

mkdirSync(outDir, { recursive: true });
const samples = [
  ['ufw.log', ufw(), '\n'],
  ['firewalld.log', firewalld(), '\n'],
  ['iptables.log', iptables(), '\n'],
  ['pfirewall.log', pfirewall(), '\r\n'],
];
for (const [name, lines, eol] of samples) {
  const text = lines.join(eol) + eol;
  writeFileSync(join(outDir, name), text);
  console.log(`${name}: ${lines.length} lines, ${Buffer.byteLength(text)} bytes`);
}
