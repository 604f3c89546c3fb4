// A trojan-listed port the firewall let through says so: between two machines of this side
// (a LAN client reaching DNP3's 20000, Millennium's too) it is most likely a service that
// shares the port, from outside a probe that got in; only a blocked one is "a blocked probe".
// The texts are rules of signatures/annotations.json (their `action` and `inside`), not code.
import { describe, expect, it } from 'vitest';
import { LineExplainer } from '../../src/cli/explain-line.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Annotation } from '../../src/event.js';
import type { Lang } from '../../src/knowledge/types.js';
import { TEST_REF_DATE } from '../helpers/parse.js';
import { runCli, runCliAsync, tempDir } from '../helpers/cli.js';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

const kb = loadKnowledge();

/** One allowed record per format, from `src` to `dst`:20000 (Millennium trojan's port, DNP3's too). */
const allowed: Record<string, (src: string, dst: string) => string> = {
  'ufw [UFW ALLOW]': (src, dst) =>
    `Nov 20 07:17:28 gw kernel: [311048.081468] [UFW ALLOW] IN=eth0 OUT= MAC=52:54:00:3a:91:c2:00:1b:21:7e:04:aa:08:00 SRC=${src} DST=${dst} LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=40121 DF PROTO=TCP SPT=40120 DPT=20000 WINDOW=64240 RES=0x00 SYN URGP=0`,
  'Cisco ASA Built inbound': (src, dst) =>
    `<174>Jan  5 14:52:35 10.22.8.212 %ASA-6-302013: Built inbound TCP connection 76245503 for outside:${src}/54209 (${src}/54209) to inside:${dst}/20000 (${dst}/20000)`,
  'Cisco IOS SESS_AUDIT_TRAIL_START': (src, dst) =>
    `<190>4021: edge-rtr: Nov  3 10:00:22.100: %FW-6-SESS_AUDIT_TRAIL_START: Start tcp session: initiator (${src}:49290) -- responder (${dst}:20000)`,
  'PAN-OS end record': (src, dst) =>
    `<14>Nov 20 06:27:00 PA-3220 1,2026/11/20 06:27:00,012801000000,TRAFFIC,end,2561,2026/11/20 06:27:00,${src},${dst},0.0.0.0,0.0.0.0,allow-scada,,,dnp3,vsys1,trust,dmz,ethernet1/2,ethernet1/3,Log-Forwarding,2026/11/20 06:27:00,41877,1,50514,20000,0,0,0x40001c,tcp,allow,7579,7579,0,45,2026/11/20 06:27:00,12,any,0,7300000001,0x0,,,0,45,0,tcp-fin,0,0,0,0,,PA-3220,from-policy,,,0,,0,,N/A,0,0,0,0`,
  'Windows Firewall ALLOW … RECEIVE': (src, dst) => `2022-04-20 17:33:16 ALLOW TCP ${src} ${dst} 51000 20000 0 - - - - - - - RECEIVE`,
};

function trojan(line: string, lang: Lang = 'en'): Annotation {
  const r = new LineExplainer(kb, lang, { now: TEST_REF_DATE }).read(line);
  expect(r.outcome, line).toBe('event');
  const a = r.event!.annotations.find((x) => x.id === 'trojan');
  expect(a, line).toBeDefined();
  return a!;
}

const BLOCKED_WORDS = /blocked probe/;

