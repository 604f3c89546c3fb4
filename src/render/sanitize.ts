// Strings that came from a log are attacker-controlled: a log prefix can carry an
// ANSI escape that rewrites the terminal, or markup that runs in a browser.
// Every renderer passes log text through one of these. JSON output stays exact: it only
// spells the characters that could act on a terminal as \uXXXX escapes (jsonTermSafe).

// Characters that draw nothing, or reorder what is drawn, so that displayed text can differ
// from its bytes: the soft hyphen, the Arabic letter mark, the Mongolian vowel separator,
// zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates, the line
// and paragraph separators, invisible operators, deprecated format characters, the BOM,
// and (below) the invisible tag characters U+E0000-E007F, written as surrogate pairs.
const INVISIBLE = String.raw`\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff`;
const TAG = String.raw`\udb40[\udc00-\udc7f]`;

// C0 controls, DEL, C1 controls, and the invisible characters above. A TAB too: raw on a
// terminal it jumps to the next tab stop, so the columns of a Kiwi Syslog line scattered
// over the screen, or looked like spaces, which Kiwi's reader does not take for tabs.
// eslint-disable-next-line no-control-regex
const UNSAFE_TERM = new RegExp(String.raw`[\u0000-\u001f\u007f-\u009f${INVISIBLE}]|${TAG}`, 'g');

// The same but a TAB, for HTML and Markdown, where a tab in text is drawn as a space.
// eslint-disable-next-line no-control-regex
const UNSAFE_DOC = new RegExp(String.raw`[\u0000-\u0008\u000a-\u001f\u007f-\u009f${INVISIBLE}]|${TAG}`, 'g');

// For a field of a machine-read, tab-separated line (DShield): every control character,
// TAB and line breaks included, and every invisible one, removed rather than spelled.
// eslint-disable-next-line no-control-regex
const UNSAFE_FIELD = new RegExp(String.raw`[\u0000-\u001f\u007f-\u009f${INVISIBLE}]|${TAG}`, 'g');

/**
 * Log text as one field of a tab-separated record: nothing in it can end the field or the
 * line, or act on a terminal the lines are shown on (C1's U+009B is CSI to some), or read
 * differently from its bytes (bidi overrides, zero-width characters).
 */
export function fieldSafe(s: string): string {
  UNSAFE_FIELD.lastIndex = 0;
  return UNSAFE_FIELD.test(s) ? s.replace(UNSAFE_FIELD, '') : s;
}

function hex(ch: string): string {
  const c = ch.codePointAt(0)!;
  // The one C0 control shown by its C name: it is the common one in logs, and the escape
  // people know (`grep -P '\t'`, printf).
  if (c === 0x09) return '\\t';
  return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : c <= 0xffff ? `\\u${c.toString(16).padStart(4, '0')}` : `\\u{${c.toString(16)}}`;
}

/** Safe to print on a terminal: control and bidi characters shown as \xNN / \uNNNN, a TAB as \t. */
export function termSafe(s: string): string {
  UNSAFE_TERM.lastIndex = 0;
  return UNSAFE_TERM.test(s) ? s.replace(UNSAFE_TERM, hex) : s;
}

/** termSafe for a document format (HTML, Markdown): a TAB stays as it is. */
function docSafe(s: string): string {
  UNSAFE_DOC.lastIndex = 0;
  return UNSAFE_DOC.test(s) ? s.replace(UNSAFE_DOC, hex) : s;
}

// What JSON.stringify leaves raw but a terminal may act on or draw misleadingly: DEL, C1
// controls (U+009B is CSI to a terminal that takes 8-bit controls), bidi and zero-width
// format characters, and the line/paragraph separators. Outside strings JSON text is
// ASCII, so replacing them anywhere in the text only ever touches string contents.
// (A tag character is two UTF-16 units: any text holding one also matches \ud800-\udfff,
// which the serializers test for before they take this path.)
export const UNSAFE_JSON_CHARS = String.raw`\u007f-\u009f${INVISIBLE}`;
const UNSAFE_JSON = new RegExp(`[${UNSAFE_JSON_CHARS}]|${TAG}`, 'g');

function jsonEscape(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * JSON text with the characters above written as \uXXXX: the same value to any JSON
 * parser, but `logscan events` or `-o json` on a terminal cannot drive it.
 */
export function jsonTermSafe(json: string): string {
  UNSAFE_JSON.lastIndex = 0;
  return UNSAFE_JSON.test(json) ? json.replace(UNSAFE_JSON, jsonEscape) : json;
}

/** JSON.stringify(value, null, indent) through jsonTermSafe: for every JSON document logscan prints. */
export function jsonText(value: unknown, indent?: number): string {
  return jsonTermSafe(JSON.stringify(value, null, indent));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe inside HTML text and quoted attributes; also neutralises control characters. */
export function htmlEscape(s: string): string {
  return docSafe(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// What can start markup in a Markdown table cell or inline text: emphasis, code, links
// and images, tables, strikethrough, raw HTML and entities, and an e-mail autolink's '@'.
// Dots, dashes, parentheses and '#' mid-line are left alone so addresses and rule names
// stay readable.
const MD_SPECIAL = /[\\`*_[\]|~<>&@]/g;
const MD_REPLACE: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };
// GitHub-flavoured Markdown (and markdown-it's linkify) make a link of a bare `scheme://…`
// or `www.…` in text: a log's `http://evil.example` became a clickable link in the
// report. An escaped ':' or '.' reads the same but splits the text the autolinker scans.
const MD_AUTOLINK = /:(?=\/\/)|(?<![\w.-])(www)\./gi;

/** Safe inside a Markdown table cell or paragraph: no markup, pipes, HTML or autolinks take effect. */
export function markdownEscape(s: string): string {
  return docSafe(s)
    .replace(MD_SPECIAL, (c) => MD_REPLACE[c] ?? `\\${c}`)
    .replace(MD_AUTOLINK, (m, www: string | undefined) => (www !== undefined ? `${www}\\.` : '\\:'));
}
