// Behaviour of the netfilter text parser, one scenario per test. Golden fixtures
// (test/fixtures/iptables) cover whole files; these pin single rules.
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { UsageError } from '../../src/errors.js';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { sniffFormat } from '../../src/parsers/registry.js';
import { fixtureEvents, parseLines, type ParsedFixture } from '../helpers/parse.js';
import { cpuMs } from '../helpers/cpu-time.js';

const HEAD = 'Nov 21 06:25:01 gw kernel: [123.456] ';
const TCP =
  'IN=eth0 OUT= MAC=00:16:3e:11:22:33:00:16:3e:44:55:66:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0';

function parse(...lines: string[]): ParsedFixture {
  return parseLines(iptablesFormat, lines);
}

function one(line: string): FirewallEvent {
  const r = parse(line);
  expect(r.malformed, 'malformed').toEqual([]);
  expect(r.skipped, 'skipped').toEqual([]);
  expect(r.events).toHaveLength(1);
  return r.events[0]!;
}

function malformedReason(line: string): string {
  const r = parse(line);
  expect(r.events).toEqual([]);
  expect(r.malformed).toHaveLength(1);
  return r.malformed[0]!.reason;
}

describe('payload fields', () => {
  it('ICMP error keeps the outer SRC, DST, LEN and TTL; the quoted header goes to icmp.embedded', () => {
    const e = one(
      `${HEAD}DENY: IN=eth0 OUT= SRC=192.168.2.71 DST=192.168.2.83 LEN=88 TOS=0x00 PREC=0x00 TTL=118 ID=21684 PROTO=ICMP TYPE=3 CODE=3 [SRC=192.168.2.83 DST=192.168.173.191 LEN=60 TOS=0x00 PREC=0x00 TTL=54 ID=0 DF PROTO=UDP SPT=21458 DPT=62936 LEN=40 ]`,
    );
    expect(e.src).toEqual({ ip: '192.168.2.71', port: null });
    expect(e.dst).toEqual({ ip: '192.168.2.83', port: null });
    expect([e.len, e.ttl, e.proto]).toEqual([88, 118, 'icmp']);
    expect(e.icmp).toEqual({
      type: 3,
      code: 3,
      embedded: { src: { ip: '192.168.2.83', port: 21458 }, dst: { ip: '192.168.173.191', port: 62936 }, proto: 'udp' },
    });
  });

  it('INCOMPLETE [65535 bytes] is not an embedded header', () => {
    const e = one(`${HEAD}IN=eth0 OUT= SRC=198.51.100.9 DST=192.0.2.5 LEN=1500 TTL=62 ID=1 PROTO=ICMP TYPE=11 CODE=0 INCOMPLETE [65535 bytes] `);
    expect(e.icmp).toEqual({ type: 11, code: 0, embedded: null });
  });

  it('ACK=123 is not the ACK flag', () => {
    const e = one(`${HEAD}IN=eth0 OUT= SRC=192.0.2.1 DST=198.51.100.1 LEN=40 TTL=50 ID=5 PROTO=TCP SPT=1 DPT=2 SEQ=123 ACK=456 WINDOW=0 RES=0x00 SYN URGP=0`);
    expect(e.tcpFlags).toEqual(['SYN']);
  });

  it('TCP flags keep the logged order and case', () => {
    expect(one(`${HEAD}${TCP.replace('SYN', 'URG PSH FIN')}`).tcpFlags).toEqual(['URG', 'PSH', 'FIN']);
    expect(one(`${HEAD}${TCP.replace('SYN', 'ECE ACK SYN')}`).tcpFlags).toEqual(['ECE', 'ACK', 'SYN']);
    // Not the kernel's order, or a flag twice (an edited or foreign log): kept as written.
    expect(one(`${HEAD}${TCP.replace('SYN', 'ACK PSH SYN ACK')}`).tcpFlags).toEqual(['ACK', 'PSH', 'SYN', 'ACK']);
    expect(one(`${HEAD}${TCP.replace('SYN', 'FIN SYN')}`).tcpFlags).toEqual(['FIN', 'SYN']);
    expect(one(`${HEAD}${TCP.replace('SYN', 'SYN SYN')}`).tcpFlags).toEqual(['SYN', 'SYN']);
    // Every event gets an array of its own.
    const [a, b] = [one(`${HEAD}${TCP}`), one(`${HEAD}${TCP}`)];
    a.tcpFlags!.push('URG');
    expect(b.tcpFlags).toEqual(['SYN']);
  });

  it('a TCP packet without flag tokens (NULL scan) has [] flags; UDP has null', () => {
    expect(one(`${HEAD}${TCP.replace('SYN ', '')}`).tcpFlags).toEqual([]);
    const udp = one(`${HEAD}IN=eth1 OUT= SRC=192.168.10.55 DST=192.168.10.1 LEN=28 TTL=40 ID=1 PROTO=UDP SPT=44318 DPT=1009 LEN=8 `);
    expect(udp.tcpFlags).toBeNull();
    expect(udp.tcpWindow).toBeNull();
  });

  it('the first LEN= (IP total length) wins over the UDP length after DPT', () => {
    expect(one(`${HEAD}IN=eth1 OUT= SRC=192.168.10.55 DST=192.168.10.1 LEN=28 TTL=40 ID=1 PROTO=UDP SPT=44318 DPT=1009 LEN=8`).len).toBe(28);
  });

  it('PHYSIN= is not IN=: a Proxmox OUT-only line has no input interface', () => {
    const e = one(`${HEAD}REJECT: OUT=vmbr0 PHYSIN=tap101i0 SRC=10.3.94.12 DST=10.3.94.10 LEN=60 TTL=64 ID=1 DF PROTO=TCP SPT=49566 DPT=22 WINDOW=64240 SYN`);
    expect([e.inIface, e.outIface, e.direction]).toEqual([null, 'vmbr0', 'out']);
  });

  it('direction: IN only = in, OUT only = out, both = forward', () => {
    expect(one(`${HEAD}${TCP}`).direction).toBe('in');
    expect(one(`${HEAD}${TCP.replace('IN=eth0 OUT=', 'IN= OUT=eth0')}`).direction).toBe('out');
    expect(one(`${HEAD}${TCP.replace('IN=eth0 OUT=', 'IN=eth0 OUT=eth1')}`).direction).toBe('forward');
  });

  it('numeric PROTO= maps to a name and keeps the ports', () => {
    const e = one(`${HEAD}IN=eth0 OUT= SRC=192.0.2.1 DST=198.51.100.1 LEN=28 TTL=40 ID=1 PROTO=17 SPT=5 DPT=53 LEN=8`);
    expect([e.proto, e.src.port, e.dst.port]).toEqual(['udp', 5, 53]);
    expect(one(`${HEAD}IN=eth0 OUT= SRC=192.0.2.1 DST=198.51.100.1 LEN=20 TTL=40 ID=1 PROTO=162 `).proto).toBe('162');
    expect(one(`${HEAD}IN=eth0 OUT= SRC=192.0.2.1 DST=198.51.100.1 LEN=20 TTL=40 ID=1 PROTO=2`).proto).toBe('igmp');
  });

  it('IPv6 addresses are kept as logged and HOPLIMIT= is the ttl', () => {
    const e = one(
      `${HEAD}IN=eth0 OUT= SRC=2001:0db8:0000:f101:0000:0000:0000:0002 DST=2a02:cf40:add::6fc6 LEN=80 TC=0 HOPLIMIT=64 FLOWLBL=0 OPT ( ) OPT ( ) PROTO=TCP SPT=51397 DPT=1433 WINDOW=5760 RES=0x00 SYN URGP=0`,
    );
    expect([e.src.ip, e.dst.ip, e.ipVersion, e.ttl]).toEqual(['2001:0db8:0000:f101:0000:0000:0000:0002', '2a02:cf40:add::6fc6', 6, 64]);
  });

  it('--log-macdecode MACSRC=/MACDST= are not SRC=/DST=, and --log-uid fields are ignored', () => {
    const e = one(
      `${HEAD}IN=eth0 OUT= MACSRC=00:16:3e:44:55:66 MACDST=00:16:3e:11:22:33 MACPROTO=0800 SRC=192.0.2.1 DST=198.51.100.1 LEN=60 TTL=50 ID=1 DF PROTO=TCP SPT=1 DPT=2 WINDOW=1024 RES=0x00 SYN URGP=0 UID=0 GID=0 MARK=0x1`,
    );
    expect([e.src.ip, e.dst.ip, e.tcpFlags]).toEqual(['192.0.2.1', '198.51.100.1', ['SYN']]);
  });

  it('CRLF leftovers do not leak into values', () => {
    const e = one(`${HEAD}IN=eth0 OUT= SRC=192.0.2.1 DST=198.51.100.1 LEN=20 TTL=40 ID=1 PROTO=2\r`);
    expect(e.proto).toBe('igmp');
  });
});

