// --lang zh on stderr for the files and addresses options name (--config, --ignore,
// --geoip, --output, --state, --signatures, --home-net, --resolve-server), explain's
// queries, and what a one-shot command says of its inputs (unreadable, malformed lines,
// records read twice): the line is Chinese and names the file or value, escaped; exit
// codes and the English unchanged.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, usageStderr } from '../helpers/cli.js';

const UFW = 'samples/ufw.log';
const dir = mkdtempSync(join(tmpdir(), 'logscan-file-errors-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};


describe('file errors of options in --lang zh', () => {
  it('--config: a missing file, bad JSON, an unknown key, a bad setting', () => {
    const missing = join(dir, 'nope.json');
    expect(usageStderr(['--lang', 'zh', '--config', missing, UFW])).toBe(`logscan: --config ${missing}：文件不存在\n`);
    const arr = file('arr.json', '[1]');
    expect(usageStderr(['--lang', 'zh', '--config', arr, UFW])).toBe(`logscan: --config ${arr}：内容应为一个 JSON 对象\n`);
    const key = file('key.json', '{"x": 1}');
    expect(usageStderr(['--lang', 'zh', '--config', key, UFW])).toBe(`logscan: --config ${key}：不认识的键“x”（只接受“thresholds”）\n`);
    const count = file('count.json', '{"thresholds": {"limits": {"maxSources": 0}}}');
    expect(usageStderr(['--lang', 'zh', '--config', count, UFW])).toBe(`logscan: --config ${count}：“limits.maxSources”应为不小于 1 的整数，实际为 0\n`);
    expect(usageStderr(['--config', count, UFW])).toBe(`logscan: --config ${count}: "limits.maxSources" must be a whole number from 1, got 0\n`);
  });

  it('--ignore: a missing file and a line that is no entry, the line escaped', () => {
    const missing = join(dir, 'nope.txt');
    expect(usageStderr(['--lang', 'zh', '--ignore', missing, UFW])).toBe(`logscan: --ignore ${missing}：文件不存在\n`);
    const bad = file('bad.txt', '# ok\nfoo\u001b[2J\n');
    expect(usageStderr(['--lang', 'zh', '--ignore', bad, UFW])).toBe(`logscan: --ignore ${bad} 第 2 行：不是地址或 CIDR 网段：“foo\\x1b[2J”\n`);
    expect(usageStderr(['--ignore', bad, UFW])).toBe(`logscan: --ignore ${bad}:2: not an address or CIDR range: "foo\\x1b[2J"\n`);
  });

  it('--geoip: no such directory, no .mmdb files', () => {
    expect(usageStderr(['--lang', 'zh', '--geoip', join(dir, 'nope'), UFW])).toBe(`logscan: --geoip ${join(dir, 'nope')}：目录不存在\n`);
    expect(usageStderr(['--lang', 'zh', '--geoip', 'samples', UFW]).split('\n')[0]).toMatch(/^logscan: --geoip samples：目录里没有 \.mmdb 文件/);
  });

  it('--output: a directory that does not exist, an input file', () => {
    const out = join(dir, 'no-dir', 'r.json');
    expect(usageStderr(['--lang', 'zh', '-o', 'json', '--output', out, UFW])).toBe(`logscan: --output ${out}：目录不存在：${join(dir, 'no-dir')}\n`);
    expect(usageStderr(['-o', 'json', '--output', out, UFW])).toBe(`logscan: --output ${out}: no such directory: ${join(dir, 'no-dir')}\n`);
    expect(usageStderr(['--lang', 'zh', '--output', UFW, UFW])).toBe(`logscan: --output ${UFW}：这是输入文件之一；为免覆盖日志，不予写入\n`);
  });

  it('follow --state: a file that is not a state file, one that cannot be saved', () => {
    const bad = file('state.json', 'not json');
    expect(usageStderr(['follow', '--lang', 'zh', '--state', bad, UFW])).toBe(`logscan: --state ${bad}：不是 logscan 的状态文件（JSON 无效）；把它移走即可从头开始\n`);
    expect(usageStderr(['follow', '--state', bad, UFW])).toBe(`logscan: --state ${bad}: not a logscan state file (invalid JSON); move it away to start afresh\n`);
    const unsaved = join(dir, 'no-dir', 's.json');
    expect(usageStderr(['follow', '--lang', 'zh', '--state', unsaved, UFW])).toBe(`logscan: --state ${unsaved}：无法保存状态：目录不存在：${join(dir, 'no-dir')}\n`);
  });
});

describe('--signatures in --lang zh', () => {
  it('not a directory, a directory without signature files, a file that is not JSON; an entry\'s own check keeps its English words', () => {
    expect(usageStderr(['--lang', 'zh', '--signatures', join(dir, 'nope'), UFW])).toBe(`logscan: 签名数据无效：${join(dir, 'nope')}：不是目录（由 --signatures 指定）\n`);
    expect(usageStderr(['--lang', 'zh', '--signatures', 'samples', UFW]).split('\n')[0]).toMatch(/^logscan: 签名数据无效：samples：没有找到签名文件；/);
    const sig = mkdtempSync(join(dir, 'sig-'));
    writeFileSync(join(sig, 'ports.json'), '{');
    expect(usageStderr(['explain', '--lang', 'zh', '--signatures', sig, '80'])).toMatch(new RegExp(`^logscan: 签名数据无效：${sig}/ports\\.json：不是有效的 JSON：`));
    expect(usageStderr(['explain', '--signatures', sig, '80'])).toMatch(new RegExp(`^logscan: invalid signatures: ${sig}/ports\\.json: invalid JSON: `));
    writeFileSync(join(sig, 'ports.json'), '{"schemaVersion": 1, "entries": [{"id": "x"}]}');
    expect(usageStderr(['--lang', 'zh', '--signatures', sig, UFW])).toMatch(new RegExp(`^logscan: 签名数据无效：${sig}/ports\\.json（x）：\\$\\.entries\\[0\\]\\.`));
  });
});

describe('bad addresses and explain queries in --lang zh', () => {
  it('--home-net and --resolve-server name the value, escaped', () => {
    expect(usageStderr(['--lang', 'zh', '--home-net', 'x\u001b[31m', UFW])).toBe('logscan: --home-net：“x\\x1b[31m”不是地址或 CIDR 网段（例如 203.0.113.0/24、2001:db8::/48）\n');
    expect(usageStderr(['--lang', 'zh', '--resolve', '--resolve-server', 'bogus', UFW])).toBe('logscan: --resolve-server：“bogus”不是有效的 IP 地址（应为一个地址，可带端口：192.0.2.53、192.0.2.53:5353、[2001:db8::53]:53）\n');
    expect(usageStderr(['--resolve', '--resolve-server', 'bogus', UFW])).toBe('logscan: --resolve-server: Invalid IP address: bogus (expected an address, optionally with a port: 192.0.2.53, 192.0.2.53:5353, [2001:db8::53]:53)\n');
  });

  it('explain: a port out of range, a bad protocol, a range the wrong way round', () => {
    expect(usageStderr(['explain', '--lang', 'zh', '99999'])).toBe('logscan: 无效的查询“99999”：端口 99999 超出范围（0-65535）\n');
    expect(usageStderr(['explain', '--lang', 'zh', '80/sctp'])).toBe('logscan: 无效的查询“80/sctp”：协议应为 tcp、udp、icmp 或 icmpv6，而不是“sctp”\n');
    expect(usageStderr(['explain', '--lang', 'zh', '5-3'])).toBe('logscan: 无效的查询“5-3”：范围起点 5 大于终点 3\n');
    expect(usageStderr(['explain', '99999'])).toBe('logscan: invalid query "99999": port 99999 is out of range (0-65535)\n');
  });
});

describe('what a one-shot command says of its inputs, in --lang zh', () => {
  const malformed = file('bad\u001b[1m.log', [
    'Nov 20 07:07:40 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.9 DST=192.168.1.20 LEN=60 TTL=50 PROTO=TCP SPT=4444 DPT=6776 SYN',
    ...Array.from({ length: 6 }, () => 'Nov 20 07:07:41 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=zz DST=1.2.3.4 PROTO=TCP SPT=1 DPT=2\u001b[2J'),
  ].join('\n') + '\n');
  const shown = malformed.replace('\u001b', '\\x1b');

  it('an unreadable input: its problem in Chinese, as the report\'s inputs table says it; exit 3', () => {
    for (const cmd of [[], ['events'], ['check']]) {
      const r = runCli([...cmd, '--lang', 'zh', join(dir, 'nope.log')]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`logscan: ${join(dir, 'nope.log')}：文件不存在\n`);
    }
    expect(runCli([join(dir, 'nope.log')]).stderr).toContain(`logscan: ${join(dir, 'nope.log')}: no such file\n`);
  });

  it('malformed lines: the lead-in, the reason and the total in Chinese, the field, its value and the log line as logged, escaped', () => {
    const zh = runCli(['--lang', 'zh', malformed]).stderr.split('\n');
    expect(zh[0]).toBe(`logscan: ${shown} 第 2 行格式错误：SRC：无效的地址 'zz'：Nov 20 07:07:41 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=zz DST=1.2.3.4 PROTO=TCP SPT=1 DPT=2\\x1b[2J`);
    expect(zh).toContain('logscan: 共有 6 行格式错误（只列出了前 5 行；`logscan check FILE` 会逐一说明）');
    const en = runCli([malformed]).stderr.split('\n');
    expect(en[0]).toBe(`logscan: ${shown}:2: malformed: SRC: invalid address 'zz': Nov 20 07:07:41 gw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=zz DST=1.2.3.4 PROTO=TCP SPT=1 DPT=2\\x1b[2J`);
    expect(en).toContain('logscan: 6 malformed lines in all (first 5 shown; `logscan check FILE` explains them)');
  });

  it('records read twice: the note on stderr in Chinese', () => {
    const copy = file('copy.log', readFileSync(UFW, 'utf8'));
    expect(runCli(['--lang', 'zh', UFW, copy]).stderr).toContain(`logscan: ${UFW}：其中全部记录（约 693 条）也从 ${copy} 读到过：这些记录被重复计数；两个文件只需给出其一\n`);
  });
});
