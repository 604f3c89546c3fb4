// A log line shown as an example after a label (`check`'s "e.g. line 14: …"): wrapped to the
// terminal under the label's end in a few lines at most, "…" where it is cut. Cut at a fixed
// length it ran past an 80-column terminal, which wrapped it under nothing.
// The text is log text: every character goes through termSafe. An escape (`\t`, `\x1b`) and a
// run of one control character (`\x00×212`) are units the wrap never splits, and spaces inside
// a line are kept as logged (the text is to be recognised in the log, not reflowed).
import { displayWidth, wrapText } from './box-table.js';
import { termSafe } from './sanitize.js';

/** The most terminal lines an example's text takes. */
export const EXCERPT_LINES = 3;

/** Below this many columns after its label, the text goes on the lines under the label instead. */
const MIN_ROOM = 30;

// eslint-disable-next-line no-control-regex
const CONTROL_RUN = /([\u0000-\u0008\u000e-\u001f])\1{3,}/g;

/**
 * The text as shown on a terminal, in units a wrap may break between: each character as
 * termSafe shows it, a run of four or more of one control character once with its count
 * ("\x00×212"), so padding does not bury the record.
 */
export function shownUnits(text: string): string[] {
  const units: string[] = [];
  const chars = (s: string): void => {
    for (const ch of s) units.push(termSafe(ch));
  };
  let from = 0;
  for (const m of text.matchAll(CONTROL_RUN)) {
    chars(text.slice(from, m.index));
    units.push(`${termSafe(m[1]!)}×${m[0].length}`);
    from = m.index + m[0].length;
  }
  chars(text.slice(from));
  return units;
}

/** termSafe with control runs counted: shownUnits as one string. */
export function shownText(text: string): string {
  return shownUnits(text).join('');
}

/**
 * Units in lines of at most `width` columns, broken at a space when a word fits on a line
 * (the space is where the line breaks), else at the column; at most `maxLines`, the last
 * filled to the width with what follows, cut there with "…" when there was more.
 */
export function wrapUnits(units: readonly string[], width: number, maxLines: number): string[] {
  const w = Math.max(2, width);
  const lines: string[][] = [];
  /** Where in `units` each line begins. */
  const starts: number[] = [];
  let line: string[] = [];
  let lineW = 0;
  const flush = (): void => {
    while (line.length > 0 && line[line.length - 1] === ' ') line.pop();
    lines.push(line);
    line = [];
    lineW = 0;
  };
  const add = (k: number, uw: number): void => {
    if (line.length === 0) starts[lines.length] = k;
    line.push(units[k]!);
    lineW += uw;
  };
  for (let i = 0; i < units.length; ) {
    let j = i;
    const space = units[i] === ' ';
    while (j < units.length && (units[j] === ' ') === space) j++;
    if (space) {
      // Spaces a line broke at are not carried to the next one.
      const brokeHere = lineW === 0 && lines.length > 0;
      if (!brokeHere && lineW + (j - i) > w) flush();
      else if (!brokeHere) for (let k = i; k < j; k++) add(k, 1);
      i = j;
      continue;
    }
    let runW = 0;
    for (let k = i; k < j; k++) runW += displayWidth(units[k]!);
    if (lineW > 0 && lineW + runW > w && runW <= w) flush();
    for (let k = i; k < j; k++) {
      const uw = displayWidth(units[k]!);
      if (lineW > 0 && lineW + uw > w) flush();
      add(k, uw);
    }
    i = j;
  }
  if (line.length > 0 || lines.length === 0) flush();
  if (lines.length <= maxLines) return lines.map((l) => l.join(''));
  // The last line kept: its own words and as much of the next as fits before the "…".
  const n = Math.max(1, maxLines);
  const last: string[] = [];
  let lastW = 0;
  for (let k = starts[n - 1] ?? units.length; k < units.length; k++) {
    const uw = displayWidth(units[k]!);
    if (lastW + uw > w - 1) break;
    last.push(units[k]!);
    lastW += uw;
  }
  while (last.length > 0 && last[last.length - 1] === ' ') last.pop();
  last.push('…');
  return [...lines.slice(0, n - 1).map((l) => l.join('')), last.join('')];
}

/**
 * `indent` spaces, `label` (shown text, ending where the example begins: "e.g. line 14: "),
 * then `text` (raw log text) in at most EXCERPT_LINES lines wrapped to `width` under the
 * label's end; when that leaves too little room (a long reason in the label), the label
 * alone (wrapped) and the text on the lines left of EXCERPT_LINES under it, two columns
 * further in. `paint` colours each line on its own.
 */
export function labelledExcerpt(indent: number, label: string, text: string, width: number, paint: (s: string) => string = (s) => s): string[] {
  const units = shownUnits(text);
  const lead = ' '.repeat(indent);
  const hang = indent + displayWidth(label);
  if (width - hang >= MIN_ROOM) {
    const pad = ' '.repeat(hang);
    return wrapUnits(units, width - hang, EXCERPT_LINES).map((l, i) => paint(`${i === 0 ? lead + label : pad}${l}`));
  }
  const under = ' '.repeat(indent + 2);
  const head = wrapText(label.trimEnd(), width - indent);
  // The label's lines count toward the example's: it still takes EXCERPT_LINES (one line of text at least).
  return [...head.map((l) => paint(lead + l)), ...wrapUnits(units, width - indent - 2, Math.max(1, EXCERPT_LINES - head.length)).map((l) => paint(under + l))];
}