describe('rule and action', () => {
  const cases: [string, string | null, string][] = [
    ['[UFW BLOCK] ', '[UFW BLOCK]', 'drop'],
    ['[UFW ALLOW] ', '[UFW ALLOW]', 'allow'],
    ['[UFW AUDIT] ', '[UFW AUDIT]', 'other'],
    ['[UFW AUDIT INVALID] ', '[UFW AUDIT INVALID]', 'other'],
    ['FINAL_REJECT: ', 'FINAL_REJECT:', 'reject'],
    ['filter_IN_public_REJECT: ', 'filter_IN_public_REJECT:', 'reject'],
    ['Shorewall:net-fw:DROP:', 'Shorewall:net-fw:DROP:', 'drop'],
    ['[WAN_OUT-2000-A]', '[WAN_OUT-2000-A]', 'allow'],
    ['[wan-lan-default-D]', '[wan-lan-default-D]', 'drop'],
    ['[WAN_LOCAL-D-2147483647] DESCR="[WAN_LOCAL]Allow All" ', '[WAN_LOCAL-D-2147483647] DESCR="[WAN_LOCAL]Allow All"', 'drop'],
    ['iptables DROP_INPUT: ', 'iptables DROP_INPUT:', 'drop'],
    ['DROP IN: ', 'DROP IN:', 'drop'],
    ['canaryfw: ', 'canaryfw:', 'other'],
    ['', null, 'other'],
  ];
  for (const [prefix, rule, action] of cases) {
    it(`${JSON.stringify(prefix)} → rule ${JSON.stringify(rule)}, action ${action}`, () => {
      const e = one(`${HEAD}${prefix}${TCP}`);
      expect([e.rule, e.action]).toEqual([rule, action]);
    });
  }

  it('Proxmox: the chain is part of the rule and `policy DROP` is a drop', () => {
    const e = one(`0 3 PVEFW-HOST-IN 20/Jun/2022:13:09:14 +0200 policy DROP: ${TCP}`);
    expect([e.rule, e.action, e.host, e.time?.toISOString()]).toEqual(['PVEFW-HOST-IN policy DROP:', 'drop', null, '2022-06-20T11:09:14.000Z']);
  });
});

