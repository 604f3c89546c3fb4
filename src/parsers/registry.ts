// Every supported format, in sniffing priority order (ties go to the earlier one).
// Adding a format = one parser file + one line here + fixtures in test/fixtures/<id>/.
import type { FormatDefinition } from './types.js';
import { ciscoAsaFormat } from './cisco-asa.js';
import { filterlogFormat } from './filterlog.js';
import { iptablesFormat } from './iptables.js';
import { journalExportFormat, journalJsonFormat } from './journald.js';
import { mikrotikFormat } from './mikrotik.js';
import { pfFormat } from './pf.js';
import { windowsFirewallFormat } from './windows-firewall.js';

export const formats: readonly FormatDefinition[] = [
  windowsFirewallFormat,
  journalExportFormat,
  journalJsonFormat,
  iptablesFormat,
  // After iptables: a tie on a mixed syslog file keeps iptables, and the payload
  // dispatcher (payload-dispatch.ts) reads the other formats' lines either way.
  filterlogFormat,
  ciscoAsaFormat,
  mikrotikFormat,
  pfFormat,
];

export function getFormat(id: string): FormatDefinition | undefined {
  return formats.find((f) => f.id === id);
}

export interface SniffResult {
  format: FormatDefinition | null;
  confidence: number;
}

/** Picks the format of a file from its first lines; null when nothing is confident. */
export function sniffFormat(lines: readonly string[]): SniffResult {
  const sample = lines.filter((l) => l.trim() !== '');
  let best: SniffResult = { format: null, confidence: 0 };
  for (const f of formats) {
    const c = f.sniff(sample);
    if (c > best.confidence) best = { format: f, confidence: c };
  }
  return best;
}
