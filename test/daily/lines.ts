// Log lines for the daily tests: ISO stamps with an explicit offset (no year or zone
// guessing) and BSD stamps (year-less, local time) for the New Year cases.
export interface LineOpts {
  src?: string;
  dpt?: number;
  proto?: 'TCP' | 'UDP';
  prefix?: string;
  dst?: string;
  spt?: number;
  /** TCP flags as the kernel writes them (default "SYN"). */
  flags?: string;
}

const p2 = (n: number): string => String(n).padStart(2, '0');

function body(o: LineOpts): string {
  const proto = o.proto ?? 'TCP';
  const tail = proto === 'TCP' ? `WINDOW=1024 RES=0x00 ${o.flags ?? 'SYN'} URGP=0` : 'LEN=8';
  return `${o.prefix ?? '[UFW BLOCK]'} IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=${o.src ?? '203.0.113.9'} DST=${o.dst ?? '192.168.1.10'} LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=1 PROTO=${proto} SPT=${o.spt ?? 40000} DPT=${o.dpt ?? 22} ${tail}`;
}

/** rsyslog's high-precision format, written in UTC ("Z" offset as +00:00). */
export function isoLine(at: Date, o: LineOpts = {}): string {
  const s = at.toISOString().replace('Z', '+00:00');
  return `${s} gw kernel: ${body(o)}`;
}

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** BSD syslog "Mmm dd HH:MM:SS" from wall-clock fields (the zone is the reader's --tz). */
export function bsdLine(month: number, day: number, h: number, m: number, o: LineOpts = {}): string {
  return `${MON[month - 1]} ${String(day).padStart(2, ' ')} ${p2(h)}:${p2(m)}:00 gw kernel: [1.0] ${body(o)}`;
}
