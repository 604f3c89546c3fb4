// What is a probe and what is this side's own traffic (aggregate/own-traffic.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { isInsideTraffic, isLate, isLanNoise, isOwnClientTraffic, isReply, ownReason, trafficKind } from '../../src/aggregate/own-traffic.js';
import { annotationRoles } from '../../src/annotate/roles.js';
import { setHomeNetworks } from '../../src/util/egress.js';
import { homeNetworks } from '../../src/cli/analysis.js';
import { makeEvent } from '../helpers/events.js';

// A Cisco ASA Teardown (direction unknown) and a router's forwarded packet, between two LAN machines.
const teardown = (action: 'allow' | 'drop', src = '10.22.8.62', dst = '10.22.8.85') =>
  makeEvent({ format: 'cisco-asa', rule: 'ASA-6-302016', direction: null, action, proto: 'udp', src: { ip: src, port: 55383 }, dst: { ip: dst, port: 53 } });
const forwarded = (action: 'allow' | 'drop' | 'other', src: string, dst: string) =>
  makeEvent({ direction: 'forward', action, rule: 'tap101i0-IN ACCEPT: ', src: { ip: src }, dst: { ip: dst, port: 3306 } });

describe('traffic between two machines of this side', () => {
  afterEach(() => setHomeNetworks(null));

  it('allowed through the device (forwarded, or a connection record without a direction) is its own traffic, not a probe', () => {
    for (const e of [teardown('allow'), forwarded('allow', '10.3.95.34', '10.3.95.200'), forwarded('allow', 'fd00::5', 'fd00::7')]) {
      expect(isInsideTraffic(e)).toBe(true);
      expect(trafficKind(e)).toBe('own');
      expect(isOwnClientTraffic(e)).toBe(true);
    }
  });

  it('blocked, or without a verdict, it stays a probe: a LAN machine trying what the rules forbid is worth seeing', () => {
    for (const e of [teardown('drop'), forwarded('drop', '10.3.95.34', '10.3.95.200'), forwarded('other', '10.3.95.34', '10.3.95.200')]) {
      expect(isInsideTraffic(e)).toBe(false);
      expect(trafficKind(e)).toBe('probe');
    }
  });

  it('allowed arriving at this host from a LAN machine it is that machine using what the LAN may use; from outside, or blocked, a probe', () => {
    // crowdsec-hub_unifi-udm.log: one UDP packet accepted from 192.168.1.2 to 192.168.1.25.
    const arrived = makeEvent({ action: 'allow', direction: 'in', src: { ip: '192.168.1.19' }, dst: { ip: '192.168.1.20', port: 22 } });
    expect(isInsideTraffic(arrived)).toBe(true);
    expect(trafficKind(arrived)).toBe('own');
    expect(isOwnClientTraffic(arrived)).toBe(true);
    expect(trafficKind({ ...arrived, action: 'drop' })).toBe('probe');
    expect(trafficKind({ ...arrived, action: 'other' })).toBe('probe');
    expect(trafficKind({ ...arrived, src: { ip: '198.51.100.7', port: 40000 } })).toBe('probe');
    // To a public address of this host (no --home-net), it is no traffic between two machines of this side.
    expect(trafficKind({ ...arrived, dst: { ip: '198.51.100.10', port: 22 } })).toBe('probe');
    expect(trafficKind(teardown('allow', '198.51.100.7', '10.22.8.85'))).toBe('probe');
    expect(trafficKind(forwarded('allow', '198.51.100.7', '10.3.95.200'))).toBe('probe');
  });

  it("a LAN machine's broadcast or multicast the firewall let in stays LAN chatter: it was aimed at the segment, not at this host", () => {
    for (const dst of ['192.168.1.255', '255.255.255.255', '224.0.0.251']) {
      const e = makeEvent({ action: 'allow', direction: 'in', proto: 'udp', src: { ip: '192.168.1.19', port: 137 }, dst: { ip: dst, port: 137 }, annotations: [{ id: 'netbios-noise', severity: 0 as const, text: 'x', ref: 'x' }] });
      expect(isInsideTraffic(e), dst).toBe(false);
      expect(trafficKind(e), dst).toBe('noise');
    }
  });

  it("forwarded, or in an ASA record without a direction, a LAN broadcast or multicast the firewall let through is still LAN chatter, not something this side sent", () => {
    const noise = [{ id: 'lan-broadcast', severity: 0 as const, text: 'x', ref: 'x' }];
    for (const dst of ['192.168.1.255', '255.255.255.255', '239.255.255.250', 'ff02::fb']) {
      const fwd = makeEvent({ action: 'allow', direction: 'forward', inIface: 'br0', outIface: 'br1', proto: 'udp', src: { ip: dst.includes(':') ? 'fd00::5' : '192.168.1.19', port: 1900 }, dst: { ip: dst, port: 1900 }, annotations: noise });
      expect(isInsideTraffic(fwd), dst).toBe(false);
      expect(trafficKind(fwd), dst).toBe('noise');
      expect(trafficKind({ ...fwd, format: 'cisco-asa', direction: null }), dst).toBe('noise');
    }
  });

  it('a machine of this side reaching a public address stays egress, as before', () => {
    const out = forwarded('allow', '192.168.1.35', '198.51.100.7');
    expect(isInsideTraffic(out)).toBe(false);
    expect(trafficKind(out)).toBe('own');
  });

  it('--home-net decides which machines are this side: public ones in it count, private ones outside it do not', () => {
    setHomeNetworks(homeNetworks(['203.0.113.0/28']));
    expect(trafficKind(teardown('allow', '203.0.113.2', '203.0.113.9'))).toBe('own');
    expect(trafficKind(teardown('allow', '10.22.8.62', '10.22.8.85'))).toBe('probe');
  });

  it('a telling annotation keeps allowed egress in the profiles (a trojan\'s port going out); between two machines of this side a probe reading does not', () => {
    const out = forwarded('allow', '192.168.1.35', '198.51.100.7');
    out.annotations = [{ id: 'trojan-outbound', severity: 4, text: 'x', ref: 'x' }];
    expect(trafficKind(out)).toBe('own');
    expect(isOwnClientTraffic(out)).toBe(false);
    // A zone-based firewall's audit record (no direction), an ASA's Built inbound, a PAN-OS end
    // record: an allowed connection from a LAN client to a LAN server's 20000/tcp, read as a
    // trojan port. No probe of this side, and none the firewall stopped: no profile.
    for (const [format, direction] of [['cisco-ios', null], ['cisco-asa', 'in'], ['paloalto', null]] as const) {
      const inside = makeEvent({ format, direction, action: 'allow', src: { ip: '192.168.1.10', port: 51000 }, dst: { ip: '10.0.0.5', port: 20000 } });
      inside.annotations = [{ id: 'trojan', severity: 4, text: 'x', ref: 'x' }];
      expect(trafficKind(inside), format).toBe('own');
      expect(isOwnClientTraffic(inside), format).toBe(true);
      // Blocked, it is a LAN machine trying what the rules forbid: profiled.
      expect(isOwnClientTraffic({ ...inside, action: 'drop' }), format).toBe(false);
    }
  });
});