describe('malformed and skipped lines', () => {
  it('Feb 30 is malformed', () => {
    expect(malformedReason(`Feb 30 10:00:00 fw kernel: ${TCP}`)).toMatch(/^time: .*Feb 30/);
  });

  it('hour 25 is malformed', () => {
    expect(malformedReason(`Mar  1 25:00:00 fw kernel: ${TCP}`)).toMatch(/^time: .*hour 25/);
  });

  it('XX= instead of IN= is malformed and says which field', () => {
    expect(malformedReason(`${HEAD}XX=enp1s0 OUT= SRC=195.54.160.107 DST=51.15.166.67 LEN=40 TTL=245 ID=1 PROTO=TCP SPT=8080 DPT=8123 WINDOW=1024 RES=0x00 SYN URGP=0`)).toMatch(/^IN: missing/);
  });

  it('a prefix glued to IN= after a letter (`FORWARDIN=br0 OUT=ppp0`) is the rule; IN= is read', () => {
    const e = one(`${HEAD}FORWARDIN=br0 OUT=ppp0 PHYSIN=eth0 SRC=192.168.1.9 DST=203.0.113.37 LEN=60 TTL=127 ID=1 PROTO=ICMP TYPE=8 CODE=0 ID=512 SEQ=1`);
    expect([e.rule, e.inIface, e.outIface, e.direction]).toEqual(['FORWARD', 'br0', 'ppp0', 'forward']);
    const pre = one(`${HEAD}PREROUTINGIN=br0 OUT= PHYSIN=eth0 SRC=192.168.1.9 DST=203.0.113.37 LEN=60 TTL=128 ID=1 PROTO=ICMP TYPE=8 CODE=0`);
    expect([pre.rule, pre.inIface, pre.outIface, pre.direction]).toEqual(['PREROUTING', 'br0', null, 'in']);
  });

  it('a word ending in IN= with another key before OUT= is still malformed', () => {
    expect(malformedReason(`${HEAD}LOGIN=br0 X=1 OUT= SRC=192.168.1.9 DST=203.0.113.37 LEN=60 TTL=128 ID=1 PROTO=ICMP TYPE=8 CODE=0`)).toBe("IN: missing (found 'LOGIN=br0')");
  });

  it('an ARP record (MACPROTO=0806 … OPCODE= IPSRC=) is skipped as not IP, not malformed', () => {
    const r = parse(
      `${HEAD}test: IN=veth0 OUT= MACSRC=86:6c:92:00:d6:73 MACDST=0e:3b:eb:00:73:76 VPROTO=8100 VID=10 MACPROTO=0806 ARP HTYPE=1 PTYPE=0x0800 OPCODE=2 MACSRC=86:6c:92:00:d6:73 IPSRC=192.168.10.2 MACDST=0e:3b:eb:00:73:76 IPDST=192.168.10.1`,
    );
    expect(r.events).toEqual([]);
    expect(r.malformed).toEqual([]);
    expect(r.skipped.map((x) => x.reason)).toEqual(['ARP packet, not IP: logscan reads IP packets']);
  });

  it('a split fragment without SRC= is malformed, not skipped', () => {
    expect(malformedReason('May  5 20:46:46 gw user.info kernel: L=126 ID=8698 DF PROTO=TCP SPT=88 DPT=51179 WINDOW=2053 RES=0x00 ACK URGP=0')).toMatch(/^SRC: missing/);
  });

  it('a protocol number past 255 is malformed; 0-255 and names are kept', () => {
    expect(malformedReason(`${HEAD}IN=eth0 OUT= SRC=192.0.2.1 DST=198.51.100.1 LEN=40 TTL=50 ID=1 PROTO=256`)).toBe("PROTO: not a protocol number '256'");
    expect(malformedReason(`${HEAD}IN=eth0 OUT= SRC=192.0.2.1 DST=198.51.100.1 LEN=40 TTL=50 ID=1 PROTO=99999999999999999999 SPT=1 DPT=22`)).toMatch(/^PROTO: not a protocol number/);
    expect(malformedReason(`${HEAD}IN=eth0 OUT= SRC=192.0.2.1 DST=198.51.100.1 LEN=40 TTL=50 ID=1 PROTO=12abc`)).toMatch(/^PROTO: not a protocol number/);
    expect(parse(`${HEAD}IN=eth0 OUT= SRC=192.0.2.1 DST=198.51.100.1 LEN=40 TTL=50 ID=1 PROTO=47`).events[0]?.proto).toBe('gre');
    expect(parse(`${HEAD}IN=eth0 OUT= SRC=192.0.2.1 DST=198.51.100.1 LEN=40 TTL=50 ID=1 PROTO=255`).events[0]?.proto).toBe('255');
    expect(parse(`${HEAD}IN=eth0 OUT= SRC=192.0.2.1 DST=198.51.100.1 LEN=40 TTL=50 ID=1 PROTO=SCTP SPT=1 DPT=2`).events[0]?.proto).toBe('sctp');
  });

  it('port 65536 is malformed and names SPT', () => {
    expect(malformedReason(`${HEAD}${TCP.replace('SPT=47001', 'SPT=65536')}`)).toBe("SPT: invalid port '65536'");
  });

  // The kernel wrote it (the corpus has a 5-digit hextet): keep the record with the
  // address as logged rather than lose a probe; ECS output leaves such text out of *.ip.
  it('an address with a 5-digit hextet is kept as logged', () => {
    const r = parse(`${HEAD}IN=eth0 OUT= SRC=fe80:0000:0000:0000:530f4:caf2:9287:5ada DST=fe80::1 LEN=1 TC=0 HOPLIMIT=1 PROTO=UDP SPT=1 DPT=2`);
    expect(r.malformed).toEqual([]);
    expect(r.events[0]).toMatchObject({ src: { ip: 'fe80:0000:0000:0000:530f4:caf2:9287:5ada', port: 1 }, ipVersion: 6 });
  });

  it('an octet over 255 is kept as logged', () => {
    const r = parse(`${HEAD}${TCP.replace('DST=198.51.100.2', 'DST=198.51.100.256')}`);
    expect(r.events[0]?.dst.ip).toBe('198.51.100.256');
  });

  it('an address that is not address-shaped is malformed', () => {
    expect(malformedReason(`${HEAD}${TCP.replace('DST=198.51.100.2', 'DST=DS.189.91.96')}`)).toMatch(/^DST: invalid address/);
  });

  it('other kernel and daemon lines are skipped, as are blank lines', () => {
    const r = parse(
      'Nov  4 09:05:31 raspberrypi kernel: [  120.620370] Bridge firewalling registered',
      'Jun 27 09:02:22 gw gw sshd[454008]: Failed keyboard-interactive/pam for invalid user x from 192.168.1.2 port 5454 ssh2',
      '',
    );
    expect(r.events).toEqual([]);
    expect(r.malformed).toEqual([]);
    expect(r.skipped.map((s) => s.line)).toEqual([1, 2, 3]);
  });

  it("a 1 MB line of '=' returns promptly", () => {
    let r!: ReturnType<typeof parse>;
    const ms = cpuMs(() => {
      r = parse('='.repeat(1 << 20), `SRC=${'='.repeat(1 << 20)} PROTO=`, 'IN='.repeat(300_000));
    });
    expect(ms).toBeLessThan(500);
    expect(r.events.length + r.skipped.length + r.malformed.length).toBe(3);
  });

  it('a line full of near-miss keys (XSRC=XSRC=…) stays linear', () => {
    const ms = cpuMs(() => parse(`${'XSRC='.repeat(200_000)} PROTO=TCP`, `${HEAD}${'PHYSIN='.repeat(200_000)}SRC=1.2.3.4 DST=1.2.3.4 PROTO=TCP`));
    expect(ms).toBeLessThan(500);
  });
});

