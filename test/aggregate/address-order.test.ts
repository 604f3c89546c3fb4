import { describe, expect, it } from 'vitest';
import { cmpAddress } from '../../src/aggregate/address-order.js';

describe('cmpAddress', () => {
  it('orders a sweep of IPv4 hosts by number, not by text', () => {
    const hosts = ['192.168.10.10', '192.168.10.2', '192.168.10.1', '192.168.10.11', '10.0.0.255', '192.168.9.200'];
    expect([...hosts].sort(cmpAddress)).toEqual(['10.0.0.255', '192.168.9.200', '192.168.10.1', '192.168.10.2', '192.168.10.10', '192.168.10.11']);
  });

  it('puts IPv4 before IPv6, and IPv6 by number whatever its spelling', () => {
    const xs = ['2001:db8::10', '2001:db8::9', '203.0.113.7', '2001:db8:0:0:0:0:0:a', 'fe80::1%eth0', '::1'];
    expect([...xs].sort(cmpAddress)).toEqual(['203.0.113.7', '::1', '2001:db8::9', '2001:db8:0:0:0:0:0:a', '2001:db8::10', 'fe80::1%eth0']);
  });

  it('puts what is not an address last, in code-unit order, and is a total order', () => {
    const xs = ['gw', 'Alpha', '1.2.3.4', '::', 'not:an:address'];
    const sorted = [...xs].sort(cmpAddress);
    expect(sorted).toEqual(['1.2.3.4', '::', 'Alpha', 'gw', 'not:an:address']);
    for (const a of xs) {
      expect(cmpAddress(a, a)).toBe(0);
      for (const b of xs) expect(Math.sign(cmpAddress(a, b)) + Math.sign(cmpAddress(b, a))).toBe(0);
    }
  });

  it('does not take a dotted string that is no address for one', () => {
    expect(cmpAddress('1.2.3.4', '1.2.3.400')).toBeLessThan(0);
    expect(cmpAddress('999.1.1.1', '1.1.1.1')).toBeGreaterThan(0);
  });
});
