// Where the time goes: the report's stages added one by one, in one thread. Each stage
// runs in a process of its own (a heap holding the earlier stages' garbage would slow the
// later ones), timed in turns with a split2 line count of the same file in that same
// process, after a warm-up of both. A round runs every stage's process once, so the VM's
// drift over minutes falls on all stages alike; a stage's ratio is the median of its
// per-round ratios. Each row does what the row above does and one stage more; "+ stage" is
// the difference of two rows' ratios times the yardstick's median time in those processes
// (differences of the stages' own times, taken in different processes, carried that drift).
// Run by bench/run.mjs (its table goes into RESULTS.md); alone:
//   node bench/stages.mjs FILE [--runs N]
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import split2 from 'split2';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const file = args[0];
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
if (!file) {
  process.stderr.write('usage: node bench/stages.mjs FILE [--runs N]\n');
  process.exit(2);
}

const { readInputs } = await import(`${root}dist/input/read.js`);
const { buildAnalysis } = await import(`${root}dist/cli/analysis.js`);
const { Overview } = await import(`${root}dist/aggregate/overview.js`);
const { Summarizer } = await import(`${root}dist/aggregate/summary.js`);
const { DEFAULT_THRESHOLDS } = await import(`${root}dist/aggregate/thresholds.js`);
const { EventDecoder, EventEncoder } = await import(`${root}dist/pipeline/event-codec.js`);
const { localClock } = await import(`${root}dist/render/time-format.js`);

const read = { inputFormat: null, year: null, tz: 'UTC' };
const options = { homeNet: [], signatures: [], lang: 'en' };

function countLines() {
  return new Promise((resolve, reject) => {
    let n = 0;
    createReadStream(file)
      .pipe(split2())
      .on('data', () => n++)
      .on('end', () => resolve(n))
      .on('error', reject);
  });
}

/** Reads FILE and hands every event to the stages `upTo` asks for. */
async function pipeline(upTo) {
  const analysis = upTo >= 1 ? buildAnalysis(options) : null;
  const overview = new Overview(localClock('UTC'));
  const summary = new Summarizer(DEFAULT_THRESHOLDS);
  const summarize = (e) => {
    overview.add(e);
    summary.add(e);
  };
  // The thread boundary's codec, run in this thread: what a threaded run adds in CPU.
  const encoder = upTo >= 3 ? new EventEncoder(2048) : null;
  const decoder = upTo >= 3 ? new EventDecoder() : null;
  const flush = () => {
    const b = encoder.take();
    decoder.decode(b, summarize);
    encoder.recycle(b);
  };
  let n = 0;
  await readInputs([file], {
    ...read,
    onEvent(e) {
      n++;
      if (analysis === null) return;
      analysis.annotate(e);
      if (upTo < 2) return;
      if (encoder === null) summarize(e);
      else {
        encoder.add(e);
        if (encoder.full) flush();
      }
    },
  });
  if (encoder !== null && encoder.n > 0) flush();
  if (upTo >= 2) {
    overview.result(10);
    summary.result({ kb: analysis.kb, lang: 'en', limit: 20 });
  }
  return n;
}

const stages = [
  ['split2 line count (the yardstick)', countLines],
  ['read + parse (events, nothing done with them)', () => pipeline(0)],
  ['+ annotate', () => pipeline(1)],
  ['+ summarize (profiles, overview, ranking): the report in one thread', () => pipeline(2)],
  ['+ the thread codec (encode, decode) between annotate and summarize', () => pipeline(3)],
];

async function time(f) {
  const t0 = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (args.includes('--stage')) {
  // One stage, in turns with the yardstick: prints {"ms", "ratio", "countMs"}.
  const f = stages[Number(args[args.indexOf('--stage') + 1])][1];
  await countLines();
  await f();
  const rounds = [];
  for (let r = 0; r < runs; r++) rounds.push([await time(countLines), await time(f)]);
  process.stdout.write(JSON.stringify({ ms: median(rounds.map((r) => r[1])), ratio: median(rounds.map((r) => r[1] / r[0])), countMs: median(rounds.map((r) => r[0])) }) + '\n');
} else {
  const measured = stages.map(() => []);
  const self = new URL(import.meta.url).pathname;
  for (let r = 0; r < runs; r++) {
    for (let i = 1; i < stages.length; i++) {
      measured[i].push(JSON.parse(execFileSync(process.execPath, [self, file, '--runs', '1', '--stage', String(i)], { encoding: 'utf8' })));
    }
  }
  // The yardstick's row: the median of its times in the stages' processes.
  const yard = median(measured.flat().map((x) => x.countMs));
  const rows = measured.map((m, i) => (i === 0 ? { ms: yard, ratio: 1 } : { ms: median(m.map((x) => x.ms)), ratio: median(m.map((x) => x.ratio)) }));
  const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const delta = (i) => {
    if (i < 1) return '';
    const d = (rows[i].ratio - rows[i - 1].ratio) * yard;
    return `${d >= 0 ? '+' : '−'}${fmt(Math.abs(d) / 1000, 2)} s`;
  };
  const lines = [
    '| stage | wall (median) | ÷ split2 | + stage |',
    '| --- | ---: | ---: | ---: |',
    ...stages.map(([what], i) => `| ${what} | ${fmt(rows[i].ms / 1000, 2)} s | ${fmt(rows[i].ratio, 2)}× | ${delta(i)} |`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
