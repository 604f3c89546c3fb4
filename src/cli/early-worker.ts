// A read worker takes ~200-300 ms from `new Worker` to its first batch (Node's worker
// bootstrap, its modules, the knowledge base), and the main thread took about as long to
// load a command's modules and read its options before it asked for one. When the raw
// command line already shows that the run will use a worker (useWorker on the arguments
// that name files), main.ts starts it first and the two start-ups overlap; runAnalysed
// then hands it its job, or ends it when the run stays in one thread. A wrong guess (a
// big file named only as an option's value) costs a worker that is ended unused.
import { commandsFor } from './command-names.js';
import type { Threads } from './options.js';

/** The commands that read logs through runAnalysed (cli/run-inputs.ts). */
const READING: ReadonlySet<string> = new Set(['report', 'events', 'daily']);

export async function startWorkerEarly(args: readonly string[]): Promise<void> {
  const run = readingRun(args);
  if (run === null || run.threads === 1) return;
  const { useWorker } = await import('./thread-choice.js');
  if (!useWorker(run.files, run.threads)) return;
  const { startReadWorker } = await import('../pipeline/threaded-inputs.js');
  startReadWorker();
}

/**
 * What a raw command line says about a run that reads logs: the arguments that may name
 * inputs and --threads; null for a command that does not read them (or asks for help).
 */
export function readingRun(args: readonly string[]): { files: string[]; threads: Threads } | null {
  if (args.includes('-h') || args.includes('--help')) return null;
  // The command as program.ts loads it (help loads all of them).
  const commands = commandsFor(args);
  if (commands.length !== 1 || !READING.has(commands[0]!)) return null;
  // The command's own word is no input.
  const word = args.findIndex((a) => !a.startsWith('-'));
  const rest = word >= 0 && args[word] === commands[0] ? [...args.slice(0, word), ...args.slice(word + 1)] : args;
  let threads: Threads = 'auto';
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') {
      files.push(...rest.slice(i + 1));
      break;
    }
    if (a === '--threads') threads = threadsValue(rest[++i]);
    else if (a.startsWith('--threads=')) threads = threadsValue(a.slice('--threads='.length));
    else if (a === '-' || !a.startsWith('-')) files.push(a);
  }
  // As resolveInputs reads it: no file named means stdin.
  return { files: files.length > 0 ? files : ['-'], threads };
}

/** --threads' value as readThreads takes it; anything else is a usage error later, and one thread now. */
function threadsValue(v: string | undefined): Threads {
  return v === '2' ? 2 : v === 'auto' ? 'auto' : 1;
}
