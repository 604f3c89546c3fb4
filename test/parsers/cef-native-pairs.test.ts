// One firewall's records in its native syslog format and in CEF or LEEF read alike: the same
// session logged both ways (test/fixtures/cef/pairs/, test/fixtures/leef/pairs/: each native
// line followed by its CEF or LEEF line) gives the same direction, action, ports, ICMP type and
// code, interfaces, rule label and zones, whichever parser read it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FirewallEvent } from '../../src/event.js';
import { cefFormat } from '../../src/parsers/cef.js';
import { checkpointFormat } from '../../src/parsers/checkpoint.js';
import { fortigateFormat } from '../../src/parsers/fortigate.js';
import { leefFormat } from '../../src/parsers/leef.js';
import { paloaltoFormat } from '../../src/parsers/paloalto.js';
import type { FormatDefinition } from '../../src/parsers/types.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { parseLines, splitLines } from '../helpers/parse.js';

/** The file's native lines read by `native`, its CEF (or LEEF) lines by `siem`: events side by side. */
function pairs(name: string, native: FormatDefinition, siem: FormatDefinition = cefFormat): [FirewallEvent, FirewallEvent][] {
  const lines = splitLines(readFileSync(new URL(`../fixtures/${siem.id}/pairs/${name}`, import.meta.url), 'utf8'));
  const own = lines.filter((_, i) => i % 2 === 0);
  const cef = lines.filter((_, i) => i % 2 === 1);
  expect(cef.every((l) => l.includes(`${siem.id.toUpperCase()}:`))).toBe(true);
  const a = parseLines(native, own, { tz: 'Europe/Berlin' });
  const b = parseLines(siem, cef, { tz: 'Europe/Berlin' });
  expect([a.malformed, a.skipped, b.malformed, b.skipped]).toEqual([[], [], [], []]);
  expect(a.events).toHaveLength(own.length);
  expect(b.events).toHaveLength(cef.length);
  return a.events.map((e, i) => [e, b.events[i]!]);
}

/** What both readings must agree on, ECS's rule and zone fields included. */
function compared(e: FirewallEvent): unknown {
  const ecs = JSON.parse(eventToEcs(e)) as { rule?: unknown; observer?: { ingress?: { zone?: string }; egress?: { zone?: string } } };
  return {
    time: e.time?.toISOString(),
    host: e.host,
    action: e.action,
    direction: e.direction,
    proto: e.proto,
    src: e.src,
    dst: e.dst,
    count: e.count,
    rule: e.rule,
    ecsRule: ecs.rule,
    zones: [ecs.observer?.ingress?.zone, ecs.observer?.egress?.zone],
    icmp: e.icmp,
    inIface: e.inIface,
    outIface: e.outIface,
  };
}

