// eventToJson(e) + "\n", written as UTF-8 straight into an output buffer. Building the
// ~700-character line as a string (dozens of concatenations) and encoding it again took
// about half of `logscan events`; here ASCII goes byte by byte, constants, annotation
// texts and runs of fields that repeat between events are copied pre-encoded, numbers
// and times are formatted by hand (String() of a fraction and toISOString cost ~0.5-1 µs
// each), and only a string that needs escaping or is not ASCII takes the string path.
// The bytes are exactly eventToJson's (property tests hold it to that).
import type { Annotation, FirewallEvent } from '../event.js';
import { flat } from '../util/flat-string.js';
import { annotationJson, icmpJson, jsonString } from './event-json.js';

const enc = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

const K_TIME = enc('{"time":');
const K_YEAR_TRUE = enc(',"yearInferred":true,"uptime":');
const K_YEAR_FALSE = enc(',"yearInferred":false,"uptime":');
const K_HOST = enc(',"host":');
const K_FORMAT = enc(',"format":');
const K_ACTION = enc(',"action":"');
const K_DIRECTION = enc('","direction":');
const K_RULE = enc(',"rule":');
const K_IN = enc(',"inIface":');
const K_OUT = enc(',"outIface":');
const K_PROTO = enc(',"proto":');
const K_IPV = enc(',"ipVersion":');
const K_SRC = enc(',"src":{"ip":');
const K_PORT = enc(',"port":');
const K_DST = enc('},"dst":{"ip":');
const K_TTL = enc('},"ttl":');
const K_LEN = enc(',"len":');
const K_FLAGS = enc(',"tcpFlags":');
const K_WINDOW = enc(',"tcpWindow":');
const K_PID = enc(',"pid":');
const K_ICMP = enc(',"icmp":');
const K_COUNT = enc(',"count":');
const K_FILE = enc(',"origin":{"file":');
const K_LINE = enc(',"line":');
const K_ANNS = enc('},"annotations":');
const K_END = enc('}\n');
const NULL = enc('null');
const EMPTY_LIST = enc('[]');
const DIRECTIONS: Record<string, Uint8Array> = { in: enc('"in"'), out: enc('"out"'), forward: enc('"forward"') };

/** Pre-encoded JSON of the shared (frozen) annotation objects. */
const annotationBytes = new WeakMap<Annotation, Uint8Array>();

/** Bytes every line needs besides its strings and annotations (keys, numbers, time), generously. */
const FIXED_BOUND = 1024;

/**
 * Writes eventToJson(e) + "\n" into buf at `at`; returns the end offset, or -1 when the
 * line might not fit in what is left of buf (bytes past `at` may then have been written,
 * but the caller's batch still ends at `at`).
 */
