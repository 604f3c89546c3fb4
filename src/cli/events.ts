// `logscan events FILE...`: one normalized event per line (NDJSON), in logscan's
// schema or, with --ecs, in Elastic Common Schema names.
import { helpText } from './help-text.js';
import { Option, type Command } from 'commander';
import type { FirewallEvent } from '../event.js';
import { eventToEcs, eventToJson } from '../render/event-json.js';
import { encodeEventLine } from '../render/event-json-bytes.js';
import { addInputOptions, addThreadsOption, readCommonOptions, readThreads, resolveInputs } from './options.js';
import { Interrupt } from './interrupt.js';
import { BatchedWriter } from '../render/batched-writer.js';
import { runAnalysed } from './run-inputs.js';
import { buildAnalysis } from './analysis.js';
import { addEnrichOptions, readEnrichOptions } from './enrich-options.js';
import { enrichEventEcs, enrichEventJson } from '../enrich/event-enrich.js';
import { eventToDshield } from '../render/dshield.js';
import { messages, usageError } from '../i18n/messages.js';
import { termSafe } from '../render/sanitize.js';
import type { Lang } from '../knowledge/types.js';
import { addFilterOptions, readFilterOptions, type EventWindow } from './filter-options.js';

export function registerEvents(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('events')
    .description(helpText((h) => h.eventsCommand))
    .argument('[files...]', helpText((h) => h.files))
    .addOption(new Option('-o, --output-format <format>', helpText((h) => h.eventsOutputFormat)).choices(['ndjson', 'dshield']).default('ndjson'))
    .option('--ecs', helpText((h) => h.eventsEcs))
    .option('--dshield-userid <n>', helpText((h) => h.eventsDshieldUserid));
  addFilterOptions(cmd);
  addEnrichOptions(cmd, { geoip: true, ignore: true });
  addThreadsOption(addInputOptions(cmd)).action(async (files: string[], raw: Record<string, unknown>) => {
    // Every events output is for programs: English unless --lang asks.
    const common = readCommonOptions(raw, true);
    const dshield = raw.outputFormat === 'dshield';
    if (dshield && raw.ecs) throw usageError((u) => u.ecsNeedsNdjson('dshield'));
    if (dshield && raw.geoip !== undefined) throw usageError((u) => u.geoipNotDshield);
    if (!dshield && raw.dshieldUserid !== undefined) throw usageError((u) => u.onlyWithFormat('--dshield-userid', 'dshield'));
    let userid = 0;
    if (raw.dshieldUserid !== undefined) {
      userid = Number(raw.dshieldUserid);
      if (!/^\d{1,10}$/.test(String(raw.dshieldUserid)) || userid > 4_294_967_295) throw usageError((u) => u.dshieldUserid(String(raw.dshieldUserid)));
    }
    const filter = readFilterOptions(raw, common.tz);
    const enrich = await readEnrichOptions(raw, common.lang);
    const inputs = resolveInputs(files, common.lang);
    const analysis = buildAnalysis(common);
    const out = new BatchedWriter();
    const geo = enrich.geoip;
    const ignore = enrich.ignore;
    const base = raw.ecs ? eventToEcs : eventToJson;
    const enriched = raw.ecs ? enrichEventEcs : enrichEventJson;
    const dshieldOpts = { tz: common.tz, userid };
    // One function chosen up front: the default (no option) path is exactly what it was.
    const toLine: (e: FirewallEvent) => string | null = dshield
      ? (e) => eventToDshield(e, dshieldOpts)
      : geo !== null
        ? (e) => enriched(base(e), e, geo)
        : base;
    // The default output is encoded straight into the write buffer (render/event-json-bytes.ts).
    const emit: (e: FirewallEvent) => void =
      toLine === eventToJson
        ? (e) => {
            if (!out.encodeInto(encodeEventLine, e)) out.write(eventToJson(e) + '\n');
          }
        : (e) => {
            const line = toLine(e);
            if (line !== null) out.write(line + '\n');
          };
    // Annotated before the filters (in runAnalysed): stateful readings need what came before the window.
    let matched = 0;
    const keep: (e: FirewallEvent) => void =
      ignore === null && !filter.active
        ? emit
        : (e) => {
            if (!filter.admits(e)) return;
            matched++;
            if (ignore === null || !ignore.matches(e)) emit(e);
          };
    // Ctrl-C / SIGTERM: stop reading, write every event parsed so far, exit 130 / 143. The
    // marker goes to stderr: stdout stays pure NDJSON (or DShield lines).
    const interrupt = new Interrupt();
    const run = await runAnalysed(inputs, common, analysis, keep, {
      threads: readThreads(raw),
      annotateWhileReading: false,
      afterChunk: out.backpressure,
      signal: interrupt.signal,
    }).finally(() => interrupt.dispose());
    await out.flush();
    // Stdout stays pure NDJSON; an empty result gets a word on stderr when the filters caused it.
    if (filter.active && matched === 0 && filter.read > 0) process.stderr.write(`logscan: ${noMatchText(filter, common.lang)}\n`);
    // Lines read and not one record among them (not a firewall log, or a format logscan does
    // not read): an empty stdout alone left the user guessing, where the report says so.
    const lines = run.stats.reduce((n, s) => n + s.lines, 0);
    if (lines > 0 && run.stats.every((s) => s.events === 0) && !interrupt.received) {
      process.stderr.write(`logscan: ${messages(common.lang).report.noRecords}\n`);
    }
    // stdout holds the events as decoded: a log in GBK read as UTF-8 gets its hint here, as the report's notes give it.
    for (const s of run.stats) {
      if (s.invalidUtf8 !== undefined) process.stderr.write(`logscan: ${termSafe(s.file)}: ${messages(common.lang).report.invalidUtf8(s.invalidUtf8)}\n`);
    }
    if (interrupt.received) process.stderr.write(`logscan: ${messages(common.lang).diagnostics.interrupted(interrupt.received, 'output')}\n`);
    setExit(run.exitCode);
    setExit(interrupt.exitCode);
  });
}

function noMatchText(w: EventWindow, lang: Lang): string {
  const span = w.readSpan();
  return messages(lang).diagnostics.noMatch(w.read, w.given, span?.first ?? null, span?.last ?? null);
}
