// The built-in knowledge base: the facts the brief and the seeds pin down, the lookup
// contract (best first, shared frozen empty array, O(1)), and what the data promises.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuMs } from '../helpers/cpu-time.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SIGNATURES_DIR, loadKnowledge } from '../../src/knowledge/load.js';
import { loadAnnotationRules } from '../../src/annotate/rules.js';

const kb = loadKnowledge();
const ids = (list: readonly { id: string }[]): string[] => list.map((e) => e.id);
const SEEDS = readdirSync(new URL('../../../shared/seeds/', import.meta.url)).filter((f) => f.endsWith('.txt'));

describe('lookups', () => {
  it('returns every meaning of a port, best first', () => {
    expect(ids(kb.lookup('tcp', 6776))).toEqual(['sub7-artifact', 'ultors-6776']);
    expect(ids(kb.lookup('tcp', 21))[0]).toBe('ftp');
    expect(ids(kb.lookup('tcp', 21))).toEqual(expect.arrayContaining(['doly-trojan-21', 'blade-runner-21', 'wincrash-21', 'fore-21', 'invisible-ftp-21', 'webex-21']));
    expect(ids(kb.lookup('tcp', 8080))).toEqual(['http-alt-8080', 'http-proxy-8080']);
    expect(ids(kb.lookup('tcp', 1024))).toEqual(['dynamic-1024', 'yai-1024']);
  });

  it('knows the protocol: udp 33500 is traceroute, tcp 33500 is nothing; 7070 is the TCP control channel', () => {
    expect(ids(kb.lookup('udp', 33500))).toEqual(['traceroute']);
    expect(kb.lookup('tcp', 33500)).toHaveLength(0);
    expect(ids(kb.lookup('udp', 33601))).toEqual([]);
    expect(ids(kb.lookup('udp', 7000))).toEqual(['realaudio', 'remote-grab-7000']);
    expect(ids(kb.lookup('tcp', 7070))).toEqual(['realaudio-control']);
    expect(ids(kb.lookup('udp', 22))).toEqual(['pcanywhere-22-udp']);
  });

  it('a range entry answers for every port inside it and none outside', () => {
    for (const p of [32770, 32800, 32900]) expect(ids(kb.lookup('tcp', p))).toEqual(['solaris-rpc']);
    expect(kb.lookup('tcp', 32769)).toHaveLength(0);
    expect(kb.lookup('tcp', 32901)).toHaveLength(0);
    expect(ids(kb.lookup('udp', 27930))).toEqual(['quake-servers']);
    expect(ids(kb.lookup('udp', 27910))).toEqual(['quake2', 'quake-servers']);
  });

  it('the empty answer is one shared frozen array, also for nonsense ports', () => {
    const none = kb.lookup('tcp', 60001);
    expect(none).toHaveLength(0);
    expect(Object.isFrozen(none)).toBe(true);
    expect(kb.lookup('udp', 60002)).toBe(none);
    expect(kb.lookupSource('tcp', 30000)).toBe(none);
    for (const p of [-1, 65536, 1.5, Number.NaN]) expect(kb.lookup('tcp', p)).toBe(none);
  });

  it('entries and lists are frozen (shared between events)', () => {
    const [e] = kb.lookup('tcp', 6776);
    expect(Object.isFrozen(kb.lookup('tcp', 6776))).toBe(true);
    expect(Object.isFrozen(e)).toBe(true);
    expect(Object.isFrozen(e.text)).toBe(true);
    expect(Object.isFrozen(e.protocols)).toBe(true);
    // Ports with the same meanings share one list: the index does not copy per port.
    expect(kb.lookup('udp', 33434)).toBe(kb.lookup('udp', 33600));
  });

  it('source ports: specific first, srcport-low as the fallback', () => {
    expect(ids(kb.lookupSource('udp', 53))).toEqual(['srcport-dns', 'srcport-low']);
    expect(ids(kb.lookupSource('tcp', 3))).toEqual(['srcport-sscan', 'srcport-low']);
    expect(ids(kb.lookupSource('udp', 3))).toEqual(['srcport-low']);
    expect(ids(kb.lookupSource('tcp', 20))).toEqual(['srcport-ftp-data', 'srcport-low']);
    expect(ids(kb.lookupSource('udp', 4000))).toEqual(['srcport-icq']);
    expect(ids(kb.lookupSource('udp', 137))).toEqual(['srcport-service-netbios', 'srcport-low']);
    expect(ids(kb.lookupSource('tcp', 137))).toEqual(['srcport-low']);
    expect(ids(kb.lookupSource('udp', 27950))).toEqual(['srcport-game']);
    expect(ids(kb.lookupSource('tcp', 61000))).toEqual(['srcport-masquerade']);
    expect(ids(kb.lookupSource('tcp', 60999))).toEqual([]);
    expect(ids(kb.lookupSource('udp', 900))).toEqual(['srcport-low']);
    // Every source-port meaning has its rule (several entries may share one: srcport-service).
    const rules = new Set(loadAnnotationRules().rules.filter((r) => r.kind === 'source-port').map((r) => r.id));
    for (const e of kb.sourceEntries) expect(rules, e.id).toContain(e.annotation);
  });

  it('port classes with their boundaries', () => {
    expect([0, 1023, 1024, 49151, 49152, 65535].map((p) => kb.portClass(p).id)).toEqual([
      'well-known', 'well-known', 'registered', 'registered', 'dynamic', 'dynamic',
    ]);
    expect(kb.portClass(1024).text.en).toContain('32768');
    expect(() => kb.portClass(65536)).toThrow(RangeError);
  });

  it('search by id, name, family or category, punctuation-insensitive', () => {
    expect(ids(kb.search('sub7'))).toEqual([
      'sub7-1234', 'sub7-1243', 'sub7-2772', 'sub7-2773', 'sub7-6711', 'sub7-artifact', 'sub7-7215', 'sub7-27374', 'sub7-54283',
    ]);
    expect(ids(kb.search('back-orifice'))).toEqual(['back-orifice-31337', 'back-orifice-31338']);
    expect(ids(kb.search('Back Orifice'))).toEqual(['back-orifice-31337', 'back-orifice-31338']);
    expect(ids(kb.search('netbus'))).toEqual(['netbus-12345', 'netbus-12346', 'netbus-pro-20034']);
    expect(ids(kb.search('冰河'))).toEqual(['binghe-7626']);
    expect(kb.search('worm').every((e) => e.category === 'worm' || /worm/i.test(e.name.en + e.id))).toBe(true);
    expect(kb.search('no-such-thing')).toHaveLength(0);
  });

  it('loads and indexes in a few milliseconds, looks up in nanoseconds', () => {
    loadKnowledge(); // warm the JIT like a real run's first use would not; keep the bound generous
    expect(cpuMs(() => loadKnowledge())).toBeLessThan(100);
    let n = 0;
    const lookups = cpuMs(() => {
      for (let i = 0; i < 1_000_000; i++) n += kb.lookup('tcp', i & 0xffff).length;
    });
    expect(n).toBeGreaterThan(0);
    expect(lookups).toBeLessThan(500);
  });
});

