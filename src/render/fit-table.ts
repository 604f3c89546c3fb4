// Box tables fitted to the terminal's width: which columns to drop, narrow or move under
// the rows so the free text stays readable. The report's tables (report-text.ts) are drawn
// with these; box-table.ts draws the cells once their widths are chosen.
import type { Colors } from './colors.js';
import { boxTable, displayWidth, fitWidths, spanWidth, wrapAddress, wrapText } from './box-table.js';


/**
 * A compact bordered table. Cells may hold several lines; a line wider than its column
 * is wrapped (wrapText: at spaces, Chinese anywhere, an over-long word cut, nothing
 * lost). `widths` are text columns (the border adds 3 per column and 1); without them
 * each column is as wide as its widest line. `paint` colours a cell line by line, so a
 * colour never spans a border.
 */
export function textTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  c: Colors,
  widths?: readonly number[],
  paint?: (row: number, col: number, line: string) => string,
  notes?: readonly string[],
): string {
  const split = rows.map((r) => r.map((cell) => cell.split('\n')));
  const w = widths ?? head.map((h, col) => Math.max(displayWidth(h), ...split.map((r) => Math.max(...r[col]!.map(displayWidth)))));
  const cells = split.map((r, row) =>
    r.map((lines, col) => lines.flatMap((l) => (displayWidth(l) > w[col]! ? wrapText(l, w[col]!) : [l])).map((l) => (paint ? paint(row, col, l) : l))),
  );
  return boxTable(head.map((h) => c.bold(h)), cells, w, true, notes);
}

/** Text width a column needs for these cells. */
export function colWidth(cells: string[]): number {
  let w = 0;
  for (const s of cells) for (const line of s.split('\n')) w = Math.max(w, displayWidth(line));
  return w;
}

/**
 * Natural column widths, narrowed to fit `width` terminal columns: each [column, least
 * width] in turn gives up what it can (its cells then wrap). A long error message or path
 * would otherwise push the table past the terminal's edge.
 */
export function shrinkToFit(head: readonly string[], rows: readonly (readonly string[])[], width: number, shrinkable: readonly (readonly [number, number])[]): number[] {
  const widths = head.map((hd, col) => colWidth([hd, ...rows.map((r) => r[col]!)]));
  let over = widths.reduce((a, b) => a + b, 0) + 3 * widths.length + 1 - width;
  for (const [col, least] of shrinkable) {
    if (over <= 0) break;
    const give = Math.max(0, Math.min(over, widths[col]! - Math.max(least, displayWidth(head[col]!))));
    widths[col]! -= give;
    over -= give;
  }
  return widths;
}

/** The narrowest a table's free-text column gets: "vertical scan:" still fits on a line. */
const LAST_FLOOR = 14;

export interface Column<T> {
  head: string;
  cell(row: T): string;
  /** Dropped first (highest first) when the terminal is narrow. */
  drop?: number;
  /**
   * A column of addresses (an IPv6 one is 39 columns): when even with every optional
   * column dropped the table would be wider than the terminal, it narrows to as little
   * as `least` columns and `wrap` breaks each cell to that width.
   */
  narrow?: { least: number; wrap(cell: string, width: number): string };
}

/** The narrowest an address column gets: two IPv6 groups ("2001:db8:") a line, so the sources table of a 65-column terminal fits. */
const ADDRESS_LEAST = 10;

/**
 * The narrowest an address column of these addresses gets: an IPv4 address has no ':' to
 * break after, and cut anywhere else ("198.51.100.10" over "0") it reads as another address.
 */
export function addressLeast(addresses: readonly string[]): number {
  return Math.max(ADDRESS_LEAST, ...addresses.filter((a) => !a.includes(':')).map(displayWidth));
}

/** Below its floor, the last column still takes what is left down to this before the table overflows (an IPv4 address is not cut). */
const LAST_LEAST = 10;

/** An address cell's first line (the address) broken after its ':'s to `width`; the lines under it (a PTR name) wrap as any text. */
export function wrapAddressCell(cell: string, width: number): string {
  const [address = '', ...rest] = cell.split('\n');
  return [...wrapAddress(address, width), ...rest].join('\n');
}

/**
 * A table whose last column (free text) takes what the terminal has left; optional
 * columns are dropped when that would leave it narrower than minLast. With none left to
 * drop it may go down to LAST_FLOOR columns (taller, but inside the terminal); below
 * that an address column gives up columns (its IPv6 addresses wrap after a ':'), and then
 * the last column down to LAST_LEAST, before the table overflows.
 */