export function encodeEventLine(e: FirewallEvent, buf: Buffer, at: number): number {
  // Rare (ICMP only) and nested: the string path.
  const icmp = e.icmp === null ? null : icmpJson(e.icmp);
  if (at + bound(e) + (icmp === null ? 0 : 3 * icmp.length) > buf.length) return -1;
  const w = new ByteWriter(buf, at);
  const t = e.time;
  const head = t === null ? -1 : heads.find(t, e.yearInferred);
  if (head >= 0) heads.writeTo(head, w);
  else {
    w.bytes(K_TIME);
    if (t === null) w.bytes(NULL);
    else w.time(t);
    w.bytes(e.yearInferred ? K_YEAR_TRUE : K_YEAR_FALSE);
    if (t !== null) heads.keep(t, e.yearInferred, buf, at, w.at);
  }
  w.num(e.uptime);
  const verdict = verdicts.find(e);
  if (verdict !== null) w.bytes(verdict);
  else {
    const from = w.at;
    w.bytes(K_HOST);
    w.str(e.host);
    w.bytes(K_FORMAT);
    w.str(e.format);
    w.bytes(K_ACTION);
    w.ascii(e.action);
    w.bytes(K_DIRECTION);
    w.bytes(e.direction === null ? NULL : DIRECTIONS[e.direction]);
    w.bytes(K_RULE);
    w.str(e.rule);
    w.bytes(K_IN);
    w.str(e.inIface);
    w.bytes(K_OUT);
    w.str(e.outIface);
    w.bytes(K_PROTO);
    w.str(e.proto);
    w.bytes(K_IPV);
    w.num(e.ipVersion);
    w.bytes(K_SRC);
    verdicts.keep(e, w.copyOut(from));
  }
  w.str(e.src.ip);
  w.bytes(K_PORT);
  w.num(e.src.port);
  w.bytes(K_DST);
  w.str(e.dst.ip);
  w.bytes(K_PORT);
  w.num(e.dst.port);
  w.bytes(K_TTL);
  w.num(e.ttl);
  w.bytes(K_LEN);
  w.num(e.len);
  w.bytes(K_FLAGS);
  const flags = e.tcpFlags;
  if (flags === null) w.bytes(NULL);
  else {
    w.byte(0x5b);
    for (let i = 0; i < flags.length; i++) {
      if (i > 0) w.byte(0x2c);
      w.str(flags[i]);
    }
    w.byte(0x5d);
  }
  w.bytes(K_WINDOW);
  w.num(e.tcpWindow);
  w.bytes(K_PID);
  w.num(e.pid);
  const tail = icmp === null ? tails.find(e.count, e.origin.file) : null;
  if (tail !== null) w.bytes(tail);
  else {
    const from = w.at;
    w.bytes(K_ICMP);
    if (icmp === null) w.bytes(NULL);
    else w.text(icmp);
    w.bytes(K_COUNT);
    w.num(e.count);
    w.bytes(K_FILE);
    w.str(e.origin.file);
    w.bytes(K_LINE);
    if (icmp === null) tails.keep(e.count, e.origin.file, w.copyOut(from));
  }
  w.num(e.origin.line);
  w.bytes(K_ANNS);
  const anns = e.annotations;
  if (anns.length === 0) w.bytes(EMPTY_LIST);
  else {
    w.byte(0x5b);
    for (let i = 0; i < anns.length; i++) {
      const a = annotationEncoded(anns[i]);
      // Checked here rather than in bound(): one cache lookup per annotation, not two.
      if (w.at + a.length + 4 > buf.length) return -1;
      if (i > 0) w.byte(0x2c);
      w.bytes(a);
    }
    w.byte(0x5d);
  }
  w.bytes(K_END);
  return w.at;
}

// ------------------------------------------------------------------ repeated runs
//
// Most of a line repeats from event to event: the time for a second's worth of events,
// the host-to-protocol fields for every packet one rule logs, the file name. Those runs
// are kept pre-encoded, found by comparing field values (=== on strings compares text,
// whichever object holds it) and copied whole; a miss writes them field by field.

/**
 * `{"time":"…","yearInferred":…,"uptime":` of the last two times, in fixed buffers: a
 * quiet log has a new second on every line, and a miss should not cost an allocation.
 */
class HeadRuns {
  private readonly ms = [NaN, NaN];
  private readonly inferred = [false, false];
  private readonly runs = [new Uint8Array(HEAD_MAX), new Uint8Array(HEAD_MAX)];
  private readonly lengths = [0, 0];
  private next = 0;

  /** Which kept head fits, or -1. */
  find(t: Date, yearInferred: boolean): number {
    const ms = t.getTime();
    for (let i = 0; i < 2; i++) if (this.ms[i] === ms && this.inferred[i] === yearInferred) return i;
    return -1;
  }

  writeTo(i: number, w: ByteWriter): void {
    w.bytesOf(this.runs[i], this.lengths[i]);
  }

  /** Keeps buf[from, to) as the head of (t, yearInferred). */
  keep(t: Date, yearInferred: boolean, buf: Buffer, from: number, to: number): void {
    if (to - from > HEAD_MAX) return;
    const i = this.next;
    const run = this.runs[i];
    for (let k = from; k < to; k++) run[k - from] = buf[k];
    this.ms[i] = t.getTime();
    this.inferred[i] = yearInferred;
    this.lengths[i] = to - from;
    this.next = 1 - i;
  }
}

/** The fields a rule's packets share, host to ipVersion. */
interface Verdict {
  host: string | null;
  format: string;
  action: string;
  direction: string | null;
  rule: string | null;
  inIface: string | null;
  outIface: string | null;
  proto: string;
  ipVersion: number | null;
  run: Uint8Array;
}

/** `,"host":…` through `"src":{"ip":` for the last `size` combinations seen. */
class VerdictRuns {
  private readonly kept: Verdict[] = [];
  private next = 0;

  constructor(private readonly size: number) {}

