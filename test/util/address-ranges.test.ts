// canonicalRanges: the one text of a set of addresses, whatever ranges wrote it, so that
// `daily --state` takes the same --home-net networks, written otherwise, as the same.
import { describe, expect, it } from 'vitest';
import { canonicalRanges, parseAddressRange, type AddressRange } from '../../src/util/address-ranges.js';

const ranges = (...texts: string[]): AddressRange[] => texts.map((t) => parseAddressRange(t)!);
const same = (a: string[], b: string[]): void => expect(canonicalRanges(ranges(...a))).toBe(canonicalRanges(ranges(...b)));

describe('canonicalRanges', () => {
  it('the same addresses: in another order, repeated, split in halves, nested, a host address with its prefix', () => {
    same(['203.0.113.0/24', '10.0.0.0/8'], ['10.0.0.0/8', '203.0.113.0/24', '10.0.0.0/8']);
    same(['203.0.113.0/24'], ['203.0.113.128/25', '203.0.113.0/25']);
    same(['10.0.0.0/8'], ['10.1.0.0/16', '10.0.0.0/8']);
    same(['203.0.113.0/28'], ['203.0.113.9/28']);
    same(['2001:db8::/32'], ['2001:db8:8000::/33', '2001:0db8:0000::/33']);
    same(['2001:db8::/32'], ['2001:db8:1::/48', '2001:db8::/32']);
    // An IPv4-mapped IPv6 range is its IPv4 one; a single address is its /32.
    same(['192.0.2.0/24'], ['::ffff:192.0.2.0/120']);
    same(['192.0.2.7'], ['192.0.2.7/32']);
  });

  it('other addresses: another text', () => {
    expect(canonicalRanges(ranges('203.0.113.0/24'))).not.toBe(canonicalRanges(ranges('203.0.113.0/25')));
    expect(canonicalRanges(ranges('2001:db8::/32'))).not.toBe(canonicalRanges(ranges('2001:db8::/33')));
    // One IPv6 address more.
    expect(canonicalRanges(ranges('192.0.2.0/24'))).not.toBe(canonicalRanges(ranges('192.0.2.0/24', '::1')));
  });
});
