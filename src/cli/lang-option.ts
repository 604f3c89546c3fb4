// --lang, one definition for every command that prints words for people, and the language
// a run takes without it: the locale's, as gettext picks a program's messages. A module of
// its own: explain imports it without options.ts, which would load every parser at start-up.
import { Option } from 'commander';
import type { Lang } from '../knowledge/types.js';

const LANGS: readonly Lang[] = ['en', 'zh'];

type Env = Readonly<Record<string, string | undefined>>;

/**
 * No commander default: an absent --lang must stay visible (undefined) so that `runLang`
 * can tell "not asked" from "asked for English". The help text says where the default comes from.
 */
export function langOption(help: string): Option {
  return new Option('--lang <lang>', help).choices([...LANGS]);
}

/** The language of an ll[_CC][.codeset][@modifier] name, if logscan has it: zh_TW and zh.UTF-8 are Chinese, zha (Zhuang) is not. */
function langOfName(name: string): Lang | null {
  const ll = /^([A-Za-z]+)/.exec(name)?.[1]?.toLowerCase();
  return ll !== undefined && (LANGS as readonly string[]).includes(ll) ? (ll as Lang) : null;
}

/**
 * The language the environment asks for, by gettext's rule for messages: the locale is
 * the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty; unless it is the C
 * locale (C, POSIX, C.UTF-8: a locale set for output that must not change, POSIX's, or
 * nothing set at all), LANGUAGE, a colon-separated list of preferences, is read first, and
 * its first language logscan has wins (`de:zh` is Chinese: there is no German; a list of
 * none of them is English, as gettext falls back to a program's own messages, not to the
 * locale's). Otherwise the locale's language: Chinese for zh…, English for anything else.
 * Names only, as gettext matches catalogs: whether zh_CN.UTF-8 is installed does not matter.
 */
export function localeLang(env: Env = process.env): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? 'C';
  if (!/^(C|POSIX)([.@]|$)/.test(locale)) {
    const list = env.LANGUAGE;
    if (list !== undefined && list !== '') {
      for (const name of list.split(':')) {
        const lang = langOfName(name);
        if (lang !== null) return lang;
      }
      return 'en';
    }
  }
  return langOfName(locale) ?? 'en';
}

/**
 * The language of a command's run: its --lang (`given`, undefined when not typed), else
 * the locale's for a run whose standard output is for people, and English for one whose
 * output is for programs (JSON, NDJSON, CSV, a blocklist): a script's results, and the
 * diagnostics it reads beside them, do not change with the locale of whatever runs it.
 */
export function runLang(given: unknown, forPrograms: boolean, env: Env = process.env): Lang {
  if (typeof given === 'string' && (LANGS as readonly string[]).includes(given)) return given as Lang;
  return forPrograms ? 'en' : localeLang(env);
}

/**
 * The --lang of a command line, read before commander parses it, else the locale's: a
 * usage error can stop the parse before --lang is reached (`logscan --bogus --lang zh`),
 * and is still said in the language asked for. The last one counts, as for commander;
 * words after `--` are files; an unknown language is the locale's (its own error says so).
 * What a person typed is answered in the person's language, whatever the run would write.
 */
export function langOfArgs(args: readonly string[], env: Env = process.env): Lang {
  let lang: Lang | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    const value = a === '--lang' ? args[++i] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value !== undefined && (LANGS as readonly string[]).includes(value)) lang = value as Lang;
  }
  return lang ?? localeLang(env);
}
