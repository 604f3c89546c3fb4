// --lang, one definition for every command that prints words for people. A module of its
// own: explain imports it without options.ts, which would load every parser at start-up.
import { Option } from 'commander';

export function langOption(help: string): Option {
  return new Option('--lang <lang>', help).choices(['en', 'zh']).default('en');
}