describe('why a packet is this side\'s own (explain says it)', () => {
  afterEach(() => setHomeNetworks(null));
  it('logged leaving this host whatever its address, loopback, routed out from this side, between two of its machines; null for a probe', () => {
    // Windows Firewall's OPEN: a session this host opened, from its public address.
    expect(ownReason(makeEvent({ format: 'windows-firewall', direction: 'out', action: 'allow', src: { ip: '123.45.78.90' }, dst: { ip: '123.156.78.90', port: 445 } }))).toBe('out');
    expect(ownReason(makeEvent({ direction: 'in', src: { ip: '127.0.0.1' }, dst: { ip: '127.0.0.1' } }))).toBe('loopback');
    expect(ownReason(forwarded('drop', '192.168.1.35', '198.51.100.7'))).toBe('forwarded');
    expect(ownReason(teardown('allow'))).toBe('inside');
    expect(ownReason(forwarded('allow', '198.51.100.7', '10.3.95.200'))).toBeNull();
    for (const e of [teardown('allow'), forwarded('drop', '192.168.1.35', '198.51.100.7')]) expect(ownReason(e) !== null).toBe(trafficKind(e) === 'own');
  });
});

describe('late packets of connections already under way', () => {
  const said = (...ids: string[]) => ids.map((id) => ({ id, severity: 0 as const, text: id, ref: 'x' }));
  const ack = (...ids: string[]) => makeEvent({ src: { ip: '198.51.100.7', port: 38842 }, dst: { port: 443 }, tcpFlags: ['ACK'], annotations: said(...ids) });

  it('stale-connection has the role late, and such a packet is late: no probe', () => {
    expect(annotationRoles().roleOf('stale-connection')).toBe('late');
    expect(isLate(ack('stale-connection', 'srcport-masquerade'))).toBe(true);
    expect(trafficKind(ack('stale-connection'))).toBe('late');
    expect(trafficKind(ack())).toBe('probe');
  });

  it('a more specific reading wins: a reply or LAN chatter stays what it is, and this side\'s own traffic stays its own', () => {
    expect(trafficKind(ack('srcport-dns', 'stale-connection'))).toBe('reply');
    expect(trafficKind(ack('lan-broadcast', 'stale-connection'))).toBe('noise');
    const out = makeEvent({ direction: 'out', src: { ip: '192.168.1.5' }, dst: { ip: '198.51.100.7', port: 443 }, tcpFlags: ['ACK'], annotations: said('stale-connection') });
    expect(trafficKind(out)).toBe('own');
  });

  it('the one pass over the annotations: each reading, and the kind the most specific one gives', () => {
    // Written out, not derived from isReply/isLanNoise/isLate: those read the same bit map
    // as trafficKind, so a wrong map would agree with itself.
    const cases: [string[], { reply: boolean; noise: boolean; late: boolean }, string][] = [
      [[], { reply: false, noise: false, late: false }, 'probe'],
      [['stale-connection'], { reply: false, noise: false, late: true }, 'late'],
      [['tcp-reply'], { reply: true, noise: false, late: false }, 'reply'],
      [['icmp-error-reply'], { reply: true, noise: false, late: false }, 'reply'],
      [['netbios-noise'], { reply: false, noise: true, late: false }, 'noise'],
      [['port-known', 'trojan'], { reply: false, noise: false, late: false }, 'probe'],
      [['backscatter', 'stale-connection'], { reply: true, noise: false, late: true }, 'reply'],
    ];
    for (const [ids, readings, kind] of cases) {
      const e = ack(...ids);
      expect({ reply: isReply(e), noise: isLanNoise(e), late: isLate(e) }, ids.join(' ')).toEqual(readings);
      expect(trafficKind(e), ids.join(' ')).toBe(kind);
    }
  });
});
