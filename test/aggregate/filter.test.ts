// --source: which events a range keeps, what the report says it asked for, and that it
// reads a range exactly as --ignore and --home-net do (util/address-ranges.ts); relative
// --since/--until.
import { describe, expect, it } from 'vitest';
import { homeNetworks } from '../../src/cli/analysis.js';
import { readFilterOptions } from '../../src/cli/filter-options.js';
import { parseTimeBound } from '../../src/aggregate/filter.js';
import { parseIgnoreList } from '../../src/enrich/ignore.js';
import { UsageError } from '../../src/errors.js';
import { makeEvent } from '../helpers/events.js';

const bySource = (...ranges: string[]) => readFilterOptions({ source: ranges }, null);
const from = (ip: string | null) => makeEvent({ src: { ip } });

describe('--source', () => {
  it('an IPv4-mapped range of /96 or longer is the IPv4 range it carries', () => {
    const w = bySource('::ffff:192.0.2.0/120');
    expect(w.sources).toEqual(['192.0.2.0/24']);
    for (const ip of ['192.0.2.0', '192.0.2.255', '::ffff:192.0.2.9', '::FFFF:192.0.2.9']) expect(w.admits(from(ip)), ip).toBe(true);
    for (const ip of ['192.0.3.0', '192.0.1.255', '2001:db8::1', '::ffff:192.0.3.1']) expect(w.admits(from(ip)), ip).toBe(false);
  });

  it('an IPv4-mapped address with a shorter prefix is an IPv6 network, not every IPv4 source', () => {
    // ::ffff:192.0.2.0/64 is ::/64; it was read as 192.0.2.0/0 and kept all of IPv4.
    const w = bySource('::ffff:192.0.2.0/64');
    expect(w.sources).toEqual(['::/64']);
    for (const ip of ['192.0.2.1', '8.8.8.8', '::ffff:192.0.2.1']) expect(w.admits(from(ip)), ip).toBe(false);
    expect(w.admits(from('::5'))).toBe(true);
  });

  it('says the network it covers, whatever host address was written', () => {
    expect(bySource('203.0.113.77/24', '2001:db8:0:0:1::5/32', '198.51.100.7', ' 10.0.0.0/8 ').sources).toEqual(['203.0.113.0/24', '2001:db8::/32', '198.51.100.7/32', '10.0.0.0/8']);
  });

  it('no source address, or one that is not an address, is never kept', () => {
    const w = bySource('0.0.0.0/0', '::/0');
    expect(w.admits(from(null))).toBe(false);
    expect(w.admits(from('not-an-ip'))).toBe(false);
    expect(w.admits(from('fe80::1%eth0'))).toBe(true);
  });

  it('a value that is no range is a usage error that says what is expected', () => {
    for (const bad of ['300.1.1.1/8', '192.0.2.0/33', '2001:db8::/129', 'lan', '', '192.0.2.0/']) {
      expect(() => bySource(bad), bad).toThrow(UsageError);
      expect(() => bySource(bad), bad).toThrow(`--source: expected an address or CIDR range such as 203.0.113.0/24 or 2001:db8::/32, got "${bad}"`);
    }
  });

  it('only a dotted quad is an IPv4 address: 10/8 and 192.168/16 are refused, not read as 0.0.0.0/8 and 192.0.0.0/16', () => {
    for (const loose of ['10/8', '192.168/16', '10', '3221225985', '0300.0.2.1', '0xc0.0.2.1', '192.0.2.01/32', '::ffff:0x7f.0.0.1', '::ffff:010.0.0.1/120']) {
      expect(() => bySource(loose), loose).toThrow(`--source: expected an address or CIDR range such as 203.0.113.0/24 or 2001:db8::/32, got "${loose}"`);
      expect(() => parseIgnoreList(loose, 'ignore.txt'), loose).toThrow(`--ignore ignore.txt:1: not an address or CIDR range: "${loose}"`);
      expect(() => homeNetworks([loose]), loose).toThrow(`--home-net: "${loose}" is not an address or CIDR range`);
    }
    expect(bySource('0.0.0.0/8', '10.0.0.0/8', 'fe80::1%eth0', '::ffff:10.0.0.1/120').sources).toEqual(['0.0.0.0/8', '10.0.0.0/8', 'fe80::1/128', '10.0.0.0/24']);
  });

  it('reads every range as --ignore and --home-net do', () => {
    const ranges = ['192.0.2.0/24', '198.51.100.7', '::ffff:192.0.2.0/120', '::ffff:192.0.2.0/64', '::ffff:0:0/96', '::/0', '2001:db8::/32', '0.0.0.0/0', 'fe80::/10', '::ffff:203.0.113.9'];
    const addresses = ['192.0.2.1', '192.0.3.1', '198.51.100.7', '198.51.100.8', '8.8.8.8', '::ffff:192.0.2.1', '::ffff:8.8.8.8', '::5', '2001:db8::1', '2001:db9::1', 'fe80::1%eth0', '203.0.113.9'];
    for (const range of ranges) {
      const source = bySource(range);
      const ignore = parseIgnoreList(range, 'ignore.txt');
      const home = homeNetworks([range])!;
      for (const ip of addresses) {
        const kept = source.admits(from(ip));
        expect(ignore.matches(from(ip)), `${range} ${ip}`).toBe(kept);
        expect(home.has(ip), `${range} ${ip}`).toBe(kept);
      }
    }
  });
});

describe('relative --since/--until (parseTimeBound): that long before now', () => {
  const now = new Date('2026-11-03T12:00:00.000Z');
  const bound = (raw: string, tz: string | null = null): string => parseTimeBound('--since', raw, now, tz).toISOString();

  it('30m, 2h and 7d, as README shows them', () => {
    expect(bound('30m')).toBe('2026-11-03T11:30:00.000Z');
    expect(bound('2h')).toBe('2026-11-03T10:00:00.000Z');
    expect(bound('7d')).toBe('2026-10-27T12:00:00.000Z');
  });

  it('the zone plays no part: 7d is 7 × 24 h even across the end of summer time (Berlin, 2026-10-25)', () => {
    for (const tz of ['UTC', 'Europe/Berlin', 'Asia/Tokyo', 'America/St_Johns']) {
      expect([bound('30m', tz), bound('2h', tz), bound('7d', tz)], tz).toEqual(['2026-11-03T11:30:00.000Z', '2026-11-03T10:00:00.000Z', '2026-10-27T12:00:00.000Z']);
    }
  });

  it('the other units and forms the parser takes: seconds, weeks, a fraction, a space, capitals', () => {
    expect(bound('90s')).toBe('2026-11-03T11:58:30.000Z');
    expect(bound('1w')).toBe('2026-10-27T12:00:00.000Z');
    expect(bound('1.5h')).toBe('2026-11-03T10:30:00.000Z');
    expect(bound(' 2 H ')).toBe('2026-11-03T10:00:00.000Z');
  });

  it('several units in a row, as follow --summary-every takes them (2h30m was refused here and taken there)', () => {
    expect(bound('2h30m')).toBe('2026-11-03T09:30:00.000Z');
    expect(bound('1d 12h')).toBe('2026-11-02T00:00:00.000Z');
  });

  it('a duration without a number, with a sign or an unknown unit is a usage error', () => {
    for (const bad of ['h', '-2h', '+2h', '2y', '2hours', '2h30', '2h-30m', '90']) expect(() => bound(bad), bad).toThrow(UsageError);
  });
});
