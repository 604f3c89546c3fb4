// The message catalog by --lang: every word the report, `daily` and `follow` print
// around the log data, what logscan says on stderr and `--help`'s descriptions (a person
// at the terminal reads those). en.ts defines the keys; zh.ts must fill each of them.
// Machine formats stay English: JSON keys, CSV headers, blocklist comments.
import type { Lang } from '../knowledge/types.js';
import type { IcmpProtocol } from '../util/icmp.js';
import type { FindingId } from '../aggregate/finding-ids.js';
import { en, type Messages } from './en.js';
import { zh } from './zh.js';
import type { InputProblem } from '../input/problem.js';
import type { LineReason } from '../parsers/reason.js';
import { InputError, UsageError, type InputWords, type UsageWords } from '../errors.js';

export type { Messages };

const CATALOG: Readonly<Record<Lang, Messages>> = { en, zh };

/** Why a line was skipped or malformed, in `lang` (catalog `lineReason`; English: the parsers' words of old). */
export function reasonText(r: LineReason, lang: Lang): string {
  return (messages(lang).lineReason[r.code] as (r: LineReason) => string)(r);
}

export function messages(lang: Lang): Messages {
  return CATALOG[lang];
}

/** "<1 s", "42 s", "4 min", "3.5 h", "2.1 d" ("42 秒" …): a span of time for people, in the catalog's units. */
export function durationText(ms: number, lang: Lang): string {
  const u = messages(lang).duration;
  if (!Number.isFinite(ms) || ms < 1000) return u.underSecond;
  const s = ms / 1000;
  if (s < 60) return u.seconds(String(Math.round(s)));
  const m = s / 60;
  if (m < 60) return u.minutes(String(Math.round(m)));
  const h = m / 60;
  if (h < 48) return u.hours(h < 10 ? h.toFixed(1).replace(/\.0$/, '') : String(Math.round(h)));
  const d = h / 24;
  return u.days(d < 10 ? d.toFixed(1).replace(/\.0$/, '') : String(Math.round(d)));
}

/** The name of ICMP/ICMPv6 message type `type` ("echo request (ping)"), or null when the catalog has none. */
export function icmpTypeName(lang: Lang, proto: IcmpProtocol, type: number): string | null {
  const names: Readonly<Record<number, string>> = messages(lang).icmpType[proto];
  return Object.hasOwn(names, type) ? names[type]! : null;
}

/** Case and runs of spaces as typed do not matter: a label is copied from a report or typed from memory. */
export const normalisedLabel = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The finding a label names in either language ("trojan port probes", "木马端口探测": what
 * the report's findings line shows, whatever --lang it was written in), or null. Only a
 * whole label: a word of one ("probes" is in five) names none.
 */
export function findingByLabel(text: string): FindingId | null {
  const t = normalisedLabel(text);
  if (t === '') return null;
  const ids = Object.keys(en.finding.label) as FindingId[];
  return ids.find((id) => normalisedLabel(en.finding.label[id]) === t || normalisedLabel(zh.finding.label[id]) === t) ?? null;
}

/** What went wrong with an input, in `lang` (from its problem code); an error without one as it was; null when nothing did. */
export function inputProblemText(i: { error: string | null; problem?: InputProblem | null }, lang: Lang): string | null {
  if (i.problem) return messages(lang).input.problem(i.problem);
  return i.error;
}

/** A machine value's word ("drop" → "丢弃"), or the value itself when the catalog has none. */
export function wordFor(words: object, key: string): string {
  return Object.hasOwn(words, key) ? (words as Readonly<Record<string, string>>)[key]! : key;
}

/** A usage error worded by the catalog: its message in English, its `words` for --lang on stderr. */
export function usageError(words: UsageWords): UsageError {
  return new UsageError(words(en.usage), words);
}

/**
 * What people call finding `id` in `lang` ("trojan port probes"); an id the catalog does
 * not know is shown as it is rather than as nothing.
 */
export function findingLabel(id: string, lang: Lang): string {
  return wordFor(messages(lang).finding.label, id);
}

/** An input error worded by the catalog: its message in English, its `words` for --lang on stderr. */
export function inputErrorWords(file: string, words: InputWords): InputError {
  return new InputError(file, words(en), null, words);
}

/** The line after "logscan: " for an input error, in `lang` when the catalog can say it. */
export function inputErrorText(err: InputError, lang: Lang): string {
  const m = messages(lang);
  if (err.words !== null) return m.diagnostics.input(err.file, err.words(m));
  if (err.problem !== null) return m.diagnostics.input(err.file, m.input.problem(err.problem));
  return err.message;
}
