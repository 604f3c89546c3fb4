// Real psad scan captures (../shared/corpus/iptables/psad_*_scan_1000_1150.log), read
// by the iptables parser: each must give its stealth/UDP finding for the scanner.
import { describe, expect, it } from 'vitest';
import { iptablesFormat } from '../../src/parsers/iptables.js';
import { parseFile } from '../helpers/parse.js';
import { summarize } from '../helpers/summary-events.js';

const CORPUS = new URL('../../../shared/corpus/iptables/', import.meta.url).pathname;

// No skip when the corpus is missing: like the other corpus tests, this one fails then.
describe('psad scan captures', () => {
  it.each([
    ['null', 'null-scan'],
    ['fin', 'fin-scan'],
    ['xmas', 'xmas-scan'],
    ['udp', 'udp-scan'],
  ])('psad_%s_scan_1000_1150.log → %s', (kind, finding) => {
    const { events } = parseFile(iptablesFormat, `${CORPUS}psad_${kind}_scan_1000_1150.log`);
    expect(events.length).toBeGreaterThan(100);
    const r = summarize(events);
    const top = r.sources[0];
    expect(top.ip).toBe('192.168.10.55');
    expect(top.findings.map((f) => f.id)).toContain(finding);
    expect(top.ports).toBeGreaterThanOrEqual(100);
    expect(top.explanation.length).toBeGreaterThan(0);
  });
});
