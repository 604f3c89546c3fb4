// `logscan explain ADDRESS`: what a special-purpose range means (signatures/addresses.json),
// narrowest first; refused when the data is wrong; overridable with --signatures.
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { runExplain } from '../../src/cli/explain.js';
import { SignatureError } from '../../src/errors.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { parseQuery } from '../../src/knowledge/query.js';
import { builtinWith, entry, tempDir, writeDoc } from './helpers.js';
import { addressRange } from '../../src/aggregate/summary.js';
import { isValidAddressText } from '../../src/parsers/address.js';

const kb = loadKnowledge();
const ids = (ip: string) => kb.lookupAddress(ip).map((a) => a.id);

describe('special-purpose addresses', () => {
  it('every range an address falls in, narrowest first; none for a public address', () => {
    expect(ids('224.0.0.251')).toEqual(['mdns-group', 'local-network-control', 'multicast']);
    expect(ids('239.255.255.250')).toEqual(['ssdp-group', 'admin-scoped-multicast', 'multicast']);
    expect(ids('255.255.255.255')).toEqual(['limited-broadcast', 'reserved-240']);
    expect(ids('100.100.7.1')).toEqual(['shared-cgnat']);
    expect(ids('169.254.169.254')).toEqual(['cloud-metadata', 'link-local']);
    expect(ids('172.31.255.255')).toEqual(['private-172']);
    expect(ids('172.32.0.1')).toEqual([]);
    expect(ids('8.8.8.8')).toEqual([]);
    // IPv6: a zone id is not part of the address; an IPv4-mapped address is also the IPv4 one.
    expect(ids('fe80::1%eth0')).toEqual(['v6-link-local']);
    expect(ids('ff02::1:ff3a:1b2c')).toEqual(['v6-solicited-node', 'v6-multicast']);
    expect(ids('::ffff:10.1.2.3')).toEqual(['v4-mapped', 'private-10']);
    expect(ids('2001:db8::7')).toEqual(['v6-documentation']);
    expect(ids('2606:4700::1111')).toEqual([]);
  });

  it('an address is an address query; a port, a range or a word is not', () => {
    expect(parseQuery('224.0.0.251').kind).toBe('address');
    expect(parseQuery('fe80::1').kind).toBe('address');
    expect(parseQuery('6776').kind).toBe('port');
    expect(parseQuery('1.2.3').kind).toBe('search');
    expect(parseQuery('300.1.1.1').kind).toBe('search');
  });

  it('says what each range is in English and Chinese, with the RFC, and a public address plainly', async () => {
    const en = await runExplain(['224.0.0.251', '8.8.8.8'], { outputFormat: 'table', lang: 'en', signatures: [], width: 100, color: false });
    expect(en).toContain('224.0.0.251 — address');
    expect(en).toMatch(/224\.0\.0\.251\/32 {2}mDNS \(Bonjour\/Avahi\) group {2}RFC 6762/);
    expect(en).toContain('8.8.8.8 — address\n  An ordinary public address');
    const zh = await runExplain(['fe80::1'], { outputFormat: 'table', lang: 'zh', signatures: [], width: 100, color: false });
    expect(zh).toContain('IPv6 链路本地地址');
    const json = JSON.parse(await runExplain(['100.64.0.1'], { outputFormat: 'json', lang: 'en', signatures: [], width: 100 })) as { kind: string; addresses: { id: string; ref: string }[] }[];
    expect(json[0]).toMatchObject({ kind: 'address', addresses: [{ id: 'shared-cgnat', ref: 'RFC 6598' }] });
    for (const a of kb.addresses) {
      expect(a.text.zh, a.id).toMatch(/[\u4e00-\u9fff]/);
      expect(a.text.zh, a.id).not.toBe(a.text.en);
    }
  });

  it('a range that does not parse is refused, naming the entry and the field', () => {
    const dir = builtinWith('addresses.json', (d) => (entry(d, 'loopback').range = '127.0.0.0/33'));
    let err: unknown = null;
    try {
      loadKnowledge({ builtinDir: dir });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SignatureError);
    expect((err as SignatureError).entry).toBe('loopback');
    expect((err as SignatureError).message).toContain('.range: must be an IPv4 or IPv6 range');
  });

  it('--signatures adds your own networks, narrowest first like the rest', () => {
    const dir = tempDir();
    writeDoc(dir, 'addresses.json', {
      schemaVersion: 1,
      entries: [{ id: 'office-vpn', range: '10.8.0.0/24', name: { en: 'Office VPN clients', zh: '办公室 VPN 客户端' }, text: { en: 'Our WireGuard peers.', zh: '我们的 WireGuard 对端。' }, ref: 'ops wiki' }],
    });
    const mine = loadKnowledge({ extraDirs: [dir] });
    expect(mine.lookupAddress('10.8.0.5').map((a) => a.id)).toEqual(['office-vpn', 'private-10']);
  });

  it('asSource, when given, is said in both languages; a malformed one is refused', () => {
    const said = kb.addresses.filter((a) => a.asSource !== null).map((a) => a.id);
    expect(said).toEqual(expect.arrayContaining(['shared-cgnat', 'link-local', 'benchmarking', 'reserved-240', 'multicast']));
    // This side's ranges and the documentation ranges examples use say nothing.
    expect(said).not.toEqual(expect.arrayContaining(['private-10']));
    expect(said.filter((id) => id.startsWith('private-') || id.startsWith('documentation') || id === 'v6-documentation')).toEqual([]);
    for (const a of kb.addresses) if (a.asSource) expect(a.asSource.zh, a.id).toMatch(/[\u4e00-\u9fff]/);
    const dir = builtinWith('addresses.json', (d) => (entry(d, 'shared-cgnat').asSource = { en: 'no Chinese' }));
    expect(() => loadKnowledge({ builtinDir: dir })).toThrow(/shared-cgnat[\s\S]*asSource/);
  });

  it('a dotted quad is answered as ipaddr.js answers it (the IPv4 fast path), for any address', () => {
    const nets = kb.addresses.map((a) => ({ id: a.id, cidr: ipaddr.parseCIDR(a.range) })).filter((n) => n.cidr[0].kind() === 'ipv4');
    const slow = (ip: string): string[] => {
      const addr = ipaddr.IPv4.parse(ip);
      return nets.filter((n) => addr.match(n.cidr as [ipaddr.IPv4, number])).sort((a, b) => b.cidr[1] - a.cidr[1]).map((n) => n.id);
    };
    const octet = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0, 10, 100, 127, 169, 172, 192, 198, 224, 239, 240, 255));
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), (q) => {
        const ip = q.join('.');
        expect(ids(ip), ip).toEqual(slow(ip));
      }),
      { numRuns: 2000 },
    );
    // Not a plain dotted quad: the ipaddr.js path, as before.
    expect(ids(' 10.0.0.1')).toEqual(['private-10']);
    expect(ids('1.2.3')).toEqual([]);
  });
});

describe('an address field that holds no valid IP address (a corrupted line)', () => {
  it("is no range's and no ordinary public address: the report says it is no valid IP address; a zone index or an IPv4-mapped tail is valid", () => {
    for (const ip of ['192.168.1.10055', 'fe80:0000:0000:0000:530f4:caf2:9287:5ada', '10.0.0.256', '1.2.3']) {
      expect(isValidAddressText(ip), ip).toBe(false);
      expect(addressRange(kb, ip, 'en'), ip).toEqual({ id: 'invalid-address', range: '', note: 'not a valid IP address as logged' });
    }
    expect(addressRange(null, '192.168.1.10055', 'zh')?.note).toBe('记录中的地址不是有效的 IP 地址');
    for (const ip of ['fe80::1%eth0', '::ffff:10.1.2.3', '2001:DB8::1', '8.8.8.8']) expect(isValidAddressText(ip), ip).toBe(true);
    expect(addressRange(kb, '8.8.8.8', 'en')).toBeNull();
    expect(addressRange(kb, '100.64.1.1', 'en')?.id).toBe('shared-cgnat');
  });
});
