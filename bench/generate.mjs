// Deterministic generator of realistic firewall logs for the benchmark.
//   node bench/generate.mjs LINES OUT [--format iptables|windows]
// Same arguments, same bytes: a seeded PRNG, a fixed start time, no Math.random.
import { createWriteStream } from 'node:fs';

const [, , linesArg = '1000000', out = 'bench/data/bench.log', ...rest] = process.argv;
const LINES = Number(linesArg);
const FORMAT = rest.includes('--format') ? rest[rest.indexOf('--format') + 1] : 'iptables';

// mulberry32: tiny, fast, good enough for test data.
let seed = 0x5eed1234;
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

// Zipf-like popularity: a few sources send most packets, a long tail sends one or two.
const SOURCES = 60_000;
const zipfCdf = (() => {
  const w = Array.from({ length: SOURCES }, (_, i) => 1 / Math.pow(i + 1, 1.1));
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
})();
function zipfIndex() {
  const r = rnd();
  let lo = 0;
  let hi = SOURCES - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zipfCdf[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const srcV4 = (i) => `${[198, 203, 192, 100][i & 3]}.${(i >> 2) & 255}.${(i >> 10) & 255}.${(i * 7 + 13) & 255}`;
const srcV6 = (i) => `2001:0db8:${(i & 0xffff).toString(16).padStart(4, '0')}:0000:0000:0000:0000:${((i * 31) & 0xffff).toString(16).padStart(4, '0')}`;

const COMMON_PORTS = [22, 23, 80, 443, 445, 3389, 8080, 1433, 3306, 5900, 25, 135, 139, 21, 53, 6379, 5555, 8443, 2323, 81];
const TROJAN_PORTS = [1243, 6776, 27374, 31337, 12345, 12346, 20034, 7626, 2140, 3150, 54283, 2772, 2773, 7215, 5554, 2745, 3127, 6129];
const PREFIXES = ['[UFW BLOCK] ', '[UFW BLOCK] ', '[UFW ALLOW] ', '[UFW AUDIT] ', 'FINAL_REJECT: ', 'filter_IN_public_REJECT: ', 'DROP IN: ', 'Shorewall:net-fw:DROP:', ''];
const NOISE = [
  'e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None',
  'audit: type=1400 audit(1700000000.123:42): apparmor="DENIED" operation="open" profile="snap"',
  'usb 1-1: new high-speed USB device number 3 using xhci_hcd',
  'EXT4-fs (sda1): re-mounted. Opts: errors=remount-ro',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MAC = 'MAC=00:16:3e:12:34:56:00:1b:21:ab:cd:ef:08:00';

const start = Date.UTC(2026, 10, 20, 0, 0, 0);
// ~250 bytes a line: 1M lines = ~250 MB, over two days.
const spanMs = 2 * 86_400_000;

function bsdStamp(ms) {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

// Scanners and campaigns are sprinkled through the stream as runs of lines.
let scan = null; // { kind, src, port, left }
function nextScan() {
  const r = rnd();
  if (r < 0.4) return { kind: 'vertical', src: srcV4(SOURCES + int(0, 50)), port: 1, left: int(500, 3000) };
  if (r < 0.6) return { kind: 'sweep', src: srcV4(SOURCES + int(51, 100)), port: pick([22, 23, 445, 3389]), host: 1, left: int(200, 1000) };
  if (r < 0.8) return { kind: 'traceroute', src: srcV4(SOURCES + int(101, 150)), port: 33434, left: int(20, 60) };
  return { kind: 'stealth', src: srcV4(SOURCES + int(151, 200)), port: 1000, flags: pick(['', 'FIN ', 'URG PSH FIN ', 'SYN FIN ']), left: int(100, 800) };
}

function iptablesLine(i, ms) {
  const stamp = `${bsdStamp(ms)} gw kernel: [${(ms / 1000 - start / 1000 + 1000).toFixed(6)}] `;
  if (rnd() < 0.03) return stamp + pick(NOISE);
  if (!scan && rnd() < 0.0005) scan = nextScan();
  let src, dst = `192.168.1.${int(2, 40)}`, proto = 'TCP', spt = int(1024, 65535), dpt, flags = 'SYN ', v6 = false;
  if (scan) {
    src = scan.src;
    if (scan.kind === 'vertical') dpt = scan.port++;
    else if (scan.kind === 'sweep') { dpt = scan.port; dst = `192.168.${1 + (scan.host >> 8)}.${scan.host++ & 255}`; }
    else if (scan.kind === 'traceroute') { proto = 'UDP'; dpt = scan.port++; }
    else { dpt = scan.port++; flags = scan.flags; }
    if (--scan.left <= 0 || dpt > 65535) scan = null;
  } else {
    const s = zipfIndex();
    v6 = s % 17 === 0;
    src = v6 ? srcV6(s) : srcV4(s);
    const r = rnd();
    if (r < 0.7) dpt = pick(COMMON_PORTS);
    else if (r < 0.75) dpt = pick(TROJAN_PORTS);
    else if (r < 0.85) { proto = 'UDP'; dpt = pick([53, 123, 137, 161, 1900, 5353, 31337, 27015, 6970]); }
    else if (r < 0.9) { proto = 'ICMP'; }
    else if (r < 0.92) { proto = 'TCP'; spt = 53; dpt = int(1, 65535); }
    else dpt = int(1, 65535);
  }
  if (v6) dst = '2001:0db8:0001:0000:0000:0000:0000:0010';
  const prefix = PREFIXES[i % PREFIXES.length];
  const ttl = int(30, 250);
  const head = `${prefix}IN=eth0 OUT= ${MAC} SRC=${src} DST=${dst} `;
  if (v6 && proto !== 'ICMP') {
    return stamp + head + `LEN=80 TC=0 HOPLIMIT=${ttl} FLOWLBL=0 PROTO=${proto} SPT=${spt} DPT=${dpt} ` + (proto === 'TCP' ? `WINDOW=1024 RES=0x00 ${flags}URGP=0 ` : 'LEN=40 ');
  }
  const ip = `LEN=${proto === 'UDP' ? 28 : 44} TOS=0x00 PREC=0x00 TTL=${ttl} ID=${int(0, 65535)} `;
  if (proto === 'ICMP') {
    if (rnd() < 0.3) {
      return stamp + head + ip + `PROTO=ICMP TYPE=3 CODE=3 [SRC=${dst} DST=${src} LEN=56 TOS=0x00 PREC=0x00 TTL=64 ID=${int(0, 65535)} PROTO=UDP SPT=${int(1024, 65535)} DPT=53 LEN=36 ] `;
    }
    return stamp + head + ip + `PROTO=ICMP TYPE=8 CODE=0 ID=${int(0, 65535)} SEQ=${int(0, 100)} `;
  }
  if (proto === 'UDP') return stamp + head + ip + `PROTO=UDP SPT=${spt} DPT=${dpt} LEN=8 `;
  return stamp + head + ip + `DF PROTO=TCP SPT=${spt} DPT=${dpt} WINDOW=${int(1024, 65535)} RES=0x00 ${flags}URGP=0 `;
}

const WIN_HEADER = [
  '#Version: 1.5',
  '#Software: Microsoft Windows Firewall',
  '#Time Format: Local',
  '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path',
  '',
];
function windowsLine(_i, ms) {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  const stamp = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  const s = zipfIndex();
  const r = rnd();
  if (r < 0.1) return `${stamp} ALLOW UDP 192.168.1.20 192.168.1.1 ${int(49152, 65535)} 53 0 - - - - - - - SEND`;
  if (r < 0.2) return `${stamp} DROP UDP ${srcV4(s)} 192.168.1.20 ${int(1024, 65535)} ${pick([137, 138, 1900, 5353, 33434 + int(0, 60)])} ${int(28, 200)} - - - - - - - RECEIVE`;
  if (r < 0.25) return `${stamp} DROP ICMP ${srcV4(s)} 192.168.1.20 - - 60 - - - - 8 0 - RECEIVE`;
  const dpt = rnd() < 0.9 ? pick(COMMON_PORTS) : pick(TROJAN_PORTS);
  return `${stamp} DROP TCP ${srcV4(s)} 192.168.1.20 ${int(1024, 65535)} ${dpt} 52 S ${int(1, 4e9)} 0 ${int(1024, 65535)} - - - RECEIVE`;
}

const ws = createWriteStream(out);
const lineOf = FORMAT === 'windows' ? windowsLine : iptablesLine;
let buf = FORMAT === 'windows' ? WIN_HEADER.join('\r\n') + '\r\n' : '';
const eol = FORMAT === 'windows' ? '\r\n' : '\n';
let i = 0;
function pump() {
  while (i < LINES) {
    buf += lineOf(i, start + Math.floor((i / LINES) * spanMs)) + eol;
    i++;
    if (buf.length > 1 << 20) {
      const ok = ws.write(buf);
      buf = '';
      if (!ok) return ws.once('drain', pump);
    }
  }
  ws.end(buf);
}
pump();
