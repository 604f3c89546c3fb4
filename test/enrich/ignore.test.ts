import { describe, expect, test } from 'vitest';
import { parseIgnoreList } from '../../src/enrich/ignore.js';
import { UsageError } from '../../src/errors.js';
import { makeEvent } from '../helpers/events.js';

const LIST = `
# our monitoring host and the office
192.0.2.10
198.51.100.0/25     # office
198.51.100.128/25   # merged with the line above
2001:db8:1::/48
port 5353           # mDNS, any protocol
port 1900/udp       # SSDP
port 6000-6002/tcp
iface lo
`;

describe('--ignore list', () => {
  const list = parseIgnoreList(LIST, 'ignore.txt');

  test('counts the entries by kind', () => {
    expect(list.counts).toEqual({ networks: 4, ports: 3, ifaces: 1 });
  });

  test('IPv4 addresses and CIDR ranges (merged intervals)', () => {
    expect(list.matches(makeEvent({ src: { ip: '192.0.2.10' } }))).toBe(true);
    expect(list.matches(makeEvent({ src: { ip: '192.0.2.11' } }))).toBe(false);
    expect(list.matches(makeEvent({ src: { ip: '198.51.100.0' } }))).toBe(true);
    expect(list.matches(makeEvent({ src: { ip: '198.51.100.255' } }))).toBe(true);
    expect(list.matches(makeEvent({ src: { ip: '198.51.101.0' } }))).toBe(false);
    expect(list.matches(makeEvent({ src: { ip: '0.0.0.0' } }))).toBe(false);
  });

  test('IPv6 ranges, and IPv4-mapped IPv6 against the IPv4 ranges', () => {
    expect(list.matches(makeEvent({ src: { ip: '2001:db8:1:ffff::1' }, ipVersion: 6 }))).toBe(true);
    expect(list.matches(makeEvent({ src: { ip: '2001:db8:2::1' }, ipVersion: 6 }))).toBe(false);
    expect(list.matches(makeEvent({ src: { ip: '::ffff:192.0.2.10' }, ipVersion: 6 }))).toBe(true);
    expect(list.matches(makeEvent({ src: { ip: 'fe80::1%eth0' }, ipVersion: 6 }))).toBe(false);
  });

  test('destination ports, by protocol and range', () => {
    expect(list.matches(makeEvent({ proto: 'udp', dst: { port: 5353 } }))).toBe(true);
    expect(list.matches(makeEvent({ proto: 'tcp', dst: { port: 5353 } }))).toBe(true);
    expect(list.matches(makeEvent({ proto: 'udp', dst: { port: 1900 } }))).toBe(true);
    expect(list.matches(makeEvent({ proto: 'tcp', dst: { port: 1900 } }))).toBe(false);
    expect(list.matches(makeEvent({ proto: 'tcp', dst: { port: 6001 } }))).toBe(true);
    expect(list.matches(makeEvent({ proto: 'udp', dst: { port: 6001 } }))).toBe(false);
    // The source port does not count.
    expect(list.matches(makeEvent({ proto: 'udp', src: { port: 5353 }, dst: { port: 53 } }))).toBe(false);
  });

  test('interfaces, in or out', () => {
    expect(list.matches(makeEvent({ inIface: 'lo' }))).toBe(true);
    expect(list.matches(makeEvent({ inIface: null, outIface: 'lo' }))).toBe(true);
    expect(list.matches(makeEvent({ inIface: 'eth0' }))).toBe(false);
  });

  test.each([
    ['port 70000', /ports are 0-65535/],
    ['port 22/icmp', /expected "port N"/],
    ['port 30-20', /a range is low-high/],
    ['iface', /expected "iface NAME"/],
    ['300.1.1.1', /not an address/],
    ['192.0.2.0/33', /not an address/],
    ['hello world', /expected an address/],
  ])('%s is a usage error naming file and line', (line, msg) => {
    expect(() => parseIgnoreList(`# ok\n${line}\n`, 'x.txt')).toThrow(UsageError);
    expect(() => parseIgnoreList(`# ok\n${line}\n`, 'x.txt')).toThrow(/x\.txt:2/);
    expect(() => parseIgnoreList(`# ok\n${line}\n`, 'x.txt')).toThrow(msg);
  });

  test('an empty list (only comments) matches nothing', () => {
    const empty = parseIgnoreList('# nothing\n\n', 'e');
    expect(empty.matches(makeEvent())).toBe(false);
  });
});
