// The committed samples (samples/, made by scripts/make-samples.mjs) must work out of
// the box: each is sniffed as the right format, nearly every record becomes an event,
// and nothing is malformed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../src/parsers/registry.js';
import { parseLines, splitLines } from './helpers/parse.js';

const dir = new URL('../samples/', import.meta.url).pathname;

/** file, expected format id, how to recognise a firewall record line in it. */
const SAMPLES: readonly [string, string, RegExp][] = [
  ['ufw.log', 'iptables', /\bIN=\S* OUT=/],
  ['firewalld.log', 'iptables', /\bIN=\S* OUT=/],
  ['iptables.log', 'iptables', /IN=\S* OUT=/],
  ['pfirewall.log', 'windows-firewall', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (DROP|ALLOW|OPEN|CLOSE) /],
];

describe('samples', () => {
  for (const [name, formatId, record] of SAMPLES) {
    describe(name, () => {
      const text = readFileSync(dir + name, 'utf8');
      const lines = splitLines(text);

      it('is small enough to ship', () => {
        expect(Buffer.byteLength(text)).toBeLessThan(200 * 1024);
        expect(lines.length).toBeGreaterThanOrEqual(200);
        expect(lines.length).toBeLessThanOrEqual(1500);
      });

      it(`is sniffed as ${formatId}`, () => {
        const head = lines.slice(0, 50).filter((l) => l.trim() !== '');
        expect(sniffFormat(head).format?.id).toBe(formatId);
      });

      it('turns >= 99% of its records into events, with none malformed', () => {
        const r = parseLines(sniffFormat(lines.slice(0, 50)).format!, lines, { file: name });
        expect(r.malformed).toEqual([]);
        expect(r.events.length + r.skipped.length).toBe(lines.length);
        const records = lines.filter((l) => record.test(l)).length;
        // A `message repeated N times` line is one record and one event (with count N).
        expect(r.events.length).toBeGreaterThanOrEqual(0.99 * records);
        expect(r.events.every((e) => e.format === formatId && e.time !== null)).toBe(true);
      });
    });
  }

  it('uses documentation ranges for public addresses and RFC 1918 for the local side', () => {
    const local = /^(10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.|0\.0\.0\.0$|255\.255\.255\.255$|22[4-9]\.|23\d\.|fe80:|ff02:)/i;
    const doc = /^(192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|2001:0?db8:)/i;
    for (const [name] of SAMPLES) {
      const text = readFileSync(dir + name, 'utf8');
      const ips = [...text.matchAll(/(?:SRC|DST)=([0-9a-f.:]+)/gi)].map((m) => m[1]!);
      for (const line of splitLines(text)) {
        const f = line.split(' ');
        if (/^\d{4}-\d{2}-\d{2}$/.test(f[0]!) && f.length >= 6) ips.push(f[4]!, f[5]!);
      }
      const odd = ips.filter((ip) => ip !== '-' && !local.test(ip) && !doc.test(ip));
      expect(odd, name).toEqual([]);
    }
  });
});
