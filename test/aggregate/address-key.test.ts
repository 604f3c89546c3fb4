import { describe, expect, it } from 'vitest';
import { addressKey } from '../../src/aggregate/address-key.js';
import { summarize } from '../helpers/summary-events.js';
import { at, makeEvent } from '../helpers/events.js';

describe('addressKey: one spelling per IPv6 address (RFC 5952)', () => {
  it('compresses the kernel\'s full form and lower-cases', () => {
    expect(addressKey('fe80:0000:0000:0000:f790:7af6:4a34:ad58')).toBe('fe80::f790:7af6:4a34:ad58');
    expect(addressKey('2001:0DB8:0000:0000:0001:0000:0000:0001')).toBe('2001:db8::1:0:0:1');
    expect(addressKey('0000:0000:0000:0000:0000:0000:0000:0001')).toBe('::1');
    expect(addressKey('2001:db8::1')).toBe('2001:db8::1');
  });
  it('keeps an IPv4-mapped tail dotted and a zone as written', () => {
    expect(addressKey('0000:0000:0000:0000:0000:ffff:c000:0201')).toBe('::ffff:192.0.2.1');
    expect(addressKey('fe80:0000:0000:0000:0000:0000:0000:0001%eth0')).toBe('fe80::1%eth0');
  });
  it('leaves IPv4 and anything that is not an address alone', () => {
    for (const s of ['192.0.2.1', '2001:db8:::1', '12345::1', 'fe80:zz::1', '']) expect(addressKey(s)).toBe(s);
  });
});

describe('the report counts one IPv6 host once, however the logs spelled it', () => {
  it('the full and the compressed form of one address make one profile, shown compressed', () => {
    const r = summarize([
      makeEvent({ time: at(0), src: { ip: '2001:0db8:0000:0000:0000:0000:0000:0bad', port: 40000 }, dst: { ip: '2001:db8::1', port: 22 } }),
      makeEvent({ time: at(1), src: { ip: '2001:db8::bad', port: 40001 }, dst: { ip: '2001:0db8:0000:0000:0000:0000:0000:0001', port: 23 } }),
    ]);
    expect(r.sources.map((s) => s.ip)).toEqual(['2001:db8::bad']);
    expect(r.sources[0]).toMatchObject({ events: 2, ports: 2, hosts: 1 });
  });
});
