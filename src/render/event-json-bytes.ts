// eventToJson(e) + "\n", written as UTF-8 straight into an output buffer. Building the
// ~700-character line as a string (dozens of concatenations) and encoding it again took
// about half of `logscan events`; here ASCII goes byte by byte, constants and annotation
// texts are copied pre-encoded, and only a string that needs escaping or is not ASCII
// takes the string path. The bytes are exactly eventToJson's (a test holds it to that).
import type { Annotation, FirewallEvent } from '../event.js';
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
  w.bytes(K_TIME);
  const t = e.time;
  if (t === null) w.bytes(NULL);
  else w.time(t.getTime(), t);
  w.bytes(e.yearInferred ? K_YEAR_TRUE : K_YEAR_FALSE);
  w.num(e.uptime);
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
  w.bytes(K_ICMP);
  if (icmp === null) w.bytes(NULL);
  else w.text(icmp);
  w.bytes(K_COUNT);
  w.num(e.count);
  w.bytes(K_FILE);
  w.str(e.origin.file);
  w.bytes(K_LINE);
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
for (let n = 0; n < SMALL; n++) {
  const d = String(n);
  DIGIT_COUNT[n] = d.length;
  for (let i = 0; i < d.length; i++) DIGITS[n * 5 + i] = d.charCodeAt(i);
}

let lastMs = NaN;
const lastIso = new Uint8Array(26);

class ByteWriter {
  constructor(
    private readonly buf: Buffer,
    public at: number,
  ) {}

  byte(b: number): void {
    this.buf[this.at++] = b;
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
    this.ascii(String(n));
  }

  /** `"2026-11-20T00:00:01.000Z"` (quoted), cached for the run of events in one millisecond. */
  time(ms: number, d: Date): void {
    if (ms !== lastMs) {
      lastMs = ms;
      const iso = d.toISOString();
      // toISOString is 24 characters for years 0-9999, 27 beyond: those take the string path.
      if (iso.length !== 24) {
        lastMs = NaN;
        this.text(`"${iso}"`);
        return;
      }
      lastIso[0] = 0x22;
      for (let i = 0; i < 24; i++) lastIso[i + 1] = iso.charCodeAt(i);
      lastIso[25] = 0x22;
    }
    this.bytes(lastIso);
  }
}
