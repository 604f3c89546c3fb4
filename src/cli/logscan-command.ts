// logscan's commander Command: the usage errors commander finds are worded by the
// catalog in --lang (usage.commander), from the facts commander hands to its hooks, not
// by translating its English. The English catalog keeps commander's wording (a test holds
// it to commander's own), so scripts that read it see no change.
//
// The hooks are commander's (lib/command.js, commander 14), called on the command being
// parsed but not in its typings: a commander that renamed one would say that error in its
// own English again, which the Chinese usage tests (test/e2e/usage-lang.test.ts) catch.
import { Command, Help, Option, type Argument } from 'commander';
import { messages } from '../i18n/messages.js';
import type { Lang } from '../knowledge/types.js';
import { termSafe } from '../render/sanitize.js';
import { similar, type CommanderProblem } from './commander-problem.js';
import { helpIn as catalogHelp } from './help-text.js';
import { displayWidth, wrapText } from '../render/box-table.js';

/** The hook logscan keeps commander's handling of (only an option's choices are worded here). */
interface CommanderInternals {
  _callParseArg(target: Option | Argument, value: string, previous: unknown, invalidMessage: string): unknown;
}
const commander = Command.prototype as unknown as CommanderInternals;

export class LogscanCommand extends Command {
  constructor(
    name: string | undefined,
    /** The command line's --lang (lang-option.ts langOfArgs): the parse may stop before commander reads it. */
    readonly lang: Lang,
  ) {
    super(name);
    // English is commander's help as it is; another language gets logscan's words through
    // commander's Help hooks (its subcommands copy them when created).
    if (lang !== 'en') this.configureHelp(helpIn(lang));
  }

  override createCommand(name?: string): LogscanCommand {
    return new LogscanCommand(name, this.lang);
  }

  /** "(run `logscan follow --help` for usage)", after each of this command's usage errors. */
  seeHelp(): this {
    return this.showHelpAfterError(messages(this.lang).usage.seeHelp(this.parent ? this.name() : null));
  }

  private fail(p: CommanderProblem, exitCode = 1): never {
    // "error: " as commander starts its own: the program's output hook turns it into "logscan: ".
    return this.error(`error: ${messages(this.lang).usage.commander(p)}`, { code: p.code, exitCode });
  }

  unknownOption(flag: string): never {
    const candidates: string[] = [];
    // Options of this command and of the program: commander's own search, without positional options (logscan has none).
    for (let c: Command | null = this; c !== null; c = c.parent) {
      for (const o of c.createHelp().visibleOptions(c)) if (o.long !== undefined) candidates.push(o.long);
    }
    // What the user typed is made safe here, before it is worded: a line break in it stays in its line.
    return this.fail({ code: 'commander.unknownOption', flag: termSafe(flag), suggestions: flag.startsWith('--') ? similar(flag, candidates) : [] });
  }

  missingArgument(name: string): never {
    return this.fail({ code: 'commander.missingArgument', name });
  }

  optionMissingArgument(option: Option): never {
    return this.fail({ code: 'commander.optionMissingArgument', flags: option.flags });
  }

  _excessArguments(received: readonly string[]): never {
    return this.fail({ code: 'commander.excessArguments', command: this.parent ? this.name() : null, expected: this.registeredArguments.length, got: received.length });
  }

  // An option's value outside its choices. (logscan reads no option from the environment,
  // whose invalid values commander words apart.)
  _callParseArg(target: Option | Argument, value: string, previous: unknown, invalidMessage: string): unknown {
    if (target instanceof Option && target.argChoices !== undefined && !target.argChoices.includes(value)) {
      this.fail({ code: 'commander.invalidArgument', flags: target.flags, value: termSafe(value), choices: target.argChoices });
    }
    return commander._callParseArg.call(this, target, value, previous, invalidMessage);
  }
}

/**
 * Commander's Help hooks for `lang`: logscan's descriptions from the catalog (cli/help-text.ts),
 * the headings and the choices/default commander adds in its words, and widths measured
 * and wrapped as the terminal shows Chinese (two columns a character, no spaces to break at).
 */
function helpIn(lang: Lang): Partial<Help> {
  const h = messages(lang).help;
  // Commander's own descriptions: its help option and command, and --version.
  const COMMANDER: Readonly<Record<string, string>> = { 'display help for command': h.help, 'output the version number': h.version };
  const say = (english: string): string => catalogHelp(lang, english) ?? COMMANDER[english] ?? english;
  return {
    styleTitle: (title) => h.headings[title] ?? title,
    // Commander puts a space after "Usage:"; after a full-width colon Chinese puts none.
    formatHelp: (cmd, helper) => Help.prototype.formatHelp.call(helper, cmd, helper).replace(/^(\S+：) /, '$1'),
    displayWidth,
    boxWrap: (str, width) =>
      str
        .split('\n')
        .map((line) => wrapText(line, width).join('\n'))
        .join('\n'),
    commandDescription: (cmd) => say(cmd.description()),
    subcommandDescription: (cmd) => say(cmd.summary() || cmd.description()),
    argumentDescription: (arg) => say(arg.description),
    optionDescription: (o) => {
      // As commander decides what to show: the default of an option that takes a value, or of a boolean one set to true/false.
      const showDefault = o.defaultValue !== undefined && (o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean'));
      const dflt = showDefault ? (o.defaultValueDescription ?? JSON.stringify(o.defaultValue)) : null;
      const extras = h.extras(o.argChoices ?? null, dflt);
      return extras === '' ? say(o.description) : `${say(o.description)}${messages(lang).aside(extras)}`;
    },
  };
}
