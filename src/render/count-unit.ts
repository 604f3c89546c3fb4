// Windows Firewall writes one ALLOW (OPEN, CLOSE) row per connection it lets through and one
// DROP row per packet: a count of a Windows log's rows is not a count of packets. Tables and
// charts head their counts by what they are.
import type { CountUnit, Messages } from '../i18n/en.js';

/** Packets; connections when every record counted is a connection row; records when they are both. */
export function countUnit(t: { packets: number; connections: number }): CountUnit {
  if (t.connections <= 0) return 'packets';
  return t.connections >= t.packets ? 'connections' : 'records';
}

/** A table's count column, headed by its unit. */
export function unitHead(unit: CountUnit, h: Messages['report']['head']): string {
  return unit === 'packets' ? h.packets : unit === 'connections' ? h.connections : h.records;
}