describe('envelopes', () => {
  it('dmesg: no wall time, uptime kept', () => {
    const e = one(`[  203.842973] ${TCP}`);
    expect([e.time, e.uptime, e.yearInferred, e.host]).toEqual([null, 203.842973, false, null]);
  });

  it('message repeated 28 times sets count and parses the bracketed payload', () => {
    const e = one(`2025-01-23T12:33:23.218999-05:00 ubuntu2204 kernel: message repeated 28 times: [ [UFW BLOCK] ${TCP}]`);
    expect([e.count, e.rule, e.dst.port, e.time?.toISOString()]).toEqual([28, '[UFW BLOCK]', 23, '2025-01-23T17:33:23.218Z']);
  });

  it('a repeat count that is no number from 1 to 999999999 makes the record malformed, never count 1 with the wrapper in its rule label', () => {
    const rep = (n: string) => `2025-01-23T12:33:23.218999-05:00 ubuntu2204 kernel: message repeated ${n} times: [ [UFW BLOCK] ${TCP}]`;
    expect(malformedReason(rep('12345678901'))).toBe('message repeated: count 12345678901 out of range 1-999999999');
    expect(malformedReason(rep('0'))).toBe('message repeated: count 0 out of range 1-999999999');
    expect(malformedReason(rep('-5'))).toBe(`message repeated: expected "N times: [ … ]" with a count from 1 to 999999999, found '-5'`);
    expect(one(rep('999999999')).count).toBe(999_999_999);
    // Without its closing bracket (cut off) the wrapper is not read as the rule label either.
    expect(malformedReason(`2025-01-23T12:33:23.218999-05:00 ubuntu2204 kernel: message repeated 3 times: [UFW BLOCK ${TCP}`)).toMatch(/^message repeated: expected/);
  });

  it('a repeat wrapper cut before its closing bracket is malformed, also when its message holds a ] of its own', () => {
    // The ] of [UFW BLOCK] was taken for the wrapper's: the message became " [UFW BLOCK",
    // and the record was skipped as no firewall record instead of counted malformed.
    const cut = `2025-01-23T12:33:23.218999-05:00 ubuntu2204 kernel: message repeated 3 times: [ [UFW BLOCK] ${TCP}`;
    expect(malformedReason(cut)).toMatch(/^message repeated: expected "N times: \[ … \]"/);
    expect(one(`${cut}]  `).count).toBe(3);
  });

  it('a control character inside the host name stays in it (escaped on output) instead of splitting the header', () => {
    const e = one(`Nov 21 06:25:01 g\u001bw kernel: [UFW BLOCK] ${TCP}`);
    expect([e.host, e.rule, e.action]).toEqual(['g\u001bw', '[UFW BLOCK]', 'drop']);
  });

  it('a grep file-name prefix is not part of the host or rule', () => {
    const e = one(`ipv6_scan:Mar 17 13:39:13 linux kernel: [956932.522957] DROP ${TCP}`);
    expect([e.host, e.rule, e.uptime]).toEqual(['linux', 'DROP', 956932.522957]);
  });

  it('the envelope may change on every line', () => {
    const r = parse(`<161>Oct 10 07:25:12 h kernel: ${TCP}`, `<6>2021-03-12T14:10:18Z h kernel: ${TCP}`, `2021-03-12T14:10:18Z h kernel: ${TCP}`, `Jan  8 03:37:09 DENY: ${TCP}`);
    expect(r.events.map((e) => [e.host, e.rule, e.yearInferred])).toEqual([
      ['h', null, true],
      ['h', null, false],
      ['h', null, false],
      [null, 'DENY:', true],
    ]);
  });

  it('year-less times are local in ctx.tz', () => {
    const r = parseLines(iptablesFormat, [`Jan 23 08:00:00 gw kernel: ${TCP}`], { tz: 'Asia/Shanghai' });
    expect(r.events[0]!.time!.toISOString()).toBe('2026-01-23T00:00:00.000Z');
  });

  it('an unknown --tz is a usage error at create time, not per line', () => {
    expect(() => parseLines(iptablesFormat, [], { tz: 'Mars/Olympus_Mons' })).toThrow(UsageError);
  });
});