  find(e: FirewallEvent): Uint8Array | null {
    const kept = this.kept;
    for (let i = 0; i < kept.length; i++) {
      const v = kept[i];
      if (
        v.rule === e.rule &&
        v.proto === e.proto &&
        v.ipVersion === e.ipVersion &&
        v.inIface === e.inIface &&
        v.outIface === e.outIface &&
        v.action === e.action &&
        v.direction === e.direction &&
        v.host === e.host &&
        v.format === e.format
      ) {
        return v.run;
      }
    }
    return null;
  }

  keep(e: FirewallEvent, run: Uint8Array): void {
    // Flattened: a kept substring would pin its whole input chunk.
    const v: Verdict = {
      host: e.host === null ? null : flat(e.host),
      format: e.format,
      action: e.action,
      direction: e.direction,
      rule: e.rule === null ? null : flat(e.rule),
      inIface: e.inIface === null ? null : flat(e.inIface),
      outIface: e.outIface === null ? null : flat(e.outIface),
      proto: flat(e.proto),
      ipVersion: e.ipVersion,
      run,
    };
    if (this.kept.length < this.size) this.kept.push(v);
    else this.kept[this.next] = v;
    this.next = (this.next + 1) % this.size;
  }
}

/** `,"icmp":null,"count":…,"origin":{"file":…,"line":` of the last count and file. */
class TailRuns {
  private count = NaN;
  private file = '';
  private run: Uint8Array | null = null;

  find(count: number, file: string): Uint8Array | null {
    return count === this.count && file === this.file ? this.run : null;
  }

  keep(count: number, file: string, run: Uint8Array): void {
    this.count = count;
    this.file = flat(file);
    this.run = run;
  }
}

/** Room for the longest head: `{"time":"+275760-09-13T00:00:00.000Z","yearInferred":false,"uptime":`. */
const HEAD_MAX = 72;
const heads = new HeadRuns();
// A log's rules × protocols × address families; the bench's mixed-firewall log has 48.
const verdicts = new VerdictRuns(64);
const tails = new TailRuns();

/** An upper bound on the line's UTF-8 length but for the annotations: 6 bytes per string unit covers \u escapes. */
function bound(e: FirewallEvent): number {
  let n = FIXED_BOUND;
  n += len(e.host) + len(e.format) + len(e.rule) + len(e.inIface) + len(e.outIface) + len(e.proto) + len(e.src.ip) + len(e.dst.ip) + len(e.origin.file);
  if (e.tcpFlags !== null) for (const f of e.tcpFlags) n += 6 * f.length + 4;
  return n;
}

function len(s: string | null): number {
  return s === null ? 4 : 6 * s.length + 2;
}

function annotationEncoded(a: Annotation): Uint8Array {
  let b = annotationBytes.get(a);
  if (b === undefined) {
    b = enc(annotationJson(a));
    if (Object.isFrozen(a)) annotationBytes.set(a, b);
  }
  return b;
}

/** Decimal digits of 0-65535, five bytes reserved per number. */
const SMALL = 65536;
const DIGITS = new Uint8Array(SMALL * 5);
const DIGIT_COUNT = new Uint8Array(SMALL);
/** Whole numbers up to here are written digit by digit (w·10⁶ + µ stays an exact integer below 2⁵³ too). */
const MAX_WHOLE = 2 ** 32;
/** 0000-01-01T00:00:00.000Z and 10000-01-01T00:00:00.000Z: the years toISOString writes in four digits. */
const YEAR_0 = -62_167_219_200_000;
const YEAR_10000 = 253_402_300_800_000;
for (let n = 0; n < SMALL; n++) {
  const d = String(n);
  DIGIT_COUNT[n] = d.length;
  for (let i = 0; i < d.length; i++) DIGITS[n * 5 + i] = d.charCodeAt(i);
}

class ByteWriter {
  constructor(
    private readonly buf: Buffer,
    public at: number,
  ) {}

  byte(b: number): void {
    this.buf[this.at++] = b;
  }

