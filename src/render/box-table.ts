// Text fitted to terminal columns (wrapText: Chinese wraps between any two characters,
// where cli-table3 broke only at spaces and cut the rest off, but a short Chinese word
// after a space moves to the next line whole; wrapItems: a " · " list;
// wrapLabelled: a sentence after a label), and a bordered table for cells already
// wrapped to their column: cli-table3's box drawing, without measuring
// every cell through strip-ansi, which compiles a new RegExp per call (most of
// `logscan explain`'s run time, and a third of a small report's).

/** The escape sequences this program itself colours with (SGR); log text is sanitized before it gets here. */
const SGR = /\x1b\[[0-9;]*m/g;

// East Asian wide/fullwidth blocks: two terminal columns each (as string-width counts
// them). Ambiguous-width punctuation counts as one.
export const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns a string takes (colour codes take none). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.includes('\x1b') ? s.replace(SGR, '') : s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

// Break opportunities: at spaces, and between any two wide characters (Chinese has no
// spaces), except that closing punctuation stays with what it closes and opening
// punctuation with what it opens: no line starts with "）" or "，" or ends with "（".
// ASCII brackets too: an English line's Chinese name in brackets ("Glacier (冰河)") does
// not break before its ")".
const OPEN = '（「『【〔《〈([';
const CLOSE = '）」』】〕》〉、，。：；！？)],.;:!?';
const inClass = (chars: string): string => chars.replace(/[\]\\^-]/g, '\\$&');
// A list's " · " stays with the item before it: a line never starts with the separator.
const TOKENS = new RegExp(`\\s+|[${inClass(OPEN)}]*(?:${WIDE.source}|[^\\s${WIDE.source.slice(1, -1)}]+)[${inClass(CLOSE)}]*(?: ·(?=\\s|$))?`, 'gu');

