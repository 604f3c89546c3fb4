import { describe, expect, it } from 'vitest';
import { boxTable, displayWidth, wrapAddress, wrapItems, wrapPath, wrapText } from '../../src/render/box-table.js';

describe('boxTable', () => {
  it('draws cli-table3-style borders with one space of padding and a rule between rows', () => {
    const out = boxTable(['Port', 'Name'], [[['80'], ['HTTP', '[http]']], [['6776'], ['Sub-7']]], [4, 6]);
    expect(out.split('\n')).toEqual([
      '┌──────┬────────┐',
      '│ Port │ Name   │',
      '├──────┼────────┤',
      '│ 80   │ HTTP   │',
      '│      │ [http] │',
      '├──────┼────────┤',
      '│ 6776 │ Sub-7  │',
      '└──────┴────────┘',
    ]);
  });

  it('compact: no rule under the head or between rows', () => {
    const out = boxTable(['Port', 'Name'], [[['80'], ['HTTP']], [['6776'], ['Sub-7', 'data']]], [4, 5], true);
    expect(out.split('\n')).toEqual([
      '┌──────┬───────┐',
      '│ Port │ Name  │',
      '│ 80   │ HTTP  │',
      '│ 6776 │ Sub-7 │',
      '│      │ data  │',
      '└──────┴───────┘',
    ]);
  });

  it('pads by display width: CJK takes two columns, colour codes none', () => {
    const out = boxTable(['说明'], [[['\x1b[2m端口\x1b[22m']], [['ab']]], [5]);
    const lines = out.split('\n');
    for (const l of lines) expect(displayWidth(l), l).toBe(9);
    expect(lines[3]).toBe('│ \x1b[2m端口\x1b[22m  │');
  });
});

describe('wrapText: a Chinese word after a space', () => {
  it('moves to the next line whole instead of being split, in a narrow name column', () => {
    expect(wrapText('Shtrilitz Stealth 木马', 20)).toEqual(['Shtrilitz Stealth', '木马']);
    expect(wrapText('Sub-7 数据通道 / 残留探测', 24)).toEqual(['Sub-7 数据通道 /', '残留探测']);
    expect(wrapText('Sub-7 数据通道 / 残留探测', 12)).toEqual(['Sub-7', '数据通道 /', '残留探测']);
    for (const w of [10, 12, 16, 20, 24]) for (const l of wrapText('Sub-7 数据通道 / 残留探测', w)) expect(displayWidth(l), l).toBeLessThanOrEqual(w);
  });

  it('in ASCII brackets too: an English line does not break inside "(冰河)" or before its ")"', () => {
    expect(wrapText('Glacier (冰河) 7626 · open-proxy hunt', 13)).toEqual(['Glacier', '(冰河) 7626 ·', 'open-proxy', 'hunt']);
    expect(wrapText('Glacier (冰河) 7626', 14)).toEqual(['Glacier (冰河)', '7626']);
    // Too long for a line of its own, it still breaks between two characters, never before ")".
    for (const l of wrapText('Glacier (冰河冰河冰河冰河) 7626', 8)) expect(l.startsWith(')'), l).toBe(false);
    // ASCII text keeps its brackets with its words as before.
    expect(wrapText('open-proxy hunt (proxy-hunt)', 16)).toEqual(['open-proxy hunt', '(proxy-hunt)']);
  });

  it('a list\'s " · " stays with the item before it: no line starts with the separator', () => {
    expect(wrapText('Glacier (冰河) 7626 · open-proxy hunt', 12)).toEqual(['Glacier', '(冰河)', '7626 ·', 'open-proxy', 'hunt']);
    expect(wrapText('中文 · 木马 · 端口', 6)).toEqual(['中文 ·', '木马 ·', '端口']);
    const why = 'vertical scan: 300 ports in 2 min · ncx99 99; Silencer 1001; +1 more family · open-proxy hunt (proxy-hunt)';
    for (let w = 8; w <= 40; w++) for (const l of wrapText(why, w)) expect(l.startsWith('·'), `${w}: ${l}`).toBe(false);
  });

  it('a sentence still wraps anywhere, and no line gives up more than a short word', () => {
    // The run after "Sub-7" is a whole sentence (wider than half the line): filled to the edge.
    expect(wrapText('Sub-7 是二〇〇〇年前后最有名的远程控制木马', 20)).toEqual(['Sub-7 是二〇〇〇年前', '后最有名的远程控制木', '马']);
    expect(wrapText('ab 一二三四五六七八九', 14)).toEqual(['ab 一二三四五', '六七八九']);
    // On a wide line a clause between two numbers is no word either: the first line is filled.
    const clause = '来自源端口 53 的 TCP SYN：DNS 服务器只会应答，不会从 53 端口发起连接，所以这不是回复，而是利用源端口 53 探测。';
    expect(wrapText(clause, 80)[0]).toBe('来自源端口 53 的 TCP SYN：DNS 服务器只会应答，不会从 53 端口发起连接，所以这不是');
    // A short word still moves whole on a wide line.
    expect(wrapText(`${'x'.repeat(70)} 木马端口探测`, 80)).toEqual(['x'.repeat(70), '木马端口探测']);
    // Text without spaces wraps between any two characters, as before.
    expect(wrapText('一二三四五', 4)).toEqual(['一二', '三四', '五']);
  });
});

