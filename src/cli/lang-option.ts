// --lang, one definition for every command that prints words for people. A module of its
// own: explain imports it without options.ts, which would load every parser at start-up.
import { Option } from 'commander';
import type { Lang } from '../knowledge/types.js';

const LANGS: readonly Lang[] = ['en', 'zh'];

export function langOption(help: string): Option {
  return new Option('--lang <lang>', help).choices([...LANGS]).default('en');
}

/**
 * The --lang of a command line, read before commander parses it: a usage error can stop
 * the parse before --lang is reached (`logscan --bogus --lang zh`), and is still said in
 * the language asked for. The last one counts, as for commander; words after `--` are
 * files; an unknown language is English (its own error says so).
 */
export function langOfArgs(args: readonly string[]): Lang {
  let lang: Lang = 'en';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    const value = a === '--lang' ? args[++i] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value !== undefined && (LANGS as readonly string[]).includes(value)) lang = value as Lang;
  }
  return lang;
}