function fittedTable<T>(rows: readonly T[], cols: Column<T>[], c: Colors, width: number, minLast = 22, color?: (row: T, col: number, text: string) => string, note?: (row: T) => string): { table: string; shown: Column<T>[] } {
  let use = cols;
  for (;;) {
    const fixed = use.slice(0, -1).map((col) => colWidth([col.head, ...rows.map((r) => col.cell(r))]));
    const widths = fitWidths(fixed, width, 0);
    const droppable = use.filter((col) => col.drop !== undefined);
    if (widths[fixed.length]! >= minLast || droppable.length === 0) {
      const floor = droppable.length === 0 ? Math.min(minLast, LAST_FLOOR) : minLast;
      // What the last column lacks: fitWidths gives it at least 0, the table may be wider still.
      const used = (ws: readonly number[]): number => ws.reduce((a, b) => a + b, 0) + 3 * (ws.length + 1) + 1;
      let short = floor - (width - used(fixed));
      for (const [i, col] of use.slice(0, -1).entries()) {
        if (short <= 0 || col.narrow === undefined) continue;
        const give = Math.max(0, Math.min(short, fixed[i]! - Math.max(col.narrow.least, displayWidth(col.head))));
        widths[i]! -= give;
        short -= give;
      }
      widths[fixed.length] = Math.max(Math.min(floor, LAST_LEAST), width - used(widths.slice(0, -1)));
      const cells = rows.map((r) => use.map((col, i) => (col.narrow !== undefined && widths[i]! < fixed[i]! ? col.narrow.wrap(col.cell(r), widths[i]!) : col.cell(r))));
      const table = textTable(
        use.map((col) => col.head),
        cells,
        c,
        widths,
        color && ((row, col, line) => color(rows[row]!, col, line)),
        note && rows.map(note),
      );
      return { table, shown: use };
    }
    const worst = droppable.reduce((a, b) => ((b.drop ?? 0) > (a.drop ?? 0) ? b : a));
    use = use.filter((col) => col !== worst);
  }
}

/** How a table's free-text column becomes a note under each row (notedTable). */
export interface NoteRule<T> {
  /** The free text, the table's last column or each row's note. */
  text: Column<T>;
  /** The narrowest it gets beside the other columns; below it each row's text goes under the row. */
  least: number;
  /**
   * Whether the optional columns count against that room. The sources' seen and hosts
   * do not: beside a why column they are dropped first. The interpretations' example
   * does: it stays beside the names while the meanings go under them.
   */
  optionalCounts: boolean;
  /** Where the text goes under the rows: the first column's cell given the room the others leave it (names on one line). */
  widenFirst?: (room: number) => (row: T) => string;
  /** The dim line under the table naming the optional columns left out for width (their heads), so none goes without a word. */
  leftOut?: (heads: readonly string[]) => string;
}

/**
 * A table whose free-text column goes under each row, across the table, when the columns
 * beside it would leave it fewer than `rule.least`: at 65 columns "vertical scan: 300
 * ports in 2 min" took seven lines of a 15-column cell, and a meaning a dozen lines of a
 * 30-column one. Optional columns then stay while they fit at their natural width.
 */
export function notedTable<T>(rows: readonly T[], cols: Column<T>[], rule: NoteRule<T>, c: Colors, width: number, color: (row: T, col: number, text: string) => string): string {
  const natural = (cs: readonly Column<T>[]): number[] => cs.map((col) => colWidth([col.head, ...rows.map((r) => col.cell(r))]));
  const counted = rule.optionalCounts ? cols : cols.filter((col) => col.drop === undefined);
  const said = ({ table, shown }: { table: string; shown: Column<T>[] }): string => {
    const heads = new Set(shown.map((col) => col.head));
    const left = cols.filter((col) => col.drop !== undefined && !heads.has(col.head)).map((col) => col.head);
    if (left.length === 0 || rule.leftOut === undefined) return table;
    return `${table}\n${wrapText(rule.leftOut(left), width).map((l) => c.dim(l)).join('\n')}`;
  };
  if (width - spanWidth([...natural(counted), 0]) - 4 >= rule.least) return said(fittedTable(rows, [...cols, rule.text], c, width, 22, color));
  let keep = cols;
  while (spanWidth(natural(keep)) + 4 > width && keep.some((col) => col.drop !== undefined)) {
    const worst = keep.reduce((a, b) => ((b.drop ?? -1) > (a.drop ?? -1) ? b : a));
    keep = keep.filter((col) => col !== worst);
  }
  // The last column keeps its natural width (fittedTable's "last" is a free-text column's place).
  const minLast = natural(keep.slice(-1))[0]!;
  if (rule.widenFirst !== undefined) {
    const [first, ...rest] = keep;
    keep = [{ ...first!, cell: rule.widenFirst(width - spanWidth([0, ...natural(rest)]) - 4) }, ...rest];
  }
  return said(fittedTable(rows, keep, c, width, minLast, color, (r) => rule.text.cell(r).replace(/\n/g, ' ')));
}

/** A cell of lines wrapped again, each to `width`. */
export function rewrap(cell: string, width: number): string {
  return cell.split('\n').flatMap((l) => wrapText(l, width)).join('\n');
}