describe('event objects', () => {
  it('fields come in the contract order (one hidden class) and each event has its own annotations array', () => {
    const r = parse(`${HEAD}${TCP}`, `[1.0] ${TCP.replace('PROTO=TCP', 'PROTO=ICMP TYPE=8 CODE=0')}`);
    const keys = Object.keys(r.events[0]!);
    expect(keys).toEqual([
      'time', 'yearInferred', 'uptime', 'host', 'format', 'action', 'direction', 'rule', 'inIface', 'outIface', 'proto',
      'ipVersion', 'src', 'dst', 'ttl', 'len', 'tcpFlags', 'tcpWindow', 'pid', 'icmp', 'count', 'origin', 'annotations',
    ]);
    expect(Object.keys(r.events[1]!)).toEqual(keys);
    // Every other format's parser builds the same shape.
    const shapes = new Set(fixtureEvents().map((e) => Object.keys(e).join(' ')));
    expect([...shapes]).toEqual([keys.join(' ')]);
    expect(r.events[0]!.annotations).not.toBe(r.events[1]!.annotations);
    expect(r.events[0]!.origin).toEqual({ file: 'test.log', line: 1 });
  });
});

describe('sniffing', () => {
  it('syslog netfilter lines sniff as iptables', () => {
    expect(sniffFormat([`${HEAD}${TCP}`, 'Nov 21 06:25:02 gw sshd[1]: hello']).format?.id).toBe('iptables');
  });

  it('journald export and json win over iptables for the same payload', () => {
    expect(sniffFormat(['__REALTIME_TIMESTAMP=1', '_TRANSPORT=kernel', `MESSAGE=${TCP}`, '']).format?.id).toBe('journald-export');
    expect(sniffFormat([JSON.stringify({ __REALTIME_TIMESTAMP: '1', MESSAGE: TCP })]).format?.id).toBe('journald-json');
  });

  it('unrelated text is not iptables', () => {
    expect(iptablesFormat.sniff(['hello world', 'foo=bar'])).toBe(0);
  });

  it('the examples parse to events', () => {
    const r = parseLines(iptablesFormat, iptablesFormat.examples);
    expect(r.events).toHaveLength(iptablesFormat.examples.length);
  });
});

