// A line's reason is data (parsers/reason.ts) worded by the catalog: every code has an English
// and a Chinese wording, and the English is the parsers' words from before reasons were data
// (stderr, JSON and the corpus diagnostics say them), held here to literal strings.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { zh } from '../../src/i18n/zh.js';
import { reasonText } from '../../src/i18n/messages.js';
import { fixedReason, reason, underField, type ReasonCode } from '../../src/parsers/reason.js';
import { OLD_WORDS } from '../helpers/line-reasons.js';
import { getFormat } from '../../src/parsers/registry.js';
import { parseLines, splitLines, TEST_REF_DATE } from '../helpers/parse.js';
import { readFileSync } from 'node:fs';
import { Clock } from '../../src/parsers/timestamp.js';
import { elidedReason, reasonKind } from '../../src/check/check.js';

const CJK = /[\u4e00-\u9fff]/u;
const codes = Object.keys(OLD_WORDS) as ReasonCode[];

describe('line reasons in the catalog', () => {
  it('every code has an English and a Chinese wording, and nothing else is worded', () => {
    expect(Object.keys(en.lineReason).sort()).toEqual([...codes].sort());
    expect(Object.keys(zh.lineReason).sort()).toEqual([...codes].sort());
  });

  it.each(codes)('%s: English is the parsers\' words of before, byte for byte', (code) => {
    const [r, old] = OLD_WORDS[code];
    expect(reasonText(r, 'en')).toBe(old);
  });

  it.each(codes)('%s: Chinese is Chinese, and keeps the field and the value as logged', (code) => {
    const [r] = OLD_WORDS[code];
    const said = reasonText(r, 'zh');
    expect(said).toMatch(CJK);
    expect(said).not.toBe(reasonText(r, 'en'));
    if (r.field !== '') expect(said).toContain(r.field);
    if (r.value !== '') expect(said).toContain(r.value);
  });

  it("a time's and a repeat wrapper's facts are said in Chinese too: the year range, the largest count", () => {
    expect(reasonText(OLD_WORDS['year-range'][0], 'zh')).toBe('time：年份 0999 超出支持的范围 1900-9998');
    expect(reasonText(OLD_WORDS['impossible-hour'][0], 'zh')).toBe('time：不存在的时间（小时为 25）');
    expect(reasonText(OLD_WORDS['repeat-count'][0], 'zh')).toBe('message repeated：次数 0 超出范围 1-999999999');
  });

  it('a part under its field: an address\'s problem under src, an ASA message id before both', () => {
    const port = underField(fixedReason('missing-token', 'port', ')'), 'src');
    expect(reasonText(port, 'en')).toBe('src: port: missing )');
    expect(reasonText(underField(port, '106100'), 'en')).toBe('106100: src: port: missing )');
    expect(reasonText(underField(reason('invalid-address', '', "'1.2.x'"), 'dst'), 'zh')).toBe("dst：无效的地址 '1.2.x'");
  });

  it('a reason made once is frozen: shared by every line it is given for', () => {
    expect(Object.isFrozen(fixedReason('not-record'))).toBe(true);
  });
});

describe('the parsers report reasons as data', () => {
  it('netfilter, filterlog and MikroTik lines: the code and the field as logged, the English as before', () => {
    const ipt = parseLines(getFormat('iptables')!, [
      'Nov 20 06:51:09 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.4 DST=192.0.2.8 LEN=40 TTL=50 PROTO=TCP SPT=99999 DPT=22 WINDOW=1024 SYN URGP=0',
      'Nov 20 06:51:10 gw kernel: [UFW BLOCK] IN=eth0 OUT= MAC= SRC=203.0.113.4 LEN=40 TTL=50 PROTO=TCP SPT=4444 DPT=23 WINDOW=1024 SYN URGP=0',
      'Nov 20 06:51:11 fw filterlog[123]: 5,,,1000000103,igb0,match,block,in,4,0x0,,64,0,0,DF,6,tcp,60,203.0.113.x,192.0.2.1,443,22,0,S,123,,64240,,mss',
      'Nov 20 06:51:13 router firewall,info input: in:ether1 out:(unknown 0), proto TCP (SYN), 203.0.113.4:5555->192.0.2.1:99999, len 60',
      'Nov 20 06:51:14 gw sshd[22]: Accepted publickey for root',
    ]);
    expect(ipt.malformed.map((m) => m.reason)).toEqual([
      "SPT: invalid port '99999'",
      'DST: missing',
      "src: invalid address '203.0.113.x'",
      "dst: invalid port '99999'",
    ]);
    expect(ipt.skipped.map((s) => s.reason)).toEqual(['not a firewall record']);
  });
});

