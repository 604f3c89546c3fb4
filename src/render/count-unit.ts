// Windows Firewall writes one ALLOW (OPEN, CLOSE) row per connection it lets through and one
// DROP row per packet, a Cisco ASA one Built and one Teardown record per connection
// (parsers/connection-records.ts): a count of such a log's records is not a count of packets. Tables and
// charts head their counts by what they are: by the rows a table lists, not by the whole log
// (a table of DROP senders in a log of this side's connections counts packets).
import type { CountUnit, Messages } from '../i18n/en.js';

/** What a count of records is made of: `connections` and `gapRows` (INFO-EVENTS-LOST rows, no packet) are of `packets`. */
export interface RowCounts {
  packets: number;
  connections: number;
  gapRows?: number;
}

/** Packets; connections when every record counted is a connection row; records when they are both, or any is a log-gap row. */
export function countUnit(t: RowCounts): CountUnit {
  if ((t.gapRows ?? 0) > 0) return 'records';
  if (t.connections <= 0) return 'packets';
  return t.connections >= t.packets ? 'connections' : 'records';
}

/** The unit of a table's count column: of the rows it lists together. */
export function rowsUnit(rows: readonly RowCounts[]): CountUnit {
  const sum: Required<RowCounts> = { packets: 0, connections: 0, gapRows: 0 };
  for (const r of rows) {
    sum.packets += r.packets;
    sum.connections += r.connections;
    sum.gapRows += r.gapRows ?? 0;
  }
  return countUnit(sum);
}

/** A table's count column, headed by its unit. */
export function unitHead(unit: CountUnit, h: Messages['report']['head']): string {
  return unit === 'packets' ? h.packets : unit === 'connections' ? h.connections : h.records;
}
