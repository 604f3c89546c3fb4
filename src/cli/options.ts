// Options shared by every command that reads logs, and their validation. Invalid
// values become UsageError (exit 2) with a sentence that names the option.
import { helpText, type HelpWords } from './help-text.js';
import { Option, type Command } from 'commander';
import { distinctInputs } from '../input/distinct-inputs.js';
import { oldestFirst } from '../input/rotation-order.js';
import { messages, usageError } from '../i18n/messages.js';
import { formats, getFormat } from '../parsers/registry.js';
import type { Lang } from '../knowledge/types.js';
import type { DetectorParamOverrides } from '../annotate/rules.js';
import { termSafe } from '../render/sanitize.js';
import { langOption, runLang } from './lang-option.js';
import { collect } from './repeatable.js';
import { readYear, readZone } from './time-options.js';
import { readEncoding } from './encoding-option.js';

export interface InputOptions {
  inputFormat: string | null;
  /** --encoding: a legacy encoding's WHATWG name (input/encoding.ts); null or absent for UTF-8, the default. */
  encoding?: string | null;
  year: number | null;
  tz: string | null;
}

export interface CommonOptions extends InputOptions {
  lang: Lang;
  signatures: string[];
  /** --home-net: the networks of this side (CIDRs or addresses); empty: the local-network ranges. */
  homeNet: string[];
  /** Annotation detector parameters the run's thresholds set (report's --sweep-hosts); here so a read worker annotates alike. */
  detectorParams?: DetectorParamOverrides;
}

/** `year`: how --year's default is said; `follow` dates a line by when it is read, not by the file's date. */
export function addInputOptions(cmd: Command, year: HelpWords = (h) => h.year): Command {
  return cmd
    .addOption(new Option('--input-format <id>', helpText((h) => h.inputFormat)))
    .addOption(new Option('--encoding <label>', helpText((h) => h.encoding)))
    .addOption(new Option('--year <yyyy>', helpText(year)))
    .addOption(new Option('--tz <zone>', helpText((h) => h.tz)))
    .addOption(langOption(helpText((h) => h.lang)))
    .addOption(new Option('--signatures <dir>', helpText((h) => h.signatures)).argParser(collect))
    .addOption(new Option('--home-net <cidr>', helpText((h) => h.homeNet)).argParser(collect));
}

/** `max`: none for a count with no bound of its own (a line number), which the message then does not name. */
export function positiveInt(name: string, raw: unknown, max: number | null = null): number {
  // Digits only: Number() also reads "1e3", "0x10" and "" (as 1000, 16 and 0).
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || (max !== null && n > max)) throw usageError((u) => u.wholeNumber(name, max, String(raw)));
  return n;
}

/** `forPrograms`: the run's standard output is JSON, NDJSON, CSV or a blocklist, which the locale leaves English (lang-option.ts runLang). */
export function readCommonOptions(raw: Record<string, unknown>, forPrograms: boolean): CommonOptions {
  let inputFormat: string | null = null;
  if (typeof raw.inputFormat === 'string') {
    if (!getFormat(raw.inputFormat)) {
      throw usageError((u) => u.unknownFormat(String(raw.inputFormat), formats.map((f) => f.id)));
    }
    inputFormat = raw.inputFormat;
  }
  return { inputFormat, encoding: readEncoding(raw.encoding), year: readYear(raw.year), tz: readZone(raw.tz), lang: runLang(raw.lang, forPrograms), signatures: (raw.signatures as string[]) ?? [], homeNet: (raw.homeNet as string[]) ?? [] };
}

/** Threads for a run: 1 = all in this thread, 2 = reading and parsing (and annotating, for a report) in a second one; auto = 2 for big files on 2+ cores. */
export type Threads = 'auto' | 1 | 2;

export function addThreadsOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--threads <n>', helpText((h) => h.threads)).choices(['auto', '1', '2']).default('auto'),
  );
}

export function readThreads(raw: Record<string, unknown>): Threads {
  return raw.threads === '1' ? 1 : raw.threads === '2' ? 2 : 'auto';
}

/**
 * The inputs to read, in reading order (rotations of one log oldest first), each file
 * once (a second name for it is said on stderr and left out); stdin when none are given
 * and it is not a terminal.
 */
export function resolveInputs(files: string[], lang: Lang): string[] {
  if (files.length > 0) return oldestFirst(readOnce(files, lang));
  if (!process.stdin.isTTY) return ['-'];
  throw usageError((u) => u.noInput);
}

/** FILEs without a second name for the same file, with a line on stderr for each left out. */
export function readOnce(files: readonly string[], lang: Lang): string[] {
  const { inputs, dropped } = distinctInputs(files);
  for (const d of dropped) process.stderr.write(`logscan: ${termSafe(messages(lang).diagnostics.readOnce(d.input, d.input === d.sameAs ? null : d.sameAs))}\n`);
  return inputs;
}
