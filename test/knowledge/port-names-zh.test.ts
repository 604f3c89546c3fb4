// The shipped port and source-port names in Chinese (signatures/ports.json,
// source-ports.json): every one translated, written the way the zh texts are
// (full-width brackets, a space between Latin and Chinese), English untouched.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { loadAnnotationRules } from '../../src/annotate/rules.js';

const kb = loadKnowledge();
const all = [...kb.entries, ...kb.sourceEntries];
const CJK = /[\u3400-\u9fff]/;

/**
 * Names with nothing to translate: protocol acronyms, product, service and game names.
 * Their zh name is the English one, except that brackets become full-width.
 */
const PROPER_NOUNS = new Set([
  // destination ports
  'tcpmux', 'echo', 'systat', 'chargen', 'ftp', 'ssh', 'telnet', 'smtp', 'dns', 'tftp', 'finger', 'http', 'kerberos',
  'linuxconf', 'metagram-relay', 'iso-tsap', 'pop2', 'pop3', 'ntp', 'imap', 'snmp', 'xdmcp', 'ldap', 'https', 'ike',
  'rlogin', 'kshell', 'rtsp', 'dsf-555', 'ldaps', 'doom', 'imaps', 'msql-1114', 'sub7-1234', 'mssql', 'stone-design-1',
  'netmeeting-t120', 'doly-trojan-21', 'doly-trojan-1011', 'streaming-audio-trojan-1170', 'trojan-cow-2001', 'icqtrojan-4590', 'satanz-backdoor-666', 'issd', 'l2tp', 'xinuexpansion4', 'nfs', 'msmq-rpc-2103', 'msmq-rpc-2105', 'squid-icp', 'dec-notes',
  'pcanywhere', 'x11', 'sub7-6711', 'unreal', 'unreal-tournament', 'netbus-12345', 'netbus-12346', 'netbus-pro-20034',
  'quake', 'hexen2', 'hexenworld', 'half-life', 'quakeworld', 'quake2', 'tribes', 'heretic2', 'back-orifice-31337',
  'mysql', 'postgresql', 'redis', 'elasticsearch', 'mdns', 'mongodb', 'memcached', 'sip', 'mikrotik-winbox',
  'docker-api', 'ws-discovery', 'dns-over-tls', 'openvpn', 'pptp', 'kibana', 'weblogic', 'webmin', 'kubelet', 'wireguard', 'quic-https', 'home-assistant',
  // source ports
  'srcport-service-ike', 'srcport-service-syslog',
]);

/** The English name as Chinese text writes it: full-width brackets and quotes. */
const fullWidth = (s: string): string => s.replace(/ ?\(/g, '（').replace(/\)/g, '）').replace(/"([^"]*)"/g, '“$1”');

describe('Chinese port names', () => {
  it('cover all 337 ports and 17 source ports', () => {
    expect(kb.entries).toHaveLength(337);
    expect(kb.sourceEntries).toHaveLength(17);
  });

  it('every name is translated, or is a listed proper noun written as in English', () => {
    const untranslated = all.filter((e) => !CJK.test(e.name.zh) && !PROPER_NOUNS.has(e.id)).map((e) => `${e.id}: ${e.name.zh}`);
    expect(untranslated).toEqual([]);
    const wrong = all.filter((e) => PROPER_NOUNS.has(e.id) && e.name.zh !== fullWidth(e.name.en)).map((e) => `${e.id}: ${e.name.zh}`);
    expect(wrong).toEqual([]);
    // A stale list entry would hide a translation that went missing.
    const translated = all.filter((e) => PROPER_NOUNS.has(e.id) && CJK.test(e.name.zh)).map((e) => e.id);
    expect(translated).toEqual([]);
    expect(all.filter((e) => PROPER_NOUNS.has(e.id))).toHaveLength(PROPER_NOUNS.size);
  });

  it('are written the Chinese way: full-width brackets, a space between Latin and Chinese, no stray spaces', () => {
    const bad = all
      .map((e) => e.name.zh)
      .filter((n) => /[()]/.test(n) || /[A-Za-z0-9][\u3400-\u9fff]|[\u3400-\u9fff][A-Za-z0-9]/.test(n) || /\s[（）]|（\s|\s）|\s{2}|^\s|\s$/.test(n));
    expect(bad).toEqual([]);
  });

  it('a family already named a trojan or backdoor is not called one again (not "Doly Trojan 木马")', () => {
    // A family called just "BackDoor" keeps 木马: without it the name reads as a word, not a name.
    const says = (f: string): boolean => /trojan|backdoor/i.test(f) && !/^(trojan|backdoor)$/i.test(f);
    const twice = kb.entries
      .filter((e) => says(e.family?.en ?? '') && /木马|后门/.test(e.name.zh))
      .map((e) => `${e.id}: ${e.name.zh}`);
    expect(twice).toEqual([]);
    const texts = all.filter((e) => /\b(\w*trojan|backdoor) (木马|后门)/i.test(e.text.zh)).map((e) => e.id);
    expect(texts).toEqual([]);
    expect(all.filter((e) => /trojan trojan|backdoor trojan/i.test(e.text.en)).map((e) => e.id)).toEqual([]);
  });

  it('some names, as a reader sees them', () => {
    const zh = (id: string) => all.find((e) => e.id === id)?.name.zh;
    expect(zh('rdp')).toBe('远程桌面（RDP）');
    expect(zh('netbios-ns')).toBe('NetBIOS 名称服务');
    expect(zh('port-zero')).toBe('0 端口（保留）');
    expect(zh('smb')).toBe('SMB/CIFS（直连）');
    expect(zh('http-alt-8080')).toBe('HTTP 备用端口');
    expect(zh('sub7-1243')).toBe('Sub-7（旧版默认端口）');
    expect(zh('binghe-7626')).toBe('冰河木马');
    expect(zh('srcport-masquerade')).toBe('可能是 Linux NAT');
  });

  it('leave the English names and the families as they were', () => {
    const en = (id: string) => all.find((e) => e.id === id)?.name.en;
    expect(en('rdp')).toBe('Remote Desktop (RDP)');
    expect(en('sub7-artifact')).toBe('Sub-7 data channel / artifact');
    expect(en('back-orifice-31337')).toBe('Back Orifice ("elite")');
    expect(en('srcport-low')).toBe('low source port');
    expect(kb.entries.find((e) => e.id === 'binghe-7626')?.family?.zh).toBe('冰河');
    expect(kb.entries.find((e) => e.id === 'sub7-artifact')?.family).toEqual({ en: 'Sub-7', zh: 'Sub-7' });
  });

  it('are stored as {en, zh} in the shipped files (the plain string is for old local files only)', () => {
    for (const file of ['ports.json', 'source-ports.json']) {
      const doc = JSON.parse(readFileSync(new URL(`../../signatures/${file}`, import.meta.url), 'utf8')) as { entries: { id: string; name: unknown }[] };
      expect(doc.entries.filter((e) => typeof e.name === 'string').map((e) => e.id), file).toEqual([]);
    }
  });

  it('a source-port entry of the same id as its annotation goes by that annotation\'s name: `explain srcport-low` and the why line say one name', () => {
    const rules = loadAnnotationRules().rules;
    const same = kb.sourceEntries.filter((e) => e.id === e.annotation);
    expect(same.map((e) => e.id)).toContain('srcport-low');
    for (const e of same) {
      const rule = rules.find((r) => r.id === e.id);
      expect(rule, e.id).toBeDefined();
      expect(e.name, e.id).toEqual(rule!.name);
    }
  });
});
