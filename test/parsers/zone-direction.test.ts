// The vendors' zone conventions (signatures/zone-sides.json), each read as its native parser
// always read zones, and the file held to words the reader knows (a typo would be a zone
// with no side, silently).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneConvention, type ZoneConventionId } from '../../src/parsers/zone-direction.js';

const FILE = new URL('../../signatures/zone-sides.json', import.meta.url).pathname;

const d = (id: ZoneConventionId, pairs: [string | null, string | null][]) => pairs.map(([a, b]) => zoneConvention(id).direction(a, b));

describe('zone conventions', () => {
  it('paloalto: only trust and untrust, untrust->trust in, trust->untrust out, every other pair none', () => {
    expect(d('paloalto', [['untrust', 'trust'], ['Trust', 'UNTRUST'], ['untrust', 'untrust'], ['untrust', 'dmz'], ['trust', 'trust'], [null, 'trust']])).toEqual([
      'in', 'out', null, null, null, null,
    ]);
  });

  it('checkpoint: Local is the gateway (to it in, from it out), internal to External out, other known pairs forward, an unknown zone none', () => {
    expect(d('checkpoint', [['External', 'Local'], ['Local', 'External'], ['Local', 'Local'], ['InternalZone', 'ExternalZone'], ['External', 'Internal'], ['DMZ', 'Internal'], ['untrust', 'Internal'], ['Corp', 'Local']])).toEqual([
      'in', 'out', 'in', 'out', 'forward', 'forward', null, 'in',
    ]);
  });

  it('fortigate: roles as written, lan or dmz to wan out, all else forward; undefined is no role', () => {
    const c = zoneConvention('fortigate');
    expect(d('fortigate', [['lan', 'wan'], ['dmz', 'wan'], ['wan', 'lan'], ['LAN', 'wan'], [null, null], ['lan', 'lan']])).toEqual([
      'out', 'out', 'forward', 'forward', 'forward', 'forward',
    ]);
    expect([c.isNone('undefined'), c.isNone('lan')]).toEqual([true, false]);
  });

  it('sophos-xg: LAN, DMZ, WiFi to WAN out, all else forward', () => {
    expect(d('sophos-xg', [['LAN', 'WAN'], ['WiFi', 'wan'], ['WAN', 'LAN'], ['VPN', 'WAN'], [null, 'WAN']])).toEqual(['out', 'out', 'forward', 'forward', 'forward']);
  });

  it('zyxel: ZyWALL (and Device, DEV) is the firewall itself, LAN, DMZ, WLAN, OPT to WAN out, other known pairs forward, names of the user\'s own none', () => {
    expect(d('zyxel', [['WAN', 'ZyWALL'], ['ZyWALL', 'wan1'], ['LAN', 'DEV'], ['LAN1', 'WAN'], ['lan2', 'wan2'], ['DMZ', 'WAN1'], ['WAN', 'LAN1'], ['LAN1', 'DMZ'], ['IPSec_VPN', 'LAN1'], ['WAN', null]])).toEqual([
      'in', 'out', 'in', 'out', 'out', 'out', 'forward', 'forward', null, null,
    ]);
  });

  it('huawei-usg: local is the firewall (to it in, from it out), trust or dmz to untrust out, untrust to them in, other default pairs forward, a zone of the user none', () => {
    expect(d('huawei-usg', [['untrust', 'local'], ['local', 'untrust'], ['trust', 'untrust'], ['dmz', 'untrust'], ['untrust', 'trust'], ['untrust', 'dmz'], ['trust', 'dmz'], ['Untrust', 'Local'], ['untrust', 'Branch-VPN']])).toEqual([
      'in', 'out', 'out', 'out', 'in', 'in', 'forward', 'in', null,
    ]);
  });

  it('h3c-secpath: Local is the firewall, Trust, DMZ or Management to Untrust out, Untrust to them in, other default pairs forward, a zone of the user none', () => {
    expect(d('h3c-secpath', [['Untrust', 'Local'], ['Local', 'Untrust'], ['Trust', 'Untrust'], ['Management', 'Untrust'], ['Untrust', 'DMZ'], ['Trust', 'DMZ'], ['Untrust', 'Branch']])).toEqual([
      'in', 'out', 'out', 'out', 'in', 'forward', null,
    ]);
  });

  it('the file uses only sides, pair words and directions the reader knows', () => {
    const doc = JSON.parse(readFileSync(FILE, 'utf8')) as { conventions: Record<string, { sides: Record<string, string>; pairs: Record<string, string>; known: unknown; otherwise: unknown }> };
    expect(Object.keys(doc.conventions).sort()).toEqual(['cef', 'checkpoint', 'fortigate', 'h3c-secpath', 'hillstone', 'huawei-usg', 'paloalto', 'sophos-xg', 'zyxel']);
    const directions = [null, 'in', 'out', 'forward'];
    for (const [id, c] of Object.entries(doc.conventions)) {
      for (const [zone, side] of Object.entries(c.sides)) expect([id, zone, ['inside', 'outside', 'device'].includes(side)]).toEqual([id, zone, true]);
      for (const [pair, dir] of Object.entries(c.pairs)) {
        expect([id, pair]).toEqual([id, expect.stringMatching(/^(\*|inside|outside|device)>(\*|inside|outside|device)$/)]);
        expect(directions).toContain(dir);
      }
      expect(directions).toContain(c.known);
      expect(directions).toContain(c.otherwise);
    }
  });
});
