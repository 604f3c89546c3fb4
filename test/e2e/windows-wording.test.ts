// Words that fit every firewall's log, not only iptables': what a record was logged as
// (a prefix, a Windows action, an ASA message id), Windows Firewall's note that it lost
// records, and why --os-hint says nothing for a log without TTLs.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const LOST = '2005-04-11 08:52:26 INFO-EVENTS-LOST - - - - - - - - - - - - 59 -';
const HEADER = '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path';

describe('the "logged as" column', () => {
  it('is headed "logged as" in the HTML report and the daily Markdown and HTML, in both languages', () => {
    const outputs = [
      runCli(['-o', 'html', 'samples/pfirewall.log']).stdout,
      runCli(['daily', '--date', '2026-11-20', '--tz', 'UTC', '-o', 'markdown', 'samples/pfirewall.log']).stdout,
      runCli(['daily', '--date', '2026-11-20', '--tz', 'UTC', '-o', 'html', 'samples/pfirewall.log']).stdout,
    ];
    expect(outputs[0]).toContain('<th scope="col">logged as</th>');
    expect(outputs[1]).toContain('| logged as | records |'); // Windows ALLOW rows are connections, DROP rows packets
    expect(outputs[2]).toContain('<th scope="col">logged as</th>');
    expect(outputs[0]).toContain('<th scope="col">logged as</th><th scope="col" class="n">records</th>');
    expect(outputs[2]).toContain('<th scope="col">logged as</th><th scope="col" class="n">records</th>');
    for (const out of outputs) expect(out).not.toMatch(/log prefix|\/ rule/);
    const zh = [runCli(['-o', 'html', '--lang', 'zh', 'samples/pfirewall.log']).stdout, runCli(['--lang', 'zh', 'samples/pfirewall.log']).stdout];
    expect(zh[0]).toContain('<th scope="col">记录为</th>');
    expect(zh[1]).toMatch(/^记录为 +DROP /m);
    for (const out of zh) expect(out).not.toMatch(/日志前缀|规则/);
  });
});

describe('explain on an INFO-EVENTS-LOST row', () => {
  it('calls it the firewall\'s note of lost events, not a rule or a verdict', () => {
    const en = runCli(['explain', '--tz', 'UTC', HEADER, LOST]).stdout;
    expect(en).toMatch(/^ {2}logged +the firewall's note that 59 events could not be logged$/m);
    expect(en).not.toMatch(/rule logged as|without a verdict/);
    expect(en.replace(/\s+/g, ' ')).toContain('the number follows INFO-EVENTS-LOST on its line');
    const zh = runCli(['explain', '--tz', 'UTC', '--lang', 'zh', HEADER, LOST]).stdout;
    expect(zh).toContain('防火墙自己的说明：有 59 个事件未能写入日志');
    expect(zh).not.toMatch(/规则/);
    const uncounted = runCli(['explain', '--tz', 'UTC', HEADER, LOST.replace(' 59 ', ' - ')]).stdout;
    expect(uncounted).toContain("the firewall's note that some events could not be logged");
  });
});

describe('--os-hint on a log without TTLs', () => {
  it('says once why there is no hint, in every format; not when the sources had TTLs', () => {
    const note = 'no TTL in this log: --os-hint has nothing to read';
    const text = runCli(['--os-hint', 'samples/pfirewall.log']).stdout;
    expect(text.split(note)).toHaveLength(2);
    expect(runCli(['--os-hint', '-o', 'md', 'samples/pfirewall.log']).stdout).toContain(`\n${note}\n`);
    expect(runCli(['--os-hint', '-o', 'html', 'samples/pfirewall.log']).stdout).toContain(`<p class="muted">${note}</p>`);
    expect(runCli(['--os-hint', '--lang', 'zh', 'samples/pfirewall.log']).stdout).toContain('日志中没有 TTL：--os-hint 无从判断');
    const doc = JSON.parse(runCli(['--os-hint', '-o', 'json', '--top', '5', 'samples/pfirewall.log']).stdout) as { osHintsWithoutTtl?: number };
    expect(doc.osHintsWithoutTtl).toBe(5);
    // iptables logs carry TTLs: hints, and no note.
    const ufw = runCli(['--os-hint', 'samples/ufw.log']).stdout;
    expect(ufw).toMatch(/\[TTL \d+/);
    expect(ufw).not.toContain('no TTL');
    expect((JSON.parse(runCli(['--os-hint', '-o', 'json', 'samples/ufw.log']).stdout) as { osHintsWithoutTtl?: number }).osHintsWithoutTtl).toBe(0);
    // Without --os-hint the field is absent.
    expect(JSON.parse(runCli(['-o', 'json', 'samples/pfirewall.log']).stdout)).not.toHaveProperty('osHintsWithoutTtl');
  });

  it('some sources without a TTL among others with one: how many', () => {
    const out = runCli(['--os-hint', '--top', '400', 'samples/ufw.log', 'samples/pfirewall.log']).stdout;
    expect(out).toMatch(/no TTL logged for \d+ of the \d+ sources shown: --os-hint has nothing to read for them/);
  });
});