describe('the trojan reading of a connection the firewall let through', () => {
  it.each(Object.entries(allowed))('%s between two machines of this side: a service sharing the port, not a blocked probe', (_, make) => {
    const a = trojan(make('192.168.1.10', '10.0.0.5'));
    expect(a.text).toMatch(/^Port of the Millennium trojan, on a connection the firewall let through between two machines of this side: usually a service/);
    expect(a.text).not.toMatch(BLOCKED_WORDS);
    // A look at the server, not the alarm a probe that got in from outside is.
    expect(a.severity).toBe(2);
  });

  it.each(Object.entries(allowed))('%s from outside: the firewall let the probe in, and the port keeps its severity', (_, make) => {
    const a = trojan(make('203.0.113.9', '10.0.0.5'));
    expect(a.text).toMatch(/^Port of the Millennium trojan, and the firewall let this one in/);
    expect(a.text).not.toMatch(BLOCKED_WORDS);
    expect(a.severity).toBe(4);
  });

  it('a blocked probe still reads as one, and a blocked one between two machines of this side too', () => {
    const drop = allowed['ufw [UFW ALLOW]']!('203.0.113.9', '192.168.1.20').replace('[UFW ALLOW]', '[UFW BLOCK]');
    expect(trojan(drop).text).toMatch(BLOCKED_WORDS);
    expect(trojan(drop.replace('SRC=203.0.113.9', 'SRC=192.168.1.10')).text).toMatch(BLOCKED_WORDS);
  });

  it('a worm\'s port let through between two machines of this side says so in its own words', () => {
    // 1434/udp: SQL Slammer's, and SQL Server Browser's between a LAN client and its database server.
    const line = `2022-04-20 17:33:16 ALLOW UDP 192.168.1.10 192.168.1.100 51000 1434 0 - - - - - - - RECEIVE`;
    const a = trojan(line);
    expect(a.text).toMatch(/spreads.*, on a connection the firewall let through between two machines of this side/);
    expect(a.text).not.toMatch(/blocked, it does no harm/);
    expect(trojan(line.replace('192.168.1.10', '203.0.113.9')).text).toMatch(/and the firewall let this one in/);
  });

  it('says each case in Chinese, in words of its own', () => {
    const make = allowed['Cisco IOS SESS_AUDIT_TRAIL_START']!;
    const inside = trojan(make('192.168.1.10', '10.0.0.5'), 'zh').text;
    const outside = trojan(make('203.0.113.9', '10.0.0.5'), 'zh').text;
    expect(inside).toMatch(/本方两台机器之间的连接/);
    expect(outside).toMatch(/防火墙放行了这次连接/);
    for (const t of [inside, outside]) expect(t).not.toMatch(/被拦截的探测/);
  });

  it("--home-net decides which machines are this side's: a private address outside it is elsewhere", async () => {
    const dir = tempDir();
    const file = join(dir, 'inside.log');
    writeFileSync(file, `${allowed['Cisco IOS SESS_AUDIT_TRAIL_START']!('192.168.1.10', '10.0.0.5')}\n`);
    const texts = async (...extra: string[]) => {
      const r = await runCliAsync([file, '-o', 'json', ...extra]);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { interpretations: { id: string; text: string }[] }).interpretations.filter((i) => i.id === 'trojan').map((i) => i.text);
    };
    expect(await texts()).toEqual([expect.stringMatching(/between two machines of this side/)]);
    expect(await texts('--home-net', '10.0.0.0/8')).toEqual([expect.stringMatching(/and the firewall let this one in/)]);
  });
});

