// One rule for what a log's protocol word is, in every format: a name the table knows or
// a number 0-255 is that protocol; any other word is `other`, and goes no further.
import { describe, expect, it } from 'vitest';
import { protoByName, protoNumber } from '../../src/util/protocols.js';

describe('protoByName', () => {
  it('names and numbers the vendors print are their protocol', () => {
    expect(['TCP', 'udp', 'ICMPv6', 'ipv6-icmp', 'icmp6', '47', 'pfsync', 'CARP', 'ipsec-esp', 'eigrp'].map(protoByName)).toEqual([
      'tcp', 'udp', 'icmpv6', 'icmpv6', 'icmpv6', 'gre', 'pfsync', 'carp', 'ipsec-esp', 'eigrp',
    ]);
    expect(['pfsync', 'carp', 'eigrp', 'gre'].map(protoNumber)).toEqual([240, 112, 88, 47]);
  });

  it('any other word, and a number over 255, is other (the word never reaches an output)', () => {
    for (const w of ['FOO', 'bar', '__proto__', 'constructor', 'X\u202eY', 'X\u009b2J', 'a\tb', '999', '256']) expect(protoByName(w), w).toBe('other');
    expect(protoNumber('other')).toBeNull();
  });
});