describe('wrapAddress', () => {
  it('breaks an IPv6 address after a colon, never inside a group; one that fits stays one line', () => {
    const a = '2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff';
    expect(wrapAddress(a, 39)).toEqual([a]);
    expect(wrapAddress(a, 30)).toEqual(['2001:db8:aaaa:bbbb:cccc:dddd:', 'eeee:ffff']);
    expect(wrapAddress(a, 10)).toEqual(['2001:db8:', 'aaaa:bbbb:', 'cccc:dddd:', 'eeee:ffff']);
    expect(wrapAddress('2001:db8::1', 6)).toEqual(['2001:', 'db8::1']);
    expect(wrapAddress('203.0.113.7', 20)).toEqual(['203.0.113.7']);
    for (const w of [5, 7, 12, 20]) expect(wrapAddress(a, w).join('')).toBe(a);
  });

  it('a part longer than a line is cut, nothing lost', () => {
    expect(wrapAddress('abcdefgh:1', 3)).toEqual(['abc', 'def', 'gh:', '1']);
  });
});

describe('wrapPath', () => {
  it('breaks after a directory, the file name whole on the last line; a path that fits is one line', () => {
    expect(wrapPath('/var/log/archive/gateway/ufw.log.1', 20)).toEqual(['/var/log/archive/', 'gateway/ufw.log.1']);
    expect(wrapPath('C:\\Windows\\System32\\LogFiles\\Firewall\\pfirewall.log', 24)).toEqual(['C:\\Windows\\System32\\', 'LogFiles\\Firewall\\', 'pfirewall.log']);
    expect(wrapPath('samples/ufw.log', 15)).toEqual(['samples/ufw.log']);
  });

  it('measures Chinese as two columns; a name longer than a line is cut, nothing lost', () => {
    expect(wrapPath('/日志/防火墙日志.log', 12)).toEqual(['/日志/', '防火墙日志.l', 'og']);
    const long = '/x/' + 'a'.repeat(25);
    expect(wrapPath(long, 10).join('')).toBe(long);
    for (const l of wrapPath(long, 10)) expect(displayWidth(l)).toBeLessThanOrEqual(10);
  });
});

