import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { homeNetworks } from '../../src/cli/analysis.js';
import { UsageError } from '../../src/errors.js';
import { isEgress, isPrivateAddress, setHomeNetworks } from '../../src/util/egress.js';
import { makeEvent } from '../helpers/events.js';

describe('isPrivateAddress', () => {
  it.each([
    '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.254', '192.168.1.20', '169.254.10.1', '100.64.0.1', '100.127.255.1', '127.0.0.1',
    'fd12:3456:789a::1', 'FC00:0000:0000:0000:0000:0000:0000:0001', 'fe80::1', 'febf::1', '::1', '0000:0000:0000:0000:0000:0000:0000:0001', '::ffff:192.168.0.4',
    // Spellings no firewall writes, of loopback and IPv4-mapped private addresses.
    '0::1', '::0001', '0:0::1', '0000::0001', '::ffff:0a00:0001', '::FFFF:A00:1', '0:0:0:0:0:ffff:10.0.0.1', '0000:0000:0000:0000:0000:ffff:10.0.0.1',
    '0000:0000:0000:0000:0000:FFFF:C0A8:0001', '::ffff:ac10:1', '0:0:0:0:0:ffff:6440:1',
  ])('%s is a local network address', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each([
    '11.0.0.1', '9.255.255.255', '172.15.0.1', '172.32.0.1', '192.169.1.1', '192.0.2.1', '169.253.1.1', '100.63.255.255', '100.128.0.1', '203.0.113.9',
    '2001:db8::1', 'fd::1', 'fd:7:d43b:64c:90a5:23d5:8927:e2f3', 'fc:0:0::1', 'fe8:1::1', 'fec0::1', 'fe7f::1', 'ff02::1', '::ffff:8.8.8.8', '1.10.0.1',
    '::', '0::', '0::2', '::0011', '1::1', '::ffff:0808:0808', '0000:0000:0000:0000:0000:ffff:0808:0808', '0000:0000:0000:0000:0000:fffe:0a00:0001',
    // A private IPv4 address behind another prefix is not that address (NAT64, documentation, IPv4-translated).
    '64:ff9b::10.0.0.1', '2001:db8::192.168.0.1', '::ffff:0:10.0.0.1', '0:0:0:0:0:0:10.0.0.1', '0::zz', 'f::1:2:3:4:5:6:7:8',
  ])('%s is not', (ip) => expect(isPrivateAddress(ip)).toBe(false));
});

describe('isPrivateAddress agrees with ipaddr.js, at random (test/util/local-ranges.test.ts: at the edge of every range)', () => {
  const LOCAL = new Set(['private', 'loopback', 'linkLocal', 'uniqueLocal', 'carrierGradeNat']);
  const v6 = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).chain((groups) =>
    fc.constantFrom(
      groups.map((g) => g.toString(16).padStart(4, '0')).join(':'),
      ipaddr.IPv6.parse(groups.map((g) => g.toString(16)).join(':')).toRFC5952String(),
      groups.map((g) => g.toString(16).padStart(4, '0').toUpperCase()).join(':'),
    ),
  );
  // Bias towards the interesting first bytes, or random addresses would almost never be local.
  const v4 = fc.tuple(fc.constantFrom(10, 100, 127, 169, 172, 192, 11, 203), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map((o) => o.join('.'));
  const v6Local = fc.tuple(fc.constantFrom('fc', 'fd', 'fe', 'ff', 'FE', 'Fd'), fc.constantFrom('00', '80', '9a', 'b0', 'c0', '7f'), v6).map(([a, b, rest]) => `${a}${b}:${rest.split(':').slice(1).join(':')}`);

  it('for IPv4, full-width and compressed IPv6, in any case', () => {
    fc.assert(
      fc.property(fc.oneof(v4, v6, v6Local), (ip) => {
        expect(isPrivateAddress(ip), ip).toBe(LOCAL.has(ipaddr.process(ip).range()));
      }),
      { numRuns: 2000 },
    );
  });

  // Any valid spelling of an address: each group padded with zeros or not, in either case,
  // any run of zero groups (the longest or not, one group or several) written `::`, and an
  // IPv4-mapped address's last two groups in hex or as a dotted quad.
  const group = fc.oneof(fc.constant(0), fc.constant(0), fc.constant(1), fc.constant(0xffff), fc.integer({ min: 0, max: 0xffff }));
  const octetArb = fc.oneof(fc.constantFrom(10, 100, 127, 169, 172, 192, 8), fc.integer({ min: 0, max: 255 }));
  const mapped = fc.tuple(octetArb, octetArb, octetArb, octetArb).map(([a, b, c, d]) => [0, 0, 0, 0, 0, 0xffff, (a << 8) | b, (c << 8) | d]);
  const firstLocal = fc.oneof(fc.integer({ min: 0xfb00, max: 0xfeff }), fc.constantFrom(0xfc, 0xfd, 0xfe8, 0xfc0, 0));
  const groups = fc.oneof(
    fc.array(group, { minLength: 8, maxLength: 8 }),
    fc.constant<number[]>([0, 0, 0, 0, 0, 0, 0, 1]),
    mapped,
    fc.tuple(firstLocal, fc.array(group, { minLength: 7, maxLength: 7 })).map(([g0, rest]) => [g0, ...rest]),
  );
  const spelling = fc.record({
    pad: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 8, maxLength: 8 }),
    upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    run: fc.nat(),
    dotted: fc.boolean(),
  });
  function spell(g: readonly number[], how: { pad: number[]; upper: boolean[]; run: number; dotted: boolean }): string {
    const dotted = how.dotted && g.slice(0, 6).join() === '0,0,0,0,0,65535';
    const hexGroups = dotted ? 6 : 8;
    const text = g.slice(0, hexGroups).map((n, i) => {
      const h = n.toString(16).padStart(how.pad[i]!, '0');
      return how.upper[i] ? h.toUpperCase() : h;
    });
    if (dotted) text.push(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`);
    // Every run of zero groups that may be written `::` (not into the dotted quad), or none.
    const runs: [number, number][] = [];
    for (let i = 0; i < hexGroups; i++) for (let j = i; j < hexGroups && g[j] === 0; j++) runs.push([i, j + 1]);
    const pick = how.run % (runs.length + 1);
    if (pick === runs.length) return text.join(':');
    const [from, to] = runs[pick]!;
    return `${text.slice(0, from).join(':')}::${text.slice(to).join(':')}`;
  }

  it('for any spelling of the same address: padded groups, `::` anywhere it may stand, mapped in hex or dotted', () => {
    fc.assert(
      fc.property(groups, spelling, (g, how) => {
        const ip = spell(g, how);
        // The spelling is valid and is the address it was made from.
        expect(ipaddr.IPv6.isValid(ip), ip).toBe(true);
        expect(ipaddr.IPv6.parse(ip).parts, ip).toEqual(g);
        expect(isPrivateAddress(ip), ip).toBe(LOCAL.has(ipaddr.process(ip).range()));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('isEgress', () => {
  const ev = (direction: 'in' | 'out' | 'forward' | null, src: string, dst: string) => makeEvent({ direction, src: { ip: src }, dst: { ip: dst } });
  it('outbound is this side; inbound and unknown are not', () => {
    expect(isEgress(ev('out', '203.0.113.1', '198.51.100.2'))).toBe(true);
    expect(isEgress(ev('in', '192.168.1.2', '203.0.113.1'))).toBe(false);
    expect(isEgress(ev(null, '192.168.1.2', '203.0.113.1'))).toBe(false);
  });
  it('a loopback source is this host, whichever chain logged it', () => {
    for (const src of ['127.0.0.1', '127.0.0.2', '::1', '0000:0000:0000:0000:0000:0000:0000:0001', '::ffff:127.0.0.1']) {
      expect(isEgress(ev('in', src, '127.0.0.53')), src).toBe(true);
      expect(isEgress(ev(null, src, '127.0.0.53')), src).toBe(true);
    }
    expect(isEgress(ev('in', '128.0.0.1', '127.0.0.53'))).toBe(false);
    expect(isEgress(ev('in', '::11', '::1'))).toBe(false);
  });
  it("pf and pfSense/OPNsense: `in` on an interface from this side to a public address is the LAN's own, as forwarded", () => {
    const inOn = (format: string, src: string, dst: string) => makeEvent({ format, direction: 'in', src: { ip: src }, dst: { ip: dst } });
    expect(isEgress(inOn('pfsense-filterlog', '10.170.12.50', '1.1.1.1'))).toBe(true);
    expect(isEgress(inOn('pf', '192.168.1.2', '203.0.113.1'))).toBe(true);
    expect(isEgress(inOn('pfsense-filterlog', '203.0.113.1', '192.168.1.2'))).toBe(false);
    expect(isEgress(inOn('pfsense-filterlog', '10.170.12.50', '10.170.12.1'))).toBe(false);
    // netfilter's `in` (INPUT) is addressed to this host: a probe, as before.
    expect(isEgress(inOn('iptables', '192.168.1.2', '203.0.113.1'))).toBe(false);
  });
  it("Cisco ASA: a connection 'Built inbound' from this side to a public address is the LAN's own (inbound: opened from the lower-security interface, not from the Internet)", () => {
    // metron_asa_raw.log: `Built inbound TCP connection … for outside:10.22.8.97/65195 … to inside:17.111.72.212/5223`.
    const built = (src: string, dst: string) => makeEvent({ format: 'cisco-asa', rule: 'ASA-6-302013', direction: 'in', action: 'allow', src: { ip: src }, dst: { ip: dst } });
    expect(isEgress(built('10.22.8.97', '17.111.72.212'))).toBe(true);
    // From the Internet to a DMZ server, or between two machines of this side: not egress.
    expect(isEgress(built('147.111.72.16', '10.22.8.53'))).toBe(false);
    expect(isEgress(built('10.22.8.17', '10.22.8.12'))).toBe(false);
  });
  it('Cisco ASA: a Teardown (no direction) between a LAN client and a public server is the LAN\'s own; from a public address it is not', () => {
    // metron_asa_raw.log: `Teardown TCP connection … for outside:10.22.8.62/56471 to inside:208.111.72.1/443 … TCP FINs`.
    const teardown = (src: string, dst: string) => makeEvent({ format: 'cisco-asa', rule: 'ASA-6-302014', direction: null, action: 'allow', src: { ip: src }, dst: { ip: dst } });
    expect(isEgress(teardown('10.22.8.62', '208.111.72.1'))).toBe(true);
    expect(isEgress(teardown('147.111.72.16', '10.22.8.53'))).toBe(false);
    // A host firewall's record without a direction says nothing of the way through a device.
    expect(isEgress({ ...teardown('10.22.8.62', '208.111.72.1'), format: 'iptables' })).toBe(false);
  });
  it('forwarded: from a local network to a public unicast address only', () => {
    expect(isEgress(ev('forward', '192.168.1.2', '203.0.113.1'))).toBe(true);
    expect(isEgress(ev('forward', 'fd00:1::2', '2001:db8::1'))).toBe(true);
    expect(isEgress(ev('forward', '203.0.113.1', '192.168.1.2'))).toBe(false);
    expect(isEgress(ev('forward', '192.168.1.2', '10.1.1.1'))).toBe(false);
    expect(isEgress(ev('forward', '203.0.113.1', '198.51.100.2'))).toBe(false);
    expect(isEgress(ev('forward', '192.168.1.2', '239.255.255.250'))).toBe(false);
    expect(isEgress(ev('forward', '192.168.1.2', '203.0.113.255'))).toBe(false);
    expect(isEgress(ev('forward', 'fd00:1::2', '::'))).toBe(false);
  });
  it('--home-net names this side instead: a public DMZ going out is egress, the private ranges only when listed', () => {
    setHomeNetworks(homeNetworks(['203.0.113.0/28', '2001:db8:1::/48']));
    try {
      expect(isEgress(ev('forward', '203.0.113.5', '198.51.100.2'))).toBe(true);
      expect(isEgress(ev('forward', '2001:db8:1::5', '2001:db8:2::1'))).toBe(true);
      expect(isEgress(ev('forward', '::ffff:203.0.113.5', '198.51.100.2'))).toBe(true);
      // Inside the home networks, into them, or from outside them: not this side going out.
      expect(isEgress(ev('forward', '203.0.113.5', '203.0.113.9'))).toBe(false);
      expect(isEgress(ev('forward', '198.51.100.2', '203.0.113.5'))).toBe(false);
      expect(isEgress(ev('forward', '203.0.113.16', '198.51.100.2'))).toBe(false);
      expect(isEgress(ev('forward', '192.168.1.2', '198.51.100.2'))).toBe(false);
      // Outbound is outbound whatever the networks.
      expect(isEgress(ev('out', '198.51.100.7', '198.51.100.2'))).toBe(true);
    } finally {
      setHomeNetworks(null);
    }
    expect(isEgress(ev('forward', '192.168.1.2', '198.51.100.2'))).toBe(true);
  });
  it('--home-net with something that is no network is a usage error naming it', () => {
    expect(homeNetworks([])).toBeNull();
    expect(() => homeNetworks(['10.0.0.0/8', '10.0.0.0/33'])).toThrow(UsageError);
    expect(() => homeNetworks(['lan'])).toThrow('--home-net: "lan" is not an address or CIDR range');
  });
});
