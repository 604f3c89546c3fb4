// Typed errors mapped to exit codes in one place (cli/main.ts). Library code throws
// these; only the CLI entry point turns them into process exit codes.
import type { InputProblem } from './input/problem.js';
import { en, type Messages } from './i18n/en.js';

export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  inputUnreadable: 3,
  failOn: 4,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Limits of the system that a run can meet outside any one input (loading its own modules
 * and knowledge, writing its output): no bug of logscan's, no fault of the file it was
 * opening, and something the user can change (the catalog's diagnostics.systemLimit says
 * what). An input's own errors are reported with that input (input/problem.ts).
 */
const SYSTEM_LIMITS = ['EMFILE', 'ENFILE', 'ENOMEM', 'ENOSPC'] as const;
export type SystemLimit = (typeof SYSTEM_LIMITS)[number];

/** The system limit `err` met, or null when it is none. */
export function systemLimit(err: unknown): SystemLimit | null {
  const code = err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
  return (SYSTEM_LIMITS as readonly (string | undefined)[]).includes(code) ? (code as SystemLimit) : null;
}

/** A usage error's words, taken from a catalog's `usage` (English for `message`, --lang's on stderr). */
export type UsageWords = (usage: Messages['usage']) => string;

/**
 * Bad command line: unknown option, invalid value. Exit 2. `words`: how the catalog says
 * it (i18n/messages.ts usageError builds both); null for one told only in English.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly words: UsageWords | null = null,
  ) {
    super(message);
  }
}

/**
 * Why signature data cannot be used, when it is about the file rather than an entry's
 * content: a code for --lang (i18n, usage.signatures). An entry's validation stays in
 * English `detail` words, which quote the file's own JSON paths and fields.
 */
export type SignatureProblem =
  | { code: 'not-directory' }
  | { code: 'builtin-missing' }
  /** `expected`: the signature files' names; `found`: the .json files that are there. */
  | { code: 'no-files'; expected: readonly string[]; found: readonly string[] }
  /** `why`: the errno code or the system's message, as English says it; `problem`: what --lang words it by. */
  | { code: 'unreadable'; why: string; problem: InputProblem }
  /** `why`: the JSON parser's message. */
  | { code: 'not-json'; why: string };

/** A signatures file failed validation. Exit 2; the message names file and entry. */
export class SignatureError extends Error {
  override name = 'SignatureError';
  readonly problem: SignatureProblem | null;
  /** `detail`: the English words, or the problem they come from. */
  constructor(
    readonly file: string,
    readonly entry: string | null,
    detail: string | SignatureProblem,
  ) {
    const words = typeof detail === 'string' ? detail : en.usage.signatureProblem(detail);
    super(`${file}${entry ? ` (${entry})` : ''}: ${words}`);
    this.problem = typeof detail === 'string' ? null : detail;
    this.detail = words;
  }
  readonly detail: string;
}

/** What went wrong with an input that is no InputProblem (daily's log directory), taken from a catalog: the words after "FILE: ". */
export type InputWords = (m: Messages) => string;

/**
 * An input could not be read (missing, permission, directory, bad gzip). Exit 3, others
 * still processed. `problem`: its code and facts, for words in --lang (src/input/problem.ts);
 * `words`: how the catalog says one that has no such code (i18n/messages.ts inputErrorWords);
 * both null for one told only in English.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly file: string,
    detail: string,
    readonly problem: InputProblem | null = null,
    readonly words: InputWords | null = null,
  ) {
    super(`${file}: ${detail}`);
  }
}
