// A loghost's file: WatchGuard, Check Point, Meraki, Zyxel, Hillstone, Huawei USG, H3C SecPath
// and LEEF lines as a relay writes them (its BSD header before each device's message), among
// iptables and FortiGate lines. Each line must go
// to its own format (the file's sniffed parser hands the others on by their tags) and be read,
// none misread by another format.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from '../helpers/cli.js';

const PER_FORMAT = 12;

function records(path: string): string[] {
  return readFileSync(join(repoRoot, path), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, PER_FORMAT);
}

const stripPri = (l: string) => l.replace(/^<\d+>/, '');

/** Each format's lines as the loghost stores them. */
const SOURCES: Record<string, string[]> = {
  watchguard: records('test/fixtures/watchguard/sample/fb-edge.log').map(stripPri),
  // rsyslog's traditional format of an RFC 5424 message: host, app[procid]:, then the bracket.
  checkpoint: records('test/fixtures/checkpoint/sample/gw-office.log').map((l) => {
    const m = /^<\d+>1 \S+ (\S+) (\S+) (\S+) - (.*)$/.exec(l);
    if (m === null) throw new Error(`not an RFC 5424 Check Point line: ${l}`);
    return `Nov 20 01:02:03 ${m[1]} ${m[2]}[${m[3]}]: ${m[4]}`;
  }),
  meraki: records('test/fixtures/meraki/sample/mx68.log').map((l) => `Nov 20 01:02:03 192.168.10.1 ${stripPri(l)}`),
  iptables: records('samples/iptables.log'),
  fortigate: records('test/fixtures/fortigate/sample/fgt60f.log').map((l) => `Nov 20 01:02:03 192.0.2.99 ${stripPri(l)}`),
  // The devices' own headers behind the relay's: ZLD's and Comware's with the year after the
  // clock (read as the device's time and host, not the year as host), VRP's with the year
  // before it; Hillstone's and the LEEF sender's with the <PRI> a relay that did not parse them kept.
  zyxel: records('test/fixtures/zyxel/sample/usgflex500.log').map((l) => `Nov 20 01:02:03 loghost ${stripPri(l)}`),
  hillstone: records('test/fixtures/hillstone/sample/sg6000.log').map((l) => `Nov 20 01:02:03 loghost ${l}`),
  'huawei-usg': records('test/fixtures/huawei-usg/sample/usg6555e.log').map((l) => `Nov 20 01:02:03 loghost ${stripPri(l)}`),
  'h3c-secpath': records('test/fixtures/h3c-secpath/sample/f1000.log').map((l) => `Nov 20 01:02:03 loghost ${stripPri(l)}`),
  leef: records('test/fixtures/leef/sample/pa-edge.log').map((l) => `Nov 20 01:02:03 loghost ${l}`),
};

type Read = { format: string; host: string | null; origin: { line: number } };

function readEvents(lines: readonly string[]): Read[] {
  const path = join(tempDir(), 'loghost.log');
  writeFileSync(path, `${lines.join('\n')}\n`);
  const out = runCli(['events', path]).stdout.trim();
  return out === '' ? [] : out.split('\n').map((l) => JSON.parse(l) as Read);
}

describe('a loghost file mixing the syslog formats', () => {
  it('gives each line to its own format, in any order of first lines', () => {
    const ids = Object.keys(SOURCES);
    for (const first of ids) {
      // Round robin, starting with `first`: the format sniffed differs, the owners must not.
      const order = [first, ...ids.filter((id) => id !== first)];
      const lines: string[] = [];
      const owner: string[] = [];
      for (let i = 0; i < PER_FORMAT; i++) {
        for (const id of order) {
          lines.push(SOURCES[id]![i]!);
          owner.push(id);
        }
      }
      const events = readEvents(lines);
      const path = join(tempDir(), 'loghost.log');
      writeFileSync(path, `${lines.join('\n')}\n`);
      const wrong = events.filter((e) => e.format !== owner[e.origin.line - 1]).map((e) => `${e.origin.line}: ${owner[e.origin.line - 1]} read as ${e.format}`);
      expect(wrong, `first ${first}`).toEqual([]);
      // Every format's records were read (a few sample lines are no record: skipped, not misread).
      expect(new Set(events.map((e) => e.format)), `first ${first}`).toEqual(new Set(ids));
      const check = runCli(['check', path]).stdout;
      expect(check, `first ${first}`).toMatch(/ 0 malformed/);
    }
  });

  it('reads as many records of each format among the others as in its lines alone, none with the relay as host', () => {
    const ids = Object.keys(SOURCES);
    const lines: string[] = [];
    for (let i = 0; i < PER_FORMAT; i++) for (const id of ids) lines.push(SOURCES[id]![i]!);
    const mixed = readEvents(lines);
    for (const id of ids) {
      const alone = readEvents(SOURCES[id]!);
      expect(alone.length, id).toBeGreaterThan(0);
      expect(mixed.filter((e) => e.format === id).length, id).toBe(alone.length);
    }
    expect(mixed.filter((e) => e.host === 'loghost' || e.host === '2026').map((e) => `${e.origin.line} ${e.format}`)).toEqual([]);
  });
});