describe('cef and the native formats: the same session reads the same', () => {
  it('PAN-OS syslog and PAN-OS CEF: direction from the default zones only (untrust->untrust and untrust->dmz none), the native rule label', () => {
    const p = pairs('paloalto.log', paloaltoFormat);
    for (const [own, cef] of p) expect(compared(cef)).toEqual(compared(own));
    expect(p.map(([, c]) => [c.direction, c.rule])).toEqual([
      ['in', 'interzone-default untrust->trust'],
      ['out', 'lan-out trust->untrust'],
      [null, 'interzone-default untrust->untrust'],
      [null, '"dmz web" untrust->dmz'],
      ['out', 'dns-out trust->untrust'],
    ]);
    expect(p.map(([, c]) => c.action)).toEqual(['drop', 'allow', 'drop', 'reject', 'allow']);
    expect(compared(p[3]![1])).toMatchObject({ ecsRule: { name: 'dmz web' }, zones: ['untrust', 'dmz'] });
  });

  it('FortiGate syslog and FortiGate CEF: direction from the interfaces\' roles and traffic:local, the native policy label', () => {
    const p = pairs('fortigate.log', fortigateFormat);
    for (const [own, cef] of p) expect(compared(cef)).toEqual(compared(own));
    expect(p.map(([, c]) => [c.direction, c.rule])).toEqual([
      ['forward', 'policy 0 wan->lan'],
      ['out', 'policy 1 "LAN to Internet" lan->wan'],
      ['in', 'local-in-policy6 0 wan->local'],
      ['out', 'policy 7 "dmz-ntp" dmz->wan'],
      ['forward', 'policy 0 lan->dmz'],
      ['out', 'policy 1 "LAN to Internet" lan->wan'],
    ]);
    expect(compared(p[2]![1])).toMatchObject({ ecsRule: { ruleset: 'local-in-policy6', id: '0' }, zones: ['wan', undefined] });
    // FTNTFGTicmptype/FTNTFGTicmpcode in hex, as the native icmptype; a local-in record's out interface is the vdom: none.
    expect(p.map(([, c]) => c.icmp && [c.icmp.type, c.icmp.code])).toEqual([null, null, [128, 0], null, null, [8, 0]]);
    expect(p.map(([, c]) => [c.inIface, c.outIface])).toEqual([
      ['wan1', 'internal'], ['internal', 'wan1'], ['wan1', null], ['dmz', 'wan1'], ['internal', 'dmz'], ['internal', 'wan1'],
    ]);
  });

  it('Check Point syslog and Check Point CEF: with no zones deviceDirection is ifdir (0 inbound: in, 1 outbound: out), ifname its one interface', () => {
    const p = pairs('checkpoint.log', checkpointFormat);
    for (const [own, cef] of p) expect(compared(cef)).toEqual(compared(own));
    expect(p.map(([, c]) => [c.direction, c.inIface, c.outIface, c.rule])).toEqual([
      ['in', 'eth1', null, 'Network: rule - "Cleanup"'],
      ['out', null, 'eth0', 'Network: rule - "LAN to Internet"'],
      ['out', 'eth2', null, 'Network: rule - "DNS out" Internal->External'],
      ['in', 'eth1', null, 'Network: rule - "Cleanup" External->Local'],
    ]);
  });

  it('PAN-OS syslog and PAN-OS LEEF (its |-separated profile, devTime in GMT against the native local time): the same directions, actions, counts and rule labels', () => {
    const p = pairs('paloalto.log', paloaltoFormat, leefFormat);
    for (const [own, leef] of p) expect(compared(leef)).toEqual(compared(own));
    expect(p.map(([, l]) => [l.format, l.direction, l.action, l.count, l.rule])).toEqual([
      ['leef', 'in', 'drop', 1, 'interzone-default untrust->trust'],
      ['leef', 'out', 'allow', 1, 'lan-out trust->untrust'],
      ['leef', null, 'drop', 2, 'interzone-default untrust->untrust'],
      ['leef', null, 'reject', 4, '"dmz web" untrust->dmz'],
      ['leef', 'out', 'allow', 1, 'dns-out trust->untrust'],
    ]);
    expect(p[0]![1].time?.toISOString()).toBe('2026-11-20T05:25:01.000Z');
  });

  it('Check Point syslog and Check Point LEEF (Log Exporter: LEEF 2.0 without its delimiter field, tabs, epoch devTime): ifdir and ifname as the native log', () => {
    const p = pairs('checkpoint.log', checkpointFormat, leefFormat);
    for (const [own, leef] of p) expect(compared(leef)).toEqual(compared(own));
    expect(p.map(([, l]) => [l.direction, l.inIface, l.outIface, l.rule])).toEqual([
      ['in', 'eth1', null, 'Network: rule - "Cleanup"'],
      ['out', null, 'eth0', 'Network: rule - "LAN to Internet"'],
      ['out', 'eth2', null, 'Network: rule - "DNS out" Internal->External'],
      ['in', 'eth1', null, 'Network: rule - "Cleanup" External->Local'],
    ]);
  });
});