describe('wrapItems', () => {
  it('keeps each item whole, and ends a line that another follows with " ·"', () => {
    expect(wrapItems('label  ', ['one two', 'three four', 'five'], 20).split('\n')).toEqual(['label  one two ·', '       three four ·', '       five']);
  });

  it('an item wider than a line wraps at its spaces, starting where it would have gone when half a line is left there', () => {
    const nets = 'source 198.51.100.0/24, 2001:db8:ffff:1234:5678:abcd:ef01:2345/128, 203.0.113.0/24';
    expect(wrapItems('filter  ', ['since 2026-11-20', nets, 'min severity 2'], 60).split('\n')).toEqual([
      'filter  since 2026-11-20 · source 198.51.100.0/24,',
      '        2001:db8:ffff:1234:5678:abcd:ef01:2345/128,',
      '        203.0.113.0/24 · min severity 2',
    ]);
    // Less than half a line left: it starts the next one.
    expect(wrapItems('filter  ', ['since 2026-11-20 00:00:00 · until 2026-11-21', nets], 60).split('\n')[1]).toBe('        source 198.51.100.0/24,');
  });

  it('an item wrapped as text keeps its count and share with the last word before them', () => {
    const label = '[WAN_LOCAL-D-2147483647] DESCR="[WAN_LOCAL]Block All Traffic"';
    expect(wrapItems('logged as  ', [`${label} 2 (67%)`, 'other 1 (33%)'], 80).split('\n')).toEqual([
      'logged as  [WAN_LOCAL-D-2147483647] DESCR="[WAN_LOCAL]Block All',
      '           Traffic" 2 (67%) · other 1 (33%)',
    ]);
    // Chinese writes the share in full-width brackets, with no space before them.
    expect(wrapItems('记录为     ', [`${label} 2（67%）`], 72).split('\n')).toEqual([
      '记录为     [WAN_LOCAL-D-2147483647] DESCR="[WAN_LOCAL]Block All',
      '           Traffic" 2（67%）',
    ]);
    // A count with no share stays with its word all the same.
    expect(wrapItems('x  ', ['aaaa bbbb cccc 1,234'], 14).split('\n')).toEqual(['x  aaaa bbbb', '   cccc 1,234']);
  });

  it('an item wider than a line that follows another one wrapped starts a line of its own, not the end of that one', () => {
    const d = '[WAN_LOCAL-D-2147483647] DESCR="[WAN_LOCAL]Block All Traffic"';
    const a = '[WAN_LOCAL-A-2147483647] DESCR="[WAN_LOCAL]Block All Traffic"';
    // crowdsec-hub_unifi-udm.log with --lang zh at 80 columns: its full-width share makes the second label one column too wide.
    expect(wrapItems('记录为     ', [`${d} 2（67%）`, `${a} 1（33%）`], 80).split('\n')).toEqual([
      '记录为     [WAN_LOCAL-D-2147483647] DESCR="[WAN_LOCAL]Block All',
      '           Traffic" 2（67%） ·',
      '           [WAN_LOCAL-A-2147483647] DESCR="[WAN_LOCAL]Block All',
      '           Traffic" 1（33%）',
    ]);
    // After a short item, half a line left still takes the start of a long one.
    expect(wrapItems('logged as  ', ['DENY 1', `${a} 1 (33%)`], 60).split('\n')[0]).toBe('logged as  DENY 1 · [WAN_LOCAL-A-2147483647]');
  });

  it('a separator of spaces leaves no mark at the end of a line', () => {
    expect(wrapItems('> ', ['aaaa', 'bbbb', 'cccc'], 12, '  ').split('\n')).toEqual(['> aaaa  bbbb', '  cccc']);
  });
});

describe('wrapText with a shorter first line', () => {
  it('fills the room left on the first line, then whole lines', () => {
    expect(wrapText('one two three four', 10, 4)).toEqual(['one', 'two three', 'four']);
  });

  it('a word that does not fit the first line but fits a whole one starts the second, the first left empty', () => {
    expect(wrapText('three four', 8, 3)).toEqual(['', 'three', 'four']);
  });
});