describe('two records on one line (a lost line break)', () => {
  const second = 'Nov 21 06:25:02 gw kernel: [123.457] [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.2 DST=192.168.1.21 LEN=40 TTL=56 ID=1 PROTO=UDP SPT=5 DPT=31337 LEN=20';

  it('a whole second record glued on is malformed, not read as the first alone', () => {
    expect(malformedReason(`${HEAD}[UFW BLOCK] ${TCP} ${second}`)).toBe("two records on one line (a second SRC= after this record's fields)");
    // Without a bracketed prefix in the second one, and after an ICMP error's quoted packet.
    expect(malformedReason(`${HEAD}DROP ${TCP} DROP IN=eth0 OUT= SRC=198.51.100.2 DST=192.168.1.21 LEN=40 PROTO=UDP SPT=5 DPT=7`)).toMatch(/^two records on one line/);
    const icmp = `${HEAD}DENY: IN=eth0 OUT= SRC=192.168.2.71 DST=192.168.2.83 LEN=88 TTL=118 ID=21684 PROTO=ICMP TYPE=3 CODE=3 [SRC=192.168.2.83 DST=192.168.173.191 LEN=60 TTL=54 ID=0 DF PROTO=UDP SPT=21458 DPT=62936 LEN=40 ]`;
    expect(malformedReason(`${icmp} ${second}`)).toMatch(/^two records on one line/);
    // A first record cut before its PROTO=, glued to a whole one: not one record of both.
    expect(malformedReason(`${HEAD}[UFW BLOCK] ${TCP.slice(0, TCP.indexOf(' PROTO='))} ${second}`)).toMatch(/^two records on one line/);
  });

  it("an ICMP error's own quoted packet (also cut short: INCOMPLETE [n bytes] inside it) is no second record", () => {
    one(`${HEAD}DENY: IN=eth0 OUT= SRC=192.168.2.71 DST=192.168.2.83 LEN=88 TTL=118 ID=21684 PROTO=ICMP TYPE=3 CODE=3 [SRC=192.168.2.83 DST=192.168.173.191 LEN=60 TTL=54 ID=0 DF PROTO=UDP SPT=21458 DPT=62936 LEN=40 ] MARK=0x1`);
    one(`${HEAD}DENY: IN=eth0 OUT= SRC=192.168.2.71 DST=192.168.2.83 LEN=88 TTL=118 ID=21684 PROTO=ICMP TYPE=3 CODE=3 [SRC=192.168.2.83 DST=192.168.173.191 LEN=60 TTL=54 ID=0 DF PROTO=TCP INCOMPLETE [8 bytes] ]`);
  });
});