describe('the time and syslog header readers report reasons as data', () => {
  // test/fixtures/<format>/bad-times.log: an impossible stamp of each reader (its golden holds the English).
  const codesOf = (format: string): [number, ReasonCode, string][] => {
    const out: [number, ReasonCode, string][] = [];
    const parser = getFormat(format)!.create(
      { file: 'bad-times.log', refDate: TEST_REF_DATE, year: null, tz: 'UTC' },
      { event: () => {}, skipped: () => {}, malformed: (line, _text, why) => out.push([line, why.code, why.field]) },
    );
    splitLines(readFileSync(new URL(`../fixtures/${format}/bad-times.log`, import.meta.url), 'utf8')).forEach((l, i) => parser.line(l, i + 1));
    parser.end();
    return out;
  };

  it('BSD, ISO, RFC 5424, dmesg -T and Proxmox stamps, and the repeat wrapper (iptables)', () => {
    expect(codesOf('iptables')).toEqual([
      [3, 'impossible-day', 'time'],
      [4, 'leap-day-inferred', 'time'],
      [5, 'impossible-hour', 'time'],
      [6, 'impossible-minute', 'time'],
      [7, 'impossible-second', 'time'],
      [8, 'impossible-month', 'time'],
      [9, 'year-range', 'time'],
      [10, 'impossible-offset', 'time'],
      [11, 'impossible-day', 'time'],
      [12, 'impossible-hour', 'time'],
      [13, 'impossible-day', 'time'],
      [14, 'impossible-date-offset', 'time'],
      [15, 'repeat-count', 'message repeated'],
      [16, 'repeat-syntax', 'message repeated'],
    ]);
  });

  it("an ASA's own stamp, Windows Firewall's date and time columns, pf's stamps", () => {
    expect(codesOf('cisco-asa')).toEqual([
      [2, 'year-range', 'time'],
      [3, 'impossible-stamp', 'time'],
      [4, 'impossible-stamp', 'time'],
    ]);
    expect(codesOf('windows-firewall')).toEqual([
      [6, 'year-range-column', 'date'],
      [7, 'invalid-column', 'date/time'],
      [8, 'invalid-column', 'date/time'],
    ]);
    expect(codesOf('pf')).toEqual([
      [3, 'impossible-day', 'time'],
      [4, 'impossible-minute', 'time'],
      [5, 'impossible-day', 'time'],
      [6, 'impossible-hour', 'time'],
      // Inside syslog, after the `pf:` tag: the inner stamp's reason, not "not a firewall record".
      [8, 'year-range', 'time'],
      [9, 'impossible-day', 'time'],
    ]);
  });

  it('a stamp read well leaves no reason behind for the next line', () => {
    const c = new Clock({ refDate: TEST_REF_DATE, year: null, tz: 'UTC' });
    expect(c.bsd('Nov 20 25:00:00 h', 0)).toBeNaN();
    expect(c.error).toEqual({ code: 'impossible-hour', field: 'time', value: '25' });
    expect(c.bsd('Nov 20 10:00:00 h', 0)).not.toBeNaN();
    expect(c.error).toBeNull();
  });
});

describe("a varied kind's heading in another language", () => {
  it('elides the values as the English kind does', () => {
    const r = reason('invalid-address', 'SRC', "'1.2.x'");
    const kind = reasonKind(reasonText(r, 'en'));
    expect(kind).toBe("SRC: invalid address '…'");
    expect(reasonText(elidedReason(r, kind), 'zh')).toBe("SRC：无效的地址 '…'");
    // A value the English kind lost in a `=…` goes whole.
    const k = reason('not-kernel', '', 'syslog');
    expect(reasonText(elidedReason(k, reasonKind(reasonText(k, 'en'))), 'zh')).toBe('不是内核消息（_TRANSPORT=…）');
  });
});