  /** The first n bytes of b. */
  bytesOf(b: Uint8Array, n: number): void {
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) buf[at++] = b[i];
    this.at = at;
  }

  bytes(b: Uint8Array): void {
    const buf = this.buf;
    let at = this.at;
    if (b.length > 32) {
      // Annotation texts: a memcpy beats the loop past a few dozen bytes.
      buf.set(b, at);
      this.at = at + b.length;
      return;
    }
    for (let i = 0; i < b.length; i++) buf[at++] = b[i];
    this.at = at;
  }

  /** A string known to be plain ASCII without characters JSON escapes (action names). */
  ascii(s: string): void {
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** A JSON string value (or null): ASCII byte by byte, anything else through jsonString. */
  str(s: string | null): void {
    if (s === null) {
      this.bytes(NULL);
      return;
    }
    const buf = this.buf;
    let at = this.at;
    buf[at++] = 0x22;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
        this.text(jsonString(s));
        return;
      }
      buf[at++] = c;
    }
    buf[at++] = 0x22;
    this.at = at;
  }

  /** Any text, UTF-8 encoded. */
  text(s: string): void {
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  /** A number as String(n) writes it; null as null. Ports, TTLs, lengths from the digit table. */
  num(n: number | null): void {
    if (n === null) {
      this.bytes(NULL);
      return;
    }
    if (n >= 0 && n < SMALL && (n | 0) === n) {
      const buf = this.buf;
      let at = this.at;
      const from = n * 5;
      const to = from + DIGIT_COUNT[n];
      for (let i = from; i < to; i++) buf[at++] = DIGITS[i];
      this.at = at;
      return;
    }
    if (n >= SMALL && n <= MAX_WHOLE && Math.floor(n) === n) {
      this.whole(n);
      return;
    }
    if (!this.micros(n)) this.ascii(String(n));
  }

  /** A whole number SMALL to MAX_WHOLE (line numbers past 65535). */
  private whole(n: number): void {
    let digits = 5;
    for (let p = 1e5; p <= n; p *= 10) digits++;
    this.padded(n, digits);
  }

  /**
   * A kernel uptime such as 12345.678901: a number that is exactly (whole·10⁶ + µ)/10⁶,
   * the double nearest to a decimal with at most six places. That decimal, trailing
   * zeros dropped, is what String(n) prints (no shorter decimal lies within half an ulp),
   * and String() on a fraction costs ~0.5 µs. False for any other number.
   */
  private micros(n: number): boolean {
    if (!(n > 0 && n <= MAX_WHOLE)) return false;
    const w = Math.floor(n);
    let u = Math.round((n - w) * 1e6);
    if (u === 0 || u >= 1e6 || (w * 1e6 + u) / 1e6 !== n) return false;
    if (w < SMALL) this.num(w);
    else this.whole(w);
    let places = 6;
    while (u % 10 === 0) {
      u /= 10;
      places--;
    }
    this.byte(0x2e);
    this.padded(u, places);
    return true;
  }

  /** `"2026-11-20T00:00:01.000Z"`, quoted. */
  time(d: Date): void {
    const ms = d.getTime();
    this.byte(0x22);
    // Date#toISOString costs ~1 µs, and a quiet log has a new second on every line.
    if (ms >= YEAR_0 && ms < YEAR_10000) this.iso(ms);
    else this.ascii(d.toISOString()); // ±YYYYYY-…: years outside 0-9999
    this.byte(0x22);
  }

  /** YYYY-MM-DDTHH:MM:SS.mmmZ of a time in years 0-9999 (days to civil date: H. Hinnant's algorithm). */
  private iso(ms: number): void {
    const days = Math.floor(ms / 86_400_000);
    let rest = ms - days * 86_400_000;
    const z = days + 719_468;
    const era = Math.floor(z / 146_097);
    const doe = z - era * 146_097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const mi = Math.floor(rest / 60_000);
    rest -= mi * 60_000;
    const sec = Math.floor(rest / 1000);
    this.padded(year, 4);
    this.byte(0x2d);
    this.padded(month, 2);
    this.byte(0x2d);
    this.padded(day, 2);
    this.byte(0x54);
    this.padded(h, 2);
    this.byte(0x3a);
    this.padded(mi, 2);
    this.byte(0x3a);
    this.padded(sec, 2);
    this.byte(0x2e);
    this.padded(rest - sec * 1000, 3);
    this.byte(0x5a);
  }

  /** n (a whole number ≥ 0) in exactly `width` digits, zero-padded, written back to front. */
  private padded(n: number, width: number): void {
    const buf = this.buf;
    for (let at = this.at + width - 1; at >= this.at; at--) {
      const q = Math.floor(n / 10);
      buf[at] = 0x30 + (n - q * 10);
      n = q;
    }
    this.at += width;
  }

  /** A copy of what was written since `from`. */
  copyOut(from: number): Uint8Array {
    return new Uint8Array(this.buf.subarray(from, this.at));
  }
}