describe('a record cut off before its ports', () => {
  const CUT = 'truncated: the line ends before DPT= (cut off by the syslog daemon?)';
  const upToPorts = `${HEAD}[UFW BLOCK] ${TCP.slice(0, TCP.indexOf('SPT='))}`;

  it.each(['SPT=47001 DP', 'SPT=47001 D', 'SPT=47001', 'SPT=47001 ', 'SP', 'S', ''])('TCP ending in %j is malformed, not an event without a destination port', (tail) => {
    expect(malformedReason(`${upToPorts}${tail}`)).toBe(CUT);
    expect(malformedReason(`${upToPorts.replace('PROTO=TCP', 'PROTO=UDP')}${tail}`)).toBe(CUT);
  });

  it('a fragment (FRAG: before PROTO=) and INCOMPLETE [n bytes] have no ports and stay records', () => {
    expect(one(`${upToPorts.replace('PROTO=TCP', 'FRAG:185 PROTO=TCP')}`).dst.port).toBeNull();
    expect(one(`${upToPorts}INCOMPLETE [8 bytes] `).dst.port).toBeNull();
    // A protocol without ports: nothing is missing.
    expect(one(`${upToPorts.replace('PROTO=TCP', 'PROTO=ESP')}SPI=0x1`).proto).toBe('esp');
  });
});