/** At most `max` terminal columns (a Chinese character takes two), "…" when cut. */
export function clipToWidth(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/**
 * Whether the Chinese word at `toks[i]`, after a space, goes to the next line whole rather
 * than being split: "Shtrilitz Stealth" / "木马", not "Shtrilitz Stealth 木" / "马". Only a
 * short run (up to the next space: a name's word, not a sentence, which wraps anywhere as
 * Chinese does) that would not fit: at most half the line (8 columns on a narrow one, WORD_MOST on a
 * wide one), so the line it ends gives up no more than that.
 */
/**
 * The longest run that counts as a word on a wide line: eight characters ("木马端口探测" is six).
 * Half of a 100-column line let a clause between two numbers ("…不会从 53 端口发起连接，…利用源端口 53")
 * count as one, and its line ended half empty.
 */
const WORD_MOST = 16;

function wordToNextLine(toks: readonly string[], i: number, lineW: number, w: number): boolean {
  // The word's first character after its opening brackets: "(冰河)" is a Chinese word.
  if (!WIDE.test([...toks[i]!].find((ch) => !OPEN.includes(ch)) ?? '')) return false;
  const most = Math.min(w, Math.max(8, Math.min(WORD_MOST, Math.floor(w / 2))));
  let run = 0;
  for (let j = i; j < toks.length && !/^\s/.test(toks[j]!) && run <= most; j++) run += displayWidth(toks[j]!);
  return run <= most && lineW + 1 + run > w;
}

/**
 * Greedy wrap to `width` display columns; words longer than a line are cut. `firstWidth`:
 * the room left on the first line, where the text goes on after something else (an item
 * of a list); a word that does not fit there but fits a whole line starts the second,
 * leaving the first line empty ('').
 */
export function wrapText(text: string, width: number, firstWidth = width): string[] {
  const full = Math.max(1, width);
  let w = Math.max(0, Math.min(full, firstWidth));
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  let pendingSpace = false;
  const flush = (): void => {
    lines.push(line);
    line = '';
    lineW = 0;
    w = full;
  };
  const toks = text.match(TOKENS) ?? [];
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    if (/^\s+$/.test(tok)) {
      pendingSpace = lineW > 0;
      continue;
    }
    let t = tok;
    let tw = displayWidth(t);
    const gap = pendingSpace ? 1 : 0;
    pendingSpace = false;
    if (lineW === 0 && tw > w && w < full && (tw <= full || w < 1)) flush();
    else if (lineW > 0 && (lineW + gap + tw > w || (gap === 1 && wordToNextLine(toks, i, lineW, w)))) flush();
    else if (lineW > 0 && gap) {
      line += ' ';
      lineW += 1;
    }
    while (tw > w) {
      // Cut an over-long word at the column limit.
      let cut = '';
      let cw = 0;
      for (const ch of t) {
        const chw = displayWidth(ch);
        if (cw + chw > w - lineW) break;
        cut += ch;
        cw += chw;
      }
      if (cut === '') {
        flush();
        continue;
      }
      cut = atSeparator(cut);
      line += cut;
      flush();
      t = t.slice(cut.length);
      tw = displayWidth(t);
    }
    line += t;
    lineW += tw;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * A cut word (a path, a URL, a name_with_parts) reads better broken after one of its own
 * separators: "…/logs/" + "kern.log" rather than "…/logs/ke" + "rn.log". Only when the
 * piece up to the separator is at least half of it, so no line is left mostly empty.
 */
function atSeparator(piece: string): string {
  let at = -1;
  for (let i = piece.length - 1; i + 1 >= piece.length / 2; i--) {
    if ('/\\_-.,:'.includes(piece[i]!)) {
      at = i;
      break;
    }
  }
  return at < 0 ? piece : piece.slice(0, at + 1);
}

/**
 * `text` in lines of at most `width` columns, each broken after a match of `parts` (a
 * part and its separator), so every line is a whole part to read or copy, not a cut
 * word; a part longer than a line is cut. Text that fits is one line.
 */
function wrapParts(text: string, width: number, parts: RegExp): string[] {
  const w = Math.max(1, width);
  if (displayWidth(text) <= w) return [text];
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  for (const part of text.match(parts) ?? [text]) {
    const partW = displayWidth(part);
    if (line !== '' && lineW + partW > w) {
      lines.push(line);
      line = '';
      lineW = 0;
    }
    for (const ch of part) {
      const chW = displayWidth(ch);
      if (lineW + chW > w && line !== '') {
        lines.push(line);
        line = '';
        lineW = 0;
      }
      line += ch;
      lineW += chW;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * An address in lines of at most `width` columns, each broken after a ':' (IPv6 groups
 * stay whole, so every line is a part to read or copy, not a cut word); a part longer
 * than a line is cut. An address that fits is one line.
 */
export function wrapAddress(address: string, width: number): string[] {
  return wrapParts(address, width, /[^:]*:|[^:]+$/g);
}

/**
 * A file's path in lines of at most `width` columns, broken after a '/' (or a Windows
 * '\\'): the directories on the first lines, the file name whole on the last unless it is
 * longer than a line by itself.
 */
export function wrapPath(path: string, width: number): string[] {
  return wrapParts(path, width, /[^/\\]*[/\\]|[^/\\]+$/g);
}

// An item's closing count, with its share when it has one ("Traffic\" 2 (67%)", zh "2（67%）"),
// and the word before it: what a reader takes in as one.
const COUNT_TAIL = /\S+ \d[\d,]*(?: ?[(（][^()（）\s]*%[)）])?$/u;

/**
 * wrapText for an item of a list, its count and share never left apart from what they
 * count: they go on the last line with the word before them, or to a line of their own
 * together.
 */
function wrapItemText(item: string, width: number, firstWidth: number): string[] {
  const m = COUNT_TAIL.exec(item);
  if (m === null || m.index === 0 || displayWidth(m[0]) > width) return wrapText(item, width, firstWidth);
  const pieces = wrapText(item.slice(0, m.index).trimEnd(), width, firstWidth);
  const last = pieces[pieces.length - 1]!;
  const room = pieces.length === 1 ? Math.min(firstWidth, width) : width;
  if (last === '') pieces[pieces.length - 1] = m[0];
  else if (displayWidth(last) + 1 + displayWidth(m[0]) <= room) pieces[pieces.length - 1] = `${last} ${m[0]}`;
  else pieces.push(m[0]);
  return pieces;
}

/** An item narrower than this many columns of a line is left to run past the edge rather than wrap as text into a sliver. */
const LEAST_WRAP = 10;

/**
 * Items joined with `sep` (" · "), wrapped to `width` terminal columns, continuation lines
 * indented like the first item; a line followed by another ends in the separator's mark
 * (" ·"; none for a separator of spaces). An item is never broken between lines, unless it
 * is wider than a whole line (a long list of networks, a sentence): then it wraps as text
 * (wrapText: at its spaces), starting where it would have gone if half a line is left
 * there, else on the next line, its closing count and share kept with the word before
 * them ("Block All" / "Traffic\" 2 (67%)", not "… Traffic\" 2" / "(67%)"). An item in colour is not
 * broken: its colour would run across the line break.
 */
export function wrapItems(label: string, items: readonly string[], width: number, sep = ' · '): string {
  const mark = sep.trimEnd();
  const markW = displayWidth(mark);
  const sepW = displayWidth(sep);
  const lines: string[] = [];
  const indent = displayWidth(label);
  const pad = ' '.repeat(indent);
  let cur = label;
  let curLen = indent;
  let first = true;
  // The line goes on from an item wrapped over lines: it begins with that item's last words.
  let afterWrapped = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const len = displayWidth(item);
    // A line that is followed by another ends in " ·": leave room for it.
    const tail = i < items.length - 1 ? markW : 0;
    const gap = first ? 0 : sepW;
    if (len + tail > width - indent && width - indent - tail >= LEAST_WRAP && !item.includes('\x1b')) {
      // Where it would have gone, when at least half a line is left there: a line of one
      // word ("source" and its list below it) reads as a lost label. Not after the tail of
      // another wrapped item: two labels wrapped into each other hide where the second begins.
      const room = width - curLen - gap - tail;
      const pieces = wrapItemText(item, width - indent - tail, first || (!afterWrapped && 2 * room >= width - indent) ? room : 0);
      if (pieces[0] === '') lines.push(cur + (first ? '' : mark));
      else lines.push(cur + (first ? '' : sep) + pieces[0]);
      lines.push(...pieces.slice(1, -1).map((p) => pad + p));
      const last = pieces.length > 1 ? pieces[pieces.length - 1]! : null;
      if (last === null) {
        // The whole item fitted the first line after all: that line goes on.
        cur = lines.pop()!;
        curLen = displayWidth(cur);
      } else {
        cur = pad + last;
        curLen = indent + displayWidth(last);
      }
      afterWrapped = last !== null;
    } else if (!first && curLen + gap + len + tail > width) {
      lines.push(cur + mark);
      cur = pad + item;
      curLen = indent + len;
      afterWrapped = false;
    } else {
      cur += (first ? '' : sep) + item;
      curLen += gap + len;
    }
    first = false;
  }
  lines.push(cur);
  return lines.join('\n');
}

/**
 * `label` and then `text` wrapped to `width` columns, continuation lines indented under the
 * text; `paint` colours each line's text on its own, so a colour never runs across a line
 * break (the label keeps whatever colour it has: a follow line's dim clock).
 */
export function wrapLabelled(label: string, text: string, width: number, paint: (s: string) => string = (s) => s): string {
  const indent = displayWidth(label);
  const pad = ' '.repeat(indent);
  return wrapText(text, width - indent)
    .map((line, i) => (i === 0 ? label : pad) + paint(line))
    .join('\n');
}

/** A paragraph among others of its kind: its wrapped lines indented under its first, so where the next one starts shows. */
export function wrapHanging(text: string, width: number, paint: (s: string) => string = (s) => s): string {
  return wrapText(text, width - 2, width)
    .map((line, i) => (i === 0 ? '' : '  ') + paint(line))
    .join('\n');
}

/** Text widths of a table whose last column takes what is left of `total` terminal columns (at least minLast). */
export function fitWidths(fixed: readonly number[], total: number, minLast: number): number[] {
  const used = fixed.reduce((a, b) => a + b, 0) + 3 * (fixed.length + 1) + 1;
  return [...fixed, Math.max(minLast, total - used)];
}

const NOTE_INDENT = '  ';

/** The text width of a line across all of a table's columns (a note under a row). */
export function spanWidth(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0) + 3 * (widths.length - 1);
}

/**
 * Rows of cells, each cell a list of lines that fit `widths[i]` columns. A colour must
 * open and close within a line, so a border is never painted with it. `compact`: no
 * rule between the head and the rows or between rows. `notes[i]`: a text under row i,
 * across the whole table (a paragraph that a column would have made a dozen lines tall),
 * indented so the next row's first cell still stands out.
 */
export function boxTable(head: readonly string[], rows: readonly (readonly (readonly string[])[])[], widths: readonly number[], compact = false, notes?: readonly string[]): string {
  const rule = (l: string, m: string, r: string): string => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const out = [rule('┌', '┬', '┐')];
  const emit = (cells: readonly (readonly string[])[]): void => {
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let i = 0; i < height; i++) {
      const parts = widths.map((w, col) => {
        const text = cells[col]?.[i] ?? '';
        return ' ' + text + ' '.repeat(Math.max(0, w - displayWidth(text))) + ' ';
      });
      out.push('│' + parts.join('│') + '│');
    }
  };
  emit(head.map((h) => [h]));
  const span = spanWidth(widths);
  for (const [i, r] of rows.entries()) {
    if (!compact) out.push(rule('├', '┼', '┤'));
    emit(r);
    const note = notes?.[i] ?? '';
    for (const line of note === '' ? [] : wrapText(note, span - NOTE_INDENT.length)) {
      out.push('│ ' + NOTE_INDENT + line + ' '.repeat(Math.max(0, span - NOTE_INDENT.length - displayWidth(line))) + ' │');
    }
  }
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
