// `logscan explain QUERY...`: what a port, port/proto, range or name means according
// to the knowledge base, what an annotation or finding id means (explain-ids.ts), and
// what a pasted log line is (explain-line.ts). Wiring only: sort the queries, load,
// answer, render.

import { helpText } from './help-text.js';
import { messages, reasonText, usageError } from '../i18n/messages.js';
import { Option, type Command } from 'commander';
import { ExitCode } from '../errors.js';
import { loadKnowledge } from '../knowledge/load.js';
import { explainQuery, parseQuery, type ExplainQuery } from '../knowledge/query.js';
import type { ExplainItem, LineExplainer } from './explain-line.js';
import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import type { InputProblem } from '../input/problem.js';
import { explainToJson, renderExplainTable, type ExplainAnswer } from '../render/explain.js';
import { jsonText } from '../render/sanitize.js';
import { describeIcmp, describeIds, searchIcmpTypes, wordsNameOne } from './explain-ids.js';
import { langOption, runLang } from './lang-option.js';
import { collect } from './repeatable.js';
import { readYear, readZone } from './time-options.js';
import { readEncoding } from './encoding-option.js';
import { terminalWidth, useColor } from './tty.js';

export interface ExplainOptions {
  outputFormat: 'table' | 'json';
  lang: Lang;
  signatures: string[];
  /** Terminal width for the table; defaults to the terminal's, $COLUMNS, or 100. */
  width?: number;
  color?: boolean;
  /** The lines read from standard input, for a `-` query. */
  stdin?: readonly string[];
  /** --home-net: this side's networks, for what a log line is (own traffic or a probe); empty: the local-network ranges. */
  homeNet?: readonly string[];
  /** --year and --tz for the lines' stamps, as the report reads them; null: inferred, this machine's zone. */
  year?: number | null;
  tz?: string | null;
}

/**
 * Whether any query could be a log line: only then are the parsers and the annotator
 * loaded (~40 ms of start-up that `explain 80` does without). A line has spaces, comes
 * from standard input, is a JSON object, or was split into its words by the shell
 * (explain-line.ts joins LINE_WORDS or more).
 */
function mayHoldLines(queries: readonly string[]): boolean {
  // A JSON object (a Cloud Logging entry) is one word with no space.
  return queries.length >= 4 || queries.some((q) => q === '-' || /\s/.test(q.trim()) || q.trim().startsWith('{'));
}

/** Runs the command and returns the text to print; throws UsageError / SignatureError. */
export async function runExplain(typed: readonly string[], opts: ExplainOptions): Promise<string> {
  if (typed.length === 0) throw usageError((u) => u.explainNothing);
  // `explain trojan port probes` unquoted: the label the report shows, not three searches.
  const queries = wordsNameOne(typed) ? [typed.join(' ')] : typed;
  // Parse every query before loading anything, so a typo fails fast and alone.
  const lineModule = mayHoldLines(queries) ? await import('./explain-line.js') : null;
  const items: ExplainItem[] = lineModule ? lineModule.explainItems(queries, opts.stdin) : queries.map((q) => ({ kind: 'query', query: parseQuery(q) }));
  if (items.length === 0) throw usageError((u) => u.explainEmptyStdin);
  if (opts.homeNet && opts.homeNet.length > 0) {
    // Loaded only when asked: `explain 80` need not parse networks.
    const [{ homeNetworks }, { setHomeNetworks }] = await Promise.all([import('./analysis.js'), import('../util/egress.js')]);
    setHomeNetworks(homeNetworks(opts.homeNet));
  }
  const kb = loadKnowledge({ extraDirs: opts.signatures });
  const reader = lineModule ? new lineModule.LineExplainer(kb, opts.lang, { year: opts.year ?? null, tz: opts.tz ?? null }) : null;
  // Only the line module finds lines, so the reader is there whenever one comes.
  const lines = (): LineExplainer => reader ?? unreachable('a log line without the line reader');
  if (opts.outputFormat === 'json') {
    const json = items.map((it) => (it.kind === 'line' ? lines().json(it.entry ?? it.line) : explainToJson([answerQuery(kb, it.query, opts.lang)], opts.lang)[0]));
    return jsonText(json, 2) + '\n';
  }
  const table = { lang: opts.lang, width: opts.width ?? terminalWidth(), color: opts.color ?? useColor(process.stdout) };
  const blocks = items.map((it) => (it.kind === 'line' ? lines().block(it.entry ?? it.line, table) : renderExplainTable([answerQuery(kb, it.query, opts.lang)], kb, table).trimEnd()));
  const note = reader?.note(table);
  if (note) blocks.push(note);
  return blocks.join('\n\n') + '\n';
}

function unreachable(what: string): never {
  throw new Error(`internal error: ${what}`);
}

/**
 * The knowledge base's answer and, for a word, the annotation or finding id and the ICMP
 * types it names (for an ICMP type, the ids about it).
 */
export function answerQuery(kb: KnowledgeBase, q: ExplainQuery, lang: Lang): ExplainAnswer {
  const ids = q.kind === 'search' ? describeIds(q.term, lang) : q.kind === 'icmp' ? describeIcmp(q.proto, q.type, lang) : [];
  const icmpTypes = q.kind === 'search' ? searchIcmpTypes(q.term, lang) : [];
  return { ...explainQuery(kb, q), ids, icmpTypes };
}

/** Explaining is for a few lines read closely; a whole log is the report's job. */
export const MAX_STDIN_LINES = 100;

/** Over-long lines said on stderr, at most this many (a log of them would bury the answer). */
const SHOWN_OVERLONG = 5;

