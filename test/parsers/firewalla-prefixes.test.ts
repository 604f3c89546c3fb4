// Firewalla's keyed log prefixes (firewalla/firewalla's iptables rules) and its kernel's
// `[SECONDS.MICROS@CPU]` uptime stamp, which must not end up in the rule.
import { describe, expect, it } from 'vitest';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { actionOf } from '../../src/parsers/netfilter.js';
import { parseLines } from '../helpers/parse.js';

const line = (stamp: string, prefix: string): string =>
  `Nov 20 06:25:01 fwbox kernel: ${stamp} ${prefix}IN=br0 OUT=eth0 SRC=192.168.45.158 DST=198.51.100.67 LEN=52 TTL=63 ID=0 DF PROTO=TCP SPT=54571 DPT=443 WINDOW=7966 RES=0x00 ACK URGP=0`;

describe('iptables: Firewalla', () => {
  it('[FW_ALM]PID=N is an alarm rule (no verdict), SEC=1 the rate-exceeded drop', () => {
    expect(actionOf('[FW_ALM]PID=5')).toBe('other');
    expect(actionOf('[FW_ALM]SEC=1')).toBe('drop');
    expect(actionOf('[FW_ALM]SEC=2')).toBe('other');
    expect(actionOf('[FW_ADT]A=A D=O CD=O')).toBe('allow');
  });

  it('reads the CPU-suffixed uptime stamp as the uptime, not as part of the rule', () => {
    const r = parseLines(iptablesFormat, [line('[157340.932724@5]', '[FW_ALM]PID=5 '), line('[ 6780.606787@12]', '[FW_ADT]D=O CD=O '), line('[157344.100000@]', '[FW_ALM]PID=8 ')]);
    expect(r.events.map((e) => [e.uptime, e.rule, e.action])).toEqual([
      [157340.932724, '[FW_ALM]PID=5', 'other'],
      [6780.606787, '[FW_ADT]D=O CD=O', 'drop'],
      // `@` without a CPU number is no uptime stamp.
      [null, '[157344.100000@] [FW_ALM]PID=8', 'other'],
    ]);
  });
});