describe("the report's Notable interpretations for allowed traffic between two machines of this side", () => {
  it('lists the reading in the words for that case, ranks no source, and does not speak of a blocked probe (en, zh)', async () => {
    const dir = tempDir();
    const file = join(dir, 'dnp3.log');
    const make = allowed['Cisco IOS SESS_AUDIT_TRAIL_START']!;
    writeFileSync(file, `${make('192.168.1.10', '10.0.0.5')}\n${make('192.168.1.11', '10.0.0.5')}\n`);
    const json = await runCliAsync([file, '-o', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as { rankedSources: number; interpretations: { id: string; severity: number; connections: number; text: string }[] };
    expect(doc.rankedSources).toBe(0);
    const row = doc.interpretations.find((i) => i.id === 'trojan')!;
    expect(row).toMatchObject({ severity: 2, connections: 2 });
    expect(row.text).toMatch(/between two machines of this side: usually a service of yours that shares the port \(DNP3 on 20000, for one\)/);

    for (const lang of ['en', 'zh'] as const) {
      const text = await runCliAsync([file, '--lang', lang]);
      expect(text.code, text.stderr).toBe(0);
      const table = text.stdout.slice(text.stdout.indexOf(lang === 'en' ? 'Notable interpretations' : '值得注意的解读'));
      expect(table.length, text.stdout).toBeLessThan(text.stdout.length);
      expect(table).not.toMatch(lang === 'en' ? BLOCKED_WORDS : /被拦截的探测/);
      expect(table.replace(/[│\s]+/g, '')).toContain(lang === 'en' ? 'betweentwomachinesofthisside' : '本方两台机器之间的连接');
    }
  });
});

describe('the trojan reading of a packet logged without a verdict (a LOG rule, [UFW AUDIT]: action other)', () => {
  const audit = (port: number, proto = 'TCP') =>
    allowed['ufw [UFW ALLOW]']!('203.0.113.9', '192.168.1.20').replace('[UFW ALLOW]', '[UFW AUDIT]').replace('DPT=20000', `DPT=${port}`).replace('PROTO=TCP', `PROTO=${proto}`);

  it('says a logging rule saw it and the line does not say whether it got through, not that it was blocked (trojan, worm)', () => {
    const t = trojan(audit(20000));
    expect(t.text).toMatch(/^Port of the Millennium trojan: someone is looking for machines already infected with it\. A logging rule of the firewall recorded this packet; whether it was then let through is not in the line\./);
    expect(t.text).not.toMatch(BLOCKED_WORDS);
    expect(t.text).not.toMatch(/let this one in/);
    // 1434/udp: SQL Slammer's.
    const w = trojan(audit(1434, 'UDP'));
    expect(w.text).toMatch(/spreads.*: an infected machine, or a scanner trying the same exploit, is looking for hosts to infect\. A logging rule of the firewall recorded this packet; whether it was then let through is not in the line\./);
    expect(w.text).not.toMatch(/blocked, it does no harm/);
  });

  it('in Chinese too, without the blocked probe', () => {
    for (const line of [audit(20000), audit(1434, 'UDP')]) {
      const t = trojan(line, 'zh').text;
      expect(t).toContain('这条记录来自防火墙的日志规则，未注明该包随后是否被放行');
      expect(t).not.toMatch(/被拦截/);
    }
  });

  it('`logscan explain trojan` heads each text with the case it is for, none "blocked, or logged without a verdict" (en, zh)', () => {
    const en = runCli(['explain', 'trojan', '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    const unwrapped = en.stdout.replace(/\n\s+/g, ' ');
    for (const kind of ['a worm', 'a trojan or backdoor']) {
      expect(unwrapped).toContain(`The port's malware is ${kind}; blocked (dropped or rejected): Port`);
      expect(unwrapped).toContain(`The port's malware is ${kind}; logged without a verdict: Port`);
    }
    expect(unwrapped).toMatch(/worm; logged without a verdict: Port through which the ‹malware name› spreads: [^:]*A logging rule of the firewall recorded this packet/);
    expect(unwrapped).toMatch(/trojan or backdoor; logged without a verdict: Port of the ‹malware name›: [^:]*A logging rule of the firewall recorded this packet/);
    expect(unwrapped).not.toContain('blocked, or logged without a verdict');
    const zh = runCli(['explain', 'trojan', '--lang', 'zh']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('该端口的恶意软件是蠕虫；记录时未注明处理结果');
    expect(zh.stdout).toContain('该端口的恶意软件是木马或后门；被拦截（丢弃或拒绝）');
    expect(zh.stdout).not.toContain('被拦截，或记录时未注明处理结果');
  });
});

describe("port-known on a connection the firewall let through between two machines of this side", () => {
  // SSH from one LAN machine to another, which ufw's ALLOW rule logged.
  const ssh = (src: string) =>
    allowed['ufw [UFW ALLOW]']!(src, '192.168.1.20').replace('DPT=20000', 'DPT=22');
  const portKnown = (lang: Lang, src: string) => {
    const r = runCli(['explain', ssh(src), '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.replace(/\n\s+/g, ' ');
    return out.slice(out.indexOf('port-known'));
  };

  it('`explain LINE` says it is a machine of yours using the service, not the text for a probe, at severity 0 (en, zh)', () => {
    const en = portKnown('en', '192.168.1.30');
    expect(en).toMatch(/^port-known\) SSH: a machine of yours using this service on another machine of yours \(a connection the firewall let through between two machines of this side\)/);
    expect(en).not.toMatch(/brute-forced|password guessing/);
    const a = new LineExplainer(kb, 'en', { now: TEST_REF_DATE }).read(ssh('192.168.1.30')).event!.annotations.find((x) => x.id === 'port-known')!;
    expect(a.severity).toBe(0);
    const zh = portKnown('zh', '192.168.1.30');
    expect(zh).toMatch(/^port-known） SSH：本方一台机器在使用另一台本方机器上的这项服务/);
  });

  it('from elsewhere, or blocked between two machines of this side, keeps the port\'s own text', () => {
    expect(portKnown('en', '203.0.113.9')).toMatch(/^port-known\) SSH: SSH remote login/);
    const r = runCli(['explain', ssh('192.168.1.30').replace('[UFW ALLOW]', '[UFW BLOCK]')]);
    expect(r.stdout.replace(/\n\s+/g, ' ')).toMatch(/port-known\) SSH: SSH remote login/);
  });

  it('`logscan explain port-known` lists both texts under their cases', () => {
    const r = runCli(['explain', 'port-known']);
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.replace(/\n\s+/g, ' ');
    expect(out).toContain('Let through between two machines of this side: ‹port name›: a machine of yours using this service');
    expect(out).toContain("Any other packet to the port, read as a probe (from elsewhere, or not logged as allowed): ‹port name›: ‹its meaning›");
  });
});
