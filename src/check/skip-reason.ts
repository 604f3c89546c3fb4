// The reasons parsers give a line they skip (not a firewall record, a header …) read back
// into a code and its facts, so `check` can say them in --lang. Parsers keep reporting plain
// English strings (they are diagnostics for stderr and JSON too); the skip reasons are a
// small closed set, unlike the malformed reasons, which name a field and stay as the parser
// wrote them. A reason not in this table is shown as it is.

export type CheckSkip =
  | { code: 'not-record' }
  | { code: 'blank' }
  | { code: 'empty-message' }
  | { code: 'journal-no-message' }
  | { code: 'not-journal-json' }
  | { code: 'not-kernel'; transport: string }
  | { code: 'binary-field'; field: string }
  | { code: 'asa-not-packet'; id: string }
  | { code: 'fields-header'; fields: string }
  | { code: 'time-format-header'; value: string }
  | { code: 'header'; name: string };

// Anchored, most specific first (every header is "header: …"). Each is the parsers' wording:
// en.ts's check.skipReason writes it back word for word (test/check/skip-reason.test.ts).
const PATTERNS: readonly (readonly [RegExp, (m: RegExpExecArray) => CheckSkip])[] = [
  [/^not a firewall record$/, () => ({ code: 'not-record' })],
  [/^blank line$/, () => ({ code: 'blank' })],
  [/^empty message$/, () => ({ code: 'empty-message' })],
  [/^journal entry without MESSAGE$/, () => ({ code: 'journal-no-message' })],
  [/^not a JSON journal entry$/, () => ({ code: 'not-journal-json' })],
  // A kind's elided value ate the bracket too (reasonKind's `=…`): it is closed again when said.
  [/^not from the kernel \(_TRANSPORT=(.*?)\)?$/s, (m) => ({ code: 'not-kernel', transport: m[1]! })],
  [/^binary (.*) field not supported$/s, (m) => ({ code: 'binary-field', field: m[1]! })],
  [/^ASA (\S+): not a packet or connection message$/, (m) => ({ code: 'asa-not-packet', id: m[1]! })],
  [/^header: #Fields \((\d+) fields\)$/, (m) => ({ code: 'fields-header', fields: m[1]! })],
  [/^header: #Time Format (.*)$/s, (m) => ({ code: 'time-format-header', value: m[1]! })],
  [/^header: (.*)$/s, (m) => ({ code: 'header', name: m[1]! })],
];

/** The skip reason as a code and its facts, or null for one the table does not know. */
export function checkSkip(reason: string): CheckSkip | null {
  for (const [re, make] of PATTERNS) {
    const m = re.exec(reason);
    if (m !== null) return make(m);
  }
  return null;
}
