import { describe, expect, test } from 'vitest';
import { loadOsHints, osHint, parseOsHints } from '../../src/enrich/os-hint.js';
import { SignatureError } from '../../src/errors.js';
import { ProfileTable } from '../../src/aggregate/profile.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { at, makeEvent } from '../helpers/events.js';

const rules = loadOsHints();

describe('OS hint from the first packet', () => {
  test('the built-in signatures/os-hints.json is valid', () => {
    expect(rules.rules.map((r) => r.id)).toContain('linux-unix');
  });

  test.each([
    [52, 29200, 'linux-unix', 64, 12],
    [64, null, 'linux-unix', 64, 0],
    [117, 8192, 'windows', 128, 11],
    [240, null, 'network-device', 255, 15],
    [30, 5840, 'legacy-embedded', 32, 2],
    [45, 1024, 'raw-scanner', 64, 19],
  ])('TTL %i window %s → %s', (ttl, win, id, initial, hops) => {
    const h = osHint(rules, ttl, win, 'en');
    expect(h).toMatchObject({ id, initialTtl: initial, hops, ttl, window: win });
    expect(h!.text).toMatch(/^likely /);
  });

  test('no hint without a TTL, or when the TTL is implausibly low (traceroute)', () => {
    expect(osHint(rules, null, 64240, 'en')).toBeNull();
    expect(osHint(rules, 0, null, 'en')).toBeNull();
    // 1 → initial 32, 31 hops: still plausible; 70 → 128 with 58 hops is not.
    expect(osHint(rules, 70, null, 'en')).toBeNull();
  });

  test('Chinese text with --lang zh', () => {
    expect(osHint(rules, 120, null, 'zh')!.text).toBe('可能是 Windows');
  });

  test('the profile keeps TTL/window of the earliest packet, in any order', () => {
    const evs = [
      makeEvent({ time: at(10), ttl: 117, tcpWindow: 8192 }),
      makeEvent({ time: at(0), ttl: 50, tcpWindow: 29200 }),
      makeEvent({ time: at(5), ttl: 240, tcpWindow: null, proto: 'udp' }),
    ];
    for (const order of [evs, [...evs].reverse()]) {
      const t = new ProfileTable(DEFAULT_THRESHOLDS);
      for (const e of order) t.add(e);
      const p = t.get('203.0.113.7')!;
      expect([p.firstTtl, p.firstWindow]).toEqual([50, 29200]);
    }
  });

  test.each([
    [{ schemaVersion: 2, initialTtls: [64], maxHops: 30, entries: [] }, /schemaVersion/],
    [{ schemaVersion: 1, initialTtls: [64], maxHops: 30, entries: [{ id: 'Bad Id', initialTtl: 64, text: { en: 'x', zh: 'x' }, source: 's' }] }, /\.id/],
    [{ schemaVersion: 1, initialTtls: [64], maxHops: 30, entries: [{ id: 'a', initialTtl: 100, text: { en: 'x', zh: 'x' }, source: 's' }] }, /initialTtl: expected one of 64/],
    [{ schemaVersion: 1, initialTtls: [64], maxHops: 30, entries: [{ id: 'a', windows: [70000], text: { en: 'x', zh: 'x' }, source: 's' }] }, /windows\[0\]/],
    [{ schemaVersion: 1, initialTtls: [64], maxHops: 30, entries: [{ id: 'a', text: { en: 'x', zh: 'x' }, source: 's' }] }, /needs "initialTtl", "windows"/],
    [{ schemaVersion: 1, initialTtls: [64], maxHops: 30, entries: [{ id: 'a', initialTtl: 64, text: { en: 'x' }, source: 's' }] }, /text\.zh/],
    [{ schemaVersion: 1, initialTtls: [64], maxHops: 30, entries: [{ id: 'a', initialTtl: 64, text: { en: 'x', zh: 'x' }, source: 's', severty: 1 }] }, /unknown key/],
    [{ schemaVersion: 1, initialTtls: [64], maxHops: 0, entries: [] }, /maxHops/],
  ])('invalid rules are refused with file, entry and field (%#)', (doc, msg) => {
    expect(() => parseOsHints(doc, 'os-hints.json', JSON.stringify(doc, null, 2))).toThrow(SignatureError);
    expect(() => parseOsHints(doc, 'os-hints.json', JSON.stringify(doc, null, 2))).toThrow(msg);
  });

  test('an error names the line of the entry', () => {
    const doc = { schemaVersion: 1, initialTtls: [64], maxHops: 30, entries: [{ id: 'ok', initialTtl: 64, text: { en: 'x', zh: 'x' }, source: 's' }, { id: 'dup', initialTtl: 65, text: { en: 'x', zh: 'x' }, source: 's' }] };
    expect(() => parseOsHints(doc, 'f.json', JSON.stringify(doc, null, 2))).toThrow(/f\.json \(dup\).*\(line \d+\)/);
  });
});
