// The skip reasons parsers give, read back into codes for `check --lang`: English writes each
// one back word for word (so the English output is the parsers' own), Chinese says it all.
import { describe, expect, it } from 'vitest';
import { checkSkip } from '../../src/check/skip-reason.js';
import { reasonKind } from '../../src/check/check.js';
import { en } from '../../src/i18n/en.js';
import { zh } from '../../src/i18n/zh.js';

// Every skipped reason the parsers write (src/parsers: sink.skipped, PayloadReject(false, …)).
const REASONS = [
  'not a firewall record',
  'blank line',
  'empty message',
  'journal entry without MESSAGE',
  'not a JSON journal entry',
  'not from the kernel (_TRANSPORT=syslog)',
  'binary MESSAGE field not supported',
  'ASA 609001: not a packet or connection message',
  'header: #Fields (18 fields)',
  'header: #Time Format Local',
  'header: #Version',
];

describe('check skip reasons', () => {
  it.each(REASONS)('%s: known, written back word for word in English, also as its kind', (reason) => {
    expect(en.check.skipReason(checkSkip(reason)!)).toBe(reason);
    const kind = checkSkip(reasonKind(reason));
    expect(kind).not.toBeNull();
    // reasonKind's '=…' takes a closing bracket with the value; said, the bracket is back.
    expect(en.check.skipReason(kind!)).toBe(reasonKind(reason).replace(/\(_TRANSPORT=…$/, '(_TRANSPORT=…)'));
  });

  it('Chinese says each without an English word but its tokens', () => {
    const said = REASONS.map((r) => zh.check.skipReason(checkSkip(r)!));
    expect(said).toEqual([
      '不是防火墙记录',
      '空行',
      '消息为空',
      'journald 条目没有 MESSAGE 字段',
      '不是 JSON 格式的 journald 条目',
      '不是内核消息（_TRANSPORT=syslog）',
      '不支持二进制的 MESSAGE 字段',
      'ASA 609001：不是数据包或连接的消息',
      '文件头：#Fields（18 个字段）',
      '文件头：#Time Format Local',
      '文件头：#Version',
    ]);
  });

  it('a reason it does not know (a malformed one) is null: shown as the parser wrote it', () => {
    expect(checkSkip("SRC: invalid address '1.2.x'")).toBeNull();
    expect(checkSkip('not a firewall record, really')).toBeNull();
  });
});