describe('the brief and the seeds, as data', () => {
  const sub7 = (port: number) => kb.lookup('tcp', port).find((e) => e.family?.en === 'Sub-7');
  it('every Sub-7 port with its role', () => {
    expect(sub7(1243)?.name.en).toMatch(/old default/);
    expect(sub7(2772)?.name.en).toMatch(/screen capture/);
    expect(sub7(2773)?.name.en).toMatch(/keylogger/);
    expect(sub7(6711)).toBeDefined();
    expect(sub7(7215)?.name.en).toMatch(/matrix/);
    expect(sub7(27374)?.name.en).toMatch(/2\.x/);
    expect(sub7(54283)?.name.en).toMatch(/spy/);
    expect(sub7(1243)?.name.zh).toBe('Sub-7（旧版默认端口）');
    expect(sub7(2773)?.name.zh).toBe('Sub-7（键盘记录）');
    const artifact = sub7(6776)!;
    expect(artifact.id).toBe('sub7-artifact');
    expect(artifact.text.en).toMatch(/previous holder/);
    expect(artifact.text.en).toMatch(/not proof of infection/);
    expect(artifact.text.zh).toMatch(/不代表你已中毒/);
  });

  it.each([
    [31337, 'Back Orifice'], [31338, 'Back Orifice'], [12345, 'NetBus'], [12346, 'NetBus'], [20034, 'NetBus'],
    [7626, 'Glacier (冰河)'], [2140, 'Deep Throat'], [3150, 'Deep Throat'], [5554, 'Sasser'], [135, 'Blaster'],
    [2745, 'Bagle'], [3127, 'MyDoom'],
  ] as const)('%i belongs to %s', (port, family) => {
    expect(kb.lookup('tcp', port).map((e) => e.family?.en)).toContain(family);
  });

  it('a trojan squatting on a TCP service port below 1024 speaks TCP: UDP 80 is not Executor', () => {
    const squatters = kb.entries.filter((e) => {
      if (e.category !== 'trojan' || e.from > 1023) return false;
      const service = kb.lookup('tcp', e.from).find((s) => s.category !== 'trojan');
      return service !== undefined && !service.protocols.includes('udp');
    });
    expect(ids(squatters)).toEqual(expect.arrayContaining(['executor-80', 'ringzero-80', 'doly-trojan-21', 'tiny-telnet-server-23', 'antigen-25', 'promail-110']));
    for (const e of squatters) expect(e.protocols, e.id).toEqual(['tcp']);
    expect(ids(kb.lookup('udp', 80))).toEqual([]);
    expect(ids(kb.lookup('tcp', 80))).toEqual(['http', 'executor-80', 'ringzero-80']);
  });

  it('a family the seeds name in Chinese reads in English too, and in Chinese as they wrote it', () => {
    const fam = (port: number) => kb.lookup('tcp', port).find((e) => e.category === 'trojan')?.family;
    expect(fam(7626)).toEqual({ en: 'Glacier (冰河)', zh: '冰河' });
    expect(fam(6267)).toEqual({ en: 'Guangwai Girl (广外女生)', zh: '广外女生' });
    expect(fam(19191)).toEqual({ en: 'Blue Fire (蓝色火焰)', zh: '蓝色火焰' });
    // No English family name is left in Chinese characters alone.
    for (const e of kb.entries) if (e.family) expect(e.family.en, e.id).toMatch(/[A-Za-z]/);
  });

  it('severity follows the guidance', () => {
    const sev = (id: string) => kb.entries.find((e) => e.id === id)!.severity;
    expect(sev('http')).toBeLessThanOrEqual(2);
    expect([sev('rdp'), sev('mssql'), sev('smb'), sev('netbios-ssn')]).toEqual([3, 3, 3, 3]);
    expect(sev('back-orifice-31337')).toBe(4);
    expect(sev('sasser-5554')).toBeGreaterThanOrEqual(4);
    expect([sev('dhcp-server'), sev('dhcp-client'), sev('rwho'), sev('corba-iiop'), sev('inoculan')]).toEqual([0, 0, 0, 0, 0]);
    for (const e of kb.entries.filter((x) => x.category === 'trojan' && x.id !== 'sub7-artifact')) expect(e.severity).toBe(4);
  });

  it('malware entries name a family; others do not pretend to', () => {
    for (const e of kb.entries) {
      if (e.category === 'trojan' || e.category === 'worm') expect(e.family, e.id).not.toBeNull();
      if (['service', 'game', 'noise', 'infrastructure', 'dynamic'].includes(e.category)) expect(e.family, e.id).toBeNull();
    }
  });

  it('every entry cites an existing seed (or "logscan" for the few modern ports beyond them) and has both languages', () => {
    for (const e of [...kb.entries, ...kb.sourceEntries, ...kb.portClasses]) {
      expect([...SEEDS, 'logscan'], e.id).toContain(e.source);
      expect(e.text.en.length, e.id).toBeGreaterThan(20);
      expect(e.text.zh, e.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a meaning does not open by restating the name (port-known prints "{name}: {text}", explain prints both side by side)', () => {
    const restated = (name: string, text: string) => text.startsWith(name) && /^[:.：。,，]/.test(text.slice(name.length));
    const found = kb.entries.flatMap((e) => (['en', 'zh'] as const).filter((l) => restated(e.name[l], e.text[l])).map((l) => `${e.id} ${l}`));
    expect(found).toEqual([]);
    expect(restated('Telnet', 'Telnet: unencrypted remote login.')).toBe(true);
    expect(restated('Doly Trojan 木马', 'Doly Trojan 木马的监听端口')).toBe(false);
  });

  it('entries beyond the seed documents stay few and are modern services', () => {
    const extra = kb.entries.filter((e) => e.source === 'logscan');
    expect(extra.length).toBeGreaterThan(0);
    // Services that dominate today's scans and VPN/mail ports a firewall sees daily, and the
    // Windows services a host firewall's own log is full of (7680, 5357, 2869, 3544); not a port list.
    expect(extra.length).toBeLessThan(64);
    expect(extra.map((e) => e.from)).toContain(2323);
    const windows = extra.filter((e) => [7680, 5357, 2869, 3544].includes(e.from)).map((e) => `${e.from}/${e.protocols.join('+')} ${e.id}`);
    expect(windows.sort()).toEqual(['2869/tcp upnp-event-icslap', '3544/udp teredo', '5357/tcp wsdapi', '7680/tcp windows-delivery-optimization']);
  });

  it('built-in entries state their severity explicitly (the category default is for local rules)', () => {
    const doc = JSON.parse(readFileSync(join(BUILTIN_SIGNATURES_DIR, 'ports.json'), 'utf8')) as { entries: { id: string; severity?: number }[] };
    expect(doc.entries.filter((e) => e.severity === undefined).map((e) => e.id)).toEqual([]);
  });

  it('every category is used or meant for local rules, and has a name in both languages', () => {
    const used = new Set(kb.entries.map((e) => e.category));
    for (const c of kb.categories) {
      expect(used.has(c.id), c.id).toBe(true);
      expect(c.name.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
