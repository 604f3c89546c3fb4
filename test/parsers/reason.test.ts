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
import { parseLines } from '../helpers/parse.js';
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

  it.each(codes.filter((c) => c !== 'text'))('%s: Chinese is Chinese, and keeps the field and the value as logged', (code) => {
    const [r] = OLD_WORDS[code];
    const said = reasonText(r, 'zh');
    expect(said).toMatch(CJK);
    expect(said).not.toBe(reasonText(r, 'en'));
    if (r.field !== '') expect(said).toContain(r.field);
    if (r.value !== '') expect(said).toContain(r.value);
  });

  it("a helper's English words (code text) are said as they are in every language", () => {
    const r = reason('text', '', 'message repeated: count 0 out of range 1-100000');
    expect(reasonText(r, 'zh')).toBe('message repeated: count 0 out of range 1-100000');
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