/**
 * Standard input's lines up to its first MAX_STDIN_LINES non-blank ones; says on stderr
 * when there were more. Blank lines are kept: they end a journal export entry. Split by
 * the report's LineSplitter, so a line over MAX_LINE_LENGTH is counted malformed (said on
 * stderr, not explained) without being held: readline buffered it whole, and a few hundred
 * MB without a newline ended in a RangeError.
 */
async function stdinLines(setExit: (code: number) => void, lang: Lang, encoding: string | null): Promise<string[]> {
  const m = messages(lang);
  // Loaded here: `explain 80` reads no input.
  const [{ LineSplitter, MAX_LINE_LENGTH, overlongReason }, { DIRECTORY_PROBLEM, STDIN_NAME, stdinIsDirectory }, { inputError }, { BinaryGate, BinaryInputError }] = await Promise.all([
    import('../input/lines.js'),
    import('../input/open.js'),
    import('../input/problem.js'),
    import('../input/binary.js'),
  ]);
  if (stdinIsDirectory()) throw inputError(STDIN_NAME, DIRECTORY_PROBLEM);
  if (process.stdin.isTTY) process.stderr.write(`logscan: explain: ${m.explain.stdinTerminal}\n`);
  const out: string[] = [];
  let nonBlank = 0;
  let lastLine = 0;
  let overlong = 0;
  let full = false;
  const stdin = process.stdin;
  // The gate the other commands read through: gzip unpacked, UTF-16 with its mark decoded,
  // binary data refused, so none of them is split into lines of garbage to "explain".
  const gate = new BinaryGate(encoding);
  await new Promise<void>((resolve, reject) => {
    const splitter = new LineSplitter({
      line(text, lineNo) {
        if (full) return;
        lastLine = lineNo;
        if (text.trim() === '') {
          out.push('');
          return;
        }
        if (nonBlank++ === MAX_STDIN_LINES) {
          full = true;
          process.stderr.write(`logscan: explain: ${m.explain.stdinFirstLines(MAX_STDIN_LINES)}\n`);
          stdin.unpipe(gate);
          gate.unpipe(splitter);
          stdin.pause();
          resolve();
          return;
        }
        out.push(text);
      },
      overlong(lineNo, length, limit) {
        if (full) return;
        lastLine = lineNo;
        nonBlank++;
        if (++overlong <= SHOWN_OVERLONG) process.stderr.write(`logscan: ${m.diagnostics.malformed(STDIN_NAME, lineNo, m.explain.notExplained(reasonText(overlongReason(length, limit), lang)), '')}\n`);
      },
      endedEarly: () => gate.gzipProblem !== null || gate.unpackProblem !== null,
    });
    splitter.once('finish', resolve);
    splitter.once('error', reject);
    gate.once('error', reject);
    stdin.once('error', reject);
    stdin.pipe(gate).pipe(splitter);
  }).catch((err: unknown) => {
    stdin.unpipe(gate);
    stdin.pause();
    if (err instanceof BinaryInputError) throw inputError(STDIN_NAME, err.problem);
    throw err;
  });
  const cut = gate.gzipProblem;
  const unpacker = gate.unpacker;
  const unpackCut = gate.unpackProblem;
  if (!full && (cut !== null || (unpacker !== null && unpackCut !== null))) {
    // The lines before the break are explained; the input was not read to its end (exit 3).
    const p: InputProblem = cut !== null ? { code: 'gzip-cut', line: lastLine, why: cut } : { code: 'unpack-cut', name: unpacker!, line: lastLine, why: unpackCut! };
    process.stderr.write(`logscan: ${m.diagnostics.input(STDIN_NAME, m.input.problem(p))}\n`);
    setExit(ExitCode.inputUnreadable);
  }
  // Junk after the gzip data (a member with a broken header?): the lines before it are explained; said, exit 3, as the report says it.
  if (gate.trailingBytes > 0) {
    process.stderr.write(`logscan: ${m.diagnostics.input(STDIN_NAME, m.input.problem({ code: 'gzip-trailing', bytes: gate.trailingBytes }))}\n`);
    setExit(ExitCode.inputUnreadable);
  }
  if (overlong > SHOWN_OVERLONG) process.stderr.write(`logscan: ${m.diagnostics.input(STDIN_NAME, m.explain.overlongLines(overlong, MAX_LINE_LENGTH))}\n`);
  return out;
}

export function registerExplain(program: Command, setExit: (code: number) => void): void {
  program
    .command('explain')
    .description(helpText((h) => h.explainCommand))
    .argument('<query...>', helpText((h) => h.explainQuery))
    .addOption(new Option('-o, --output-format <format>', helpText((h) => h.tableOrJson)).choices(['table', 'json', 'text']).default('table'))
    .addOption(langOption(helpText((h) => h.explainLang)))
    .option('--signatures <dir>', helpText((h) => h.explainSignatures), collect)
    .option('--home-net <cidr>', helpText((h) => h.explainHomeNet), collect)
    .option('--year <yyyy>', helpText((h) => h.explainYear))
    .option('--tz <zone>', helpText((h) => h.explainTz))
    .option('--encoding <label>', helpText((h) => h.encoding))
    .action(async (queries: string[], raw: { outputFormat: 'table' | 'json' | 'text'; lang?: Lang; signatures?: string[]; homeNet?: string[]; year?: string; tz?: string; encoding?: string }) => {
      const [year, tz, encoding] = [readYear(raw.year), readZone(raw.tz), readEncoding(raw.encoding)];
      const outputFormat = raw.outputFormat === 'json' ? 'json' : 'table';
      const lang = runLang(raw.lang, outputFormat === 'json');
      const stdin = queries.includes('-') ? await stdinLines(setExit, lang, encoding) : [];
      process.stdout.write(await runExplain(queries, { outputFormat, lang, signatures: raw.signatures ?? [], stdin, homeNet: raw.homeNet ?? [], year, tz }));
    });
}