describe('the protocol word', () => {
  it('a word no protocol table names is other, whatever it holds; a number over 255 stays malformed', () => {
    const at = (proto: string) => `${HEAD}[UFW BLOCK] ${TCP.replace('PROTO=TCP', `PROTO=${proto}`)}`;
    for (const w of ['FOO', '__proto__', 'X\u202eY', 'X\u009b2J']) expect(one(at(w)).proto, w).toBe('other');
    expect(one(at('UDPLITE')).proto).toBe('udplite');
    expect(malformedReason(at('999'))).toBe("PROTO: not a protocol number '999'");
  });
});

describe('IPv6 addresses with a zone index (fe80::1%eth0)', () => {
  it('are addresses, kept as logged with their zone; a zone of other characters is not', () => {
    const v6 = (src: string, dst = 'fe80::2%eth0') => `${HEAD}[UFW BLOCK] IN=eth0 OUT= SRC=${src} DST=${dst} LEN=60 TC=0 HOPLIMIT=255 FLOWLBL=0 PROTO=UDP SPT=5353 DPT=5353 LEN=40`;
    const e = one(v6('fe80::1%eth0'));
    expect([e.ipVersion, e.src.ip, e.dst.ip]).toEqual([6, 'fe80::1%eth0', 'fe80::2%eth0']);
    expect(one(v6('fe80:0000:0000:0000:0000:0000:0000:0001%en0.100', 'ff02::fb%3')).src.ip).toBe('fe80:0000:0000:0000:0000:0000:0000:0001%en0.100');
    for (const bad of ['fe80::1%', 'fe80::1%eth0%eth1', 'fe80::1%et/h0', '1.2.3.4%eth0', `fe80::1%${'e'.repeat(33)}`]) expect(malformedReason(v6(bad)), bad).toMatch(/^SRC: invalid address/);
  });
});
