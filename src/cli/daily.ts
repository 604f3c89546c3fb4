// `logscan daily`: one calendar day, compared with the day before, as text, markdown,
// HTML or JSON (docs/daily.md). Wiring only: the day window, file discovery, digests
// and comparison live in src/daily/, the pictures in src/render/daily-*.ts.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { helpText } from './help-text.js';
import { inputErrorWords, messages, usageError } from '../i18n/messages.js';
import { Option, type Command } from 'commander';
import { DEFAULT_THRESHOLDS, parseSeverity } from '../aggregate/thresholds.js';
import { formatOfFile, outputOption, refuseOutputOverInput, writeDocument } from './output.js';
import { DailyCollector } from '../daily/collect.js';
import { compareDays } from '../daily/compare.js';
import { addDays, dayKey, dayWindow, parseDayOption, zoneName } from '../daily/day.js';
import { DIGEST_VERSION, digestPath, removeStaleDigestTemps, digestSpan, digestSettings, loadDigest, saveDigest, stateDirProblem, type DayDigest, type DigestProblem, type StateDirProblem } from '../daily/digest.js';
import { buildDailyDoc, type DailyDoc, type DuplicateFallback, type StateNotSaved } from '../daily/doc.js';
import { RotationGaps, type MissingRotation } from '../daily/rotation-gaps.js';
import { brokenInputs, FileSpans, mayHold } from '../daily/broken-inputs.js';
import { duplicateFallback, inStretches, unreadStretches, type UnreadStretch } from '../daily/fallback.js';
import { defaultSearch, discoverLogs, duplicateReason, type FamilySelection, type LogFamily, type SkippedFile } from '../daily/discover.js';
import { choosePrevious } from '../daily/previous.js';
import { notComparedWhy } from '../daily/outside.js';
import { keepStoredDigest } from '../daily/keep.js';
import { COMPLETE, dayCoverage, type Coverage, type DayCoverage } from '../daily/coverage.js';
import { spanClock } from '../render/daily-common.js';
import type { FirewallEvent } from '../event.js';
import type { InputStats } from '../input/read.js';
import { dirProblem } from '../input/open.js';
import { oldestFirst } from '../input/rotation-order.js';
import type { Lang } from '../knowledge/types.js';
import { renderDailyHtml } from '../render/daily-html.js';
import { renderDailyMarkdown } from '../render/daily-markdown.js';
import { renderDailyText } from '../render/daily-text.js';
import { jsonText, termSafe } from '../render/sanitize.js';
import { buildAnalysis, homeNetFingerprint } from './analysis.js';
import { Interrupt } from './interrupt.js';
import { addInputOptions, addThreadsOption, positiveInt, readCommonOptions, readOnce, readThreads } from './options.js';
import { runAnalysed } from './run-inputs.js';
import { terminalWidth, useColor } from './tty.js';
import { addEnrichOptions, readEnrichOptions } from './enrich-options.js';
import { addThresholdOptions, loadThresholds } from './threshold-options.js';
import { enrichReport, hasEnrichment } from '../enrich/report-enrich.js';

type DailyFormat = 'text' | 'markdown' | 'html' | 'json';
const FORMATS: DailyFormat[] = ['text', 'markdown', 'html', 'json'];
/** The other commands' names for the same forms (the report's `table`), and the extension's. */
const ALIASES: Readonly<Record<string, DailyFormat>> = { table: 'text', md: 'markdown' };

/**
 * -o wins; else the --output file's extension, and text for any other (.txt, .log, none; .csv
 * has no daily form), as the report writes its table: a file is read later, whatever ran the
 * command; else, on standard output, text for a person at a terminal and markdown for mail (cron).
 */
function chooseFormat(raw: Record<string, unknown>): DailyFormat {
  if (typeof raw.outputFormat === 'string') return ALIASES[raw.outputFormat] ?? (raw.outputFormat as DailyFormat);
  const output = outputOption(raw);
  if (output !== null) {
    const byExt = formatOfFile(output);
    return byExt === null || byExt === 'plain' || byExt === 'csv' ? 'text' : byExt;
  }
  return process.stdout.isTTY ? 'text' : 'markdown';
}

function warn(s: string): void {
  process.stderr.write(`logscan: ${termSafe(s)}\n`);
}

interface ReadGroup {
  name: string;
  family: LogFamily | null;
  files: string[];
  /** Rotations missing from the family's numbering (discovery only): they count once the family is read. */
  missing: MissingRotation[];
}

export function registerDaily(program: Command, setExit: (code: number) => void): void {
  const cmd = program
    .command('daily')
    .description(helpText((h) => h.dailyCommand))
    .argument('[files...]', helpText((h) => h.dailyFiles))
    .option('--date <day>', helpText((h) => h.dailyDate), 'yesterday')
    .addOption(new Option('-o, --output-format <format>', helpText((h) => h.dailyOutputFormat)).choices([...FORMATS, ...Object.keys(ALIASES)]))
    .option('--output <file>', helpText((h) => h.dailyOutput))
    .option('--state <dir>', helpText((h) => h.dailyState))
    .option('--log-dir <dir>', helpText((h) => h.dailyLogDir))
    .option('--quiet-below <severity>', helpText((h) => h.dailyQuietBelow))
    .addOption(new Option('--top <n>', helpText((h) => h.top)).default(10));
  addThresholdOptions(cmd, DEFAULT_THRESHOLDS.limits.maxSources);
  addEnrichOptions(cmd, { geoip: true, ignore: true, osHint: true, resolve: true });
  addThreadsOption(addInputOptions(cmd)).action(async (files: string[], raw: Record<string, unknown>) => {
    // One set of thresholds for the day and the day before: the comparison counts both alike.
    const { thresholds, detectorParams } = loadThresholds(raw);
    const format = chooseFormat(raw);
    const common = { ...readCommonOptions(raw, format === 'json'), detectorParams };
    const say = messages(common.lang).daily;
    const now = new Date();
    const day = parseDayOption(String(raw.date), now, common.tz);
    const window = dayWindow(day, common.tz);
    const prevWindow = dayWindow(addDays(day, -1), common.tz);
    const output = outputOption(raw);
    const top = positiveInt('--top', raw.top, 10_000);
    const stateDir = typeof raw.state === 'string' ? raw.state : null;
    const quietBelow = raw.quietBelow !== undefined ? parseSeverity('--quiet-below', raw.quietBelow) : null;
    // What a save killed before its rename (kill -9) left in DIR would stay there forever.
    if (stateDir !== null) await removeStaleDigestTemps(stateDir);
    if (raw.logDir !== undefined && files.length > 0) throw usageError((u) => u.logDirAndFiles);
    const enrich = await readEnrichOptions(raw, common.lang);
    const ignore = enrich.ignore;
    let ignored = 0;

    // What to read: the FILEs as given, or the families found in the usual places.
    const groups: ReadGroup[] = [];
    const skippedFiles: SkippedFile[] = [];
    const missing: MissingRotation[] = [];
    let reachesBack = false;
    if (files.length > 0) {
      groups.push({ name: 'the files given', family: null, files: oldestFirst(readOnce(files, common.lang)), missing: [] });
    } else {
      const plan = defaultSearch(process.platform, process.env, typeof raw.logDir === 'string' ? raw.logDir : null);
      let found: FamilySelection[];
      try {
        found = discoverLogs(plan, prevWindow.start, window.end);
      } catch (e) {
        const p = dirProblem(e);
        throw inputErrorWords(plan.dir, (m) => m.daily.logDirUnusable(p));
      }
      if (found.every((f) => f.read.length === 0 && f.skipped.length === 0)) {
        const patterns = plan.families.map((f) => f.shown ?? `${f.base}*`);
        throw inputErrorWords(plan.dir, (m) => m.daily.noLogs(patterns, journalDir(plan.dir)));
      }
      for (const f of found) {
        skippedFiles.push(...f.skipped);
        reachesBack ||= f.reachesBack;
        if (f.read.length > 0) groups.push({ name: f.family.base, family: f.family, files: f.read.map((x) => x.path), missing: f.missing });
        else missing.push(...f.missing);
      }
      if (groups.length === 0) warn(say.noFileCanHold(plan.dir, prevWindow.key, window.key));
    }

    refuseOutputOverInput(output, groups.flatMap((g) => g.files));
    const analysis = buildAnalysis(common);
    const collector = new DailyCollector(window, prevWindow, thresholds, common.tz);
    const stats: InputStats[] = [];
    const readSoFar: string[] = [];
    const gaps = new RotationGaps(groups.flatMap((g) => g.missing));
    const spans = new FileSpans();
    // Ctrl-C / SIGTERM: stop reading, still render the day of what was read (marked), exit 130 / 143.
    const interrupt = new Interrupt();
    // What the files read so far that could not be read (in full) held: a family skipped
    // as their duplicate is read for those stretches instead (fallback.ts).
    let unread: UnreadStretch[] = [];
    const fallbacks: DuplicateFallback[] = [];
    try {
      for (const g of groups) {
        if (interrupt.received) break;
        const dup = g.family ? duplicateReason(g.family, collector, readSoFar.join(', ')) : null;
        const fallback = dup !== null && unread.length > 0 ? unread : null;
        if (dup !== null && fallback === null) {
          for (const f of g.files) skippedFiles.push({ path: f, why: dup });
          continue;
        }
        if (fallback !== null) {
          warn(say.duplicateFallback(fallback.flatMap((s) => s.files), g.name));
          // Filled once: a later duplicate family would count them twice.
          unread = [];
        }
        const keep = fallback === null ? null : (e: FirewallEvent): boolean => e.time !== null && inStretches(fallback, e.time.getTime());
        missing.push(...g.missing);
        // Every event is annotated, other days' too: stateful detectors need the context.
        // Annotating in this thread keeps one annotator's state across the groups.
        const run = await runAnalysed(
          g.files,
          common,
          analysis,
          (e) => {
            if (e.time !== null) {
              gaps.see(e.origin.file, e.time.getTime());
              spans.see(e.origin.file, e.time.getTime());
            }
            if (ignore !== null && ignore.matches(e)) {
              // "ignored N events" is said of the day, as every other number on the page.
              const t = e.time?.getTime();
              if (t !== undefined && t >= window.start && t < window.end) ignored++;
              return;
            }
            collector.add(e);
          },
          // The page names the zone at its end; the first ask loads ICU's zone data.
          { threads: readThreads(raw), annotateWhileReading: false, signal: interrupt.signal, whileWorkerStarts: () => zoneName(common.tz), ...(keep === null ? {} : { keep }) },
        );
        if (fallback === null) unread.push(...unreadStretches(run.stats, spans));
        else fallbacks.push(duplicateFallback(fallback, g, run.stats, stats));
        stats.push(...run.stats);
        setExit(run.exitCode);
        readSoFar.push(g.name);
      }
    } finally {
      interrupt.dispose();
    }

    // An input that broke off (a truncated .gz, a read error) where what it lost may be the
    // day's: an older rotation cut short loses records from before the next one began.
    const broken = brokenInputs(stats, spans);
    // What a duplicate family restored is not missing: those inputs stay listed as not read (exit 3), the day not cut short by them.
    const restored = new Set(fallbacks.flatMap((f) => (f.restored ? f.unread : [])));
    const cutShort = (w: { start: number; end: number }): boolean => broken.some((b) => !restored.has(b.file) && mayHold(b, w));
    // A rotation missing from the numbering where the day's lines could be.
    const lacks = (w: { start: number; end: number }): MissingRotation[] => gaps.within(missing, w.start, w.end);
    // Whether the logs hold all of a day, and which part when not: one answer (coverage.ts).
    const coverage = (w: { start: number; end: number }): DayCoverage =>
      dayCoverage(w, {
        earliest: collector.earliest,
        latest: collector.latest,
        reachesBack,
        cutShort: cutShort(w),
        writtenAfter: stats.some((s) => s.modified != null && s.modified >= w.end),
        missing: lacks(w).length > 0,
        holes: lacks(w).map((g) => gaps.hole(g)),
      });
    // The ranking before any count is read: it recounts the scanners' late packets as probes.
    const ranking = collector.rank({ kb: analysis.kb, lang: common.lang, limit: top });
    let stored: DayDigest | null = null;
    // A newer logscan's digest is said once, where it is first met: read, or about to be written over.
    const keptNewer = new Set<string>();
    const sayKept = (date: string, version: number): void => {
      if (stateDir === null || keptNewer.has(date)) return;
      keptNewer.add(date);
      warn(say.newerDigestKept(digestPath(stateDir, date), version, DIGEST_VERSION));
    };
    if (stateDir !== null) {
      const loaded = await loadDigest(stateDir, prevWindow.key);
      if (loaded.digest) stored = loaded.digest;
      else if (loaded.newer !== undefined) sayKept(prevWindow.key, loaded.newer);
      else if (loaded.problem) warn(say.ignoredDigest(loaded.problem));
    }
    const settings = digestSettings(thresholds, { ignore, homeNet: homeNetFingerprint(common.homeNet), signatures: analysis.localSignatures });
    const previous = choosePrevious(collector.previous, coverage(prevWindow), stored, settings, collector.today.formats);
    const partial = now.getTime() < window.end;
    const ahead = now.getTime() < window.start;
    const missingToday = lacks(window);
    const todayCoverage = coverage(window);
    // A past day: complete. Today's end is still to come, but what a cut input lost can already be today's, as for a past day.
    const covered = partial ? todayCoverage.reachesStart && !cutShort(window) && missingToday.length === 0 : todayCoverage.complete;
    // A past day none of whose records the logs hold: its zeros are the logs' end, not a drop.
    const noFileCanHold = stats.length === 0 && skippedFiles.some((f) => f.why.kind === 'before-day');
    const notCompared = notComparedWhy(window, { earliest: collector.earliest, latest: collector.latest, reachesBack, noFileCanHold }, partial);
    // Today is never complete: its numbers are so far, and its span ends at the last record yet.
    const today: Coverage = partial ? { complete: false, span: todayCoverage.span ?? { from: window.start, to: Math.min(window.end, Math.max(window.start, collector.latest)) }, gaps: todayCoverage.gaps ?? [] } : todayCoverage;
    const todayComplete = today.complete;
    const compared = notCompared === null;
    const missingFiles = [...new Set([...lacks(prevWindow), ...missingToday])].map((m) => ({ path: m.path, newer: m.newer, older: m.older, inDay: missingToday.includes(m), ...(m.packed ? { packed: m.packed } : {}) }));
    // An interrupted run writes its (marked) summary, to --output too, like the report; but
    // not the --state digest: a digest carries no such mark, may still look complete (the
    // records read can span the day while a later file or family went unread), and would
    // replace a good digest of that day, so later comparisons would trust the cut-short counts.
    // Saved before the page is made, so the page can say when it was not.
    let stateNotSaved: StateNotSaved<StateDirProblem> | null = null;
    if (stateDir !== null && interrupt.received) {
      warn(say.interruptedNoDigest(interrupt.received, window.key));
    } else if (stateDir !== null) {
      // None of a day the logs do not reach: a digest of its zeros would be compared with
      // the next day as a rise from nothing, and would replace one written while the logs held it.
      const digests: [DayDigest, string][] = [];
      let unusable: DigestProblem | null = null;
      if (!compared) warn(say.noDigestOutside(stateDir, window.key, notCompared));
      // None of a day that has not begun: its zeros (or a clock set ahead's records) would be
      // the next day's day before until a run on that day replaced them.
      else if (ahead) warn(say.noDigestAhead(stateDir, window.key));
      else {
        const fresh = collector.today.digest(common.tz, today, now, settings);
        // A complete digest of the day from an earlier run (its logs since rotated away, or not
        // given) stays, and so does a partial one that holds more of the day than this run.
        const before = await loadDigest(stateDir, window.key);
        const kept = before?.digest ? keepStoredDigest(before.digest, fresh, window) : null;
        if (kept === 'complete') warn(say.completeDigestKept(digestPath(stateDir, window.key), window.key));
        else if (kept === 'longer') {
          const clock = (d: DayDigest): string => spanClock(digestSpan(d)!, window, common.tz);
          warn(say.longerDigestKept(digestPath(stateDir, window.key), window.key, clock(before!.digest!), clock(fresh)));
        } else {
          digests.push([fresh, dayKey(addDays(day, 1))]);
          // One that cannot be read is written over: said, since what it held is lost (a newer logscan's stays, said by sayKept).
          if (before !== null && before.digest === null && before.newer === undefined) unusable = before.problem;
        }
      }
      // First run, or the stored one was partial: the logs knew the whole day before.
      if (previous?.basis === 'logs' && previous.complete && !stored?.complete) digests.push([collector.previous.digest(common.tz, COMPLETE, now, settings), window.key]);
      // DIR is made only for a digest: a run with none to save (no logs, a day not reached,
      // ahead) leaves no empty directory behind. Not an error that stops the run: the day's
      // summary still comes (a cron job that mailed one line instead lost the day's summary).
      const stateProblem = digests.length > 0 ? stateDirProblem(stateDir) : null;
      for (const [d, next] of digests) {
        const notSaved = stateProblem ?? (await saveDigest(stateDir, d));
        if (notSaved === null) {
          if (unusable !== null && d.date === window.key) warn(say.replacedDigest(unusable, d.date));
          continue;
        }
        // Kept on purpose, not a failure: the newer logscan's counts stay for it to read.
        if (notSaved.code === 'newer') sayKept(d.date, notSaved.newer);
        // The first that failed is said: the day's, before the day before's.
        else stateNotSaved ??= { dir: stateDir, date: d.date, next, problem: notSaved };
      }
    }
    const doc = buildDailyDoc({
      collector,
      ranking,
      stats,
      skippedFiles,
      missingFiles,
      incompleteInputs: broken.map((b) => ({ file: b.file, error: b.error, nothingRead: b.nothingRead, inDay: mayHold(b, window) })),
      fallbacks,
      comparison: compareDays(collector.today, prevWindow.key, previous, analysis.kb, common.lang, top, { complete: todayComplete, covered: today.span, gaps: today.gaps ?? [], notCompared }),
      isNewSource: previous === null || !compared ? null : (ip) => collector.today.hasSource(ip) && !previous.hasSource(ip),
      // A digest of another zone's day has other hours: its curve would stand under the wrong clock hours.
      // A day not compared has no curve of the day before over its empty hours either.
      previousPerHour: previous === null || previous.otherZone !== null || !compared ? null : previous.basis === 'logs' ? [...collector.previous.perHour] : (stored?.perHour ?? null),
      kb: analysis.kb,
      lang: common.lang,
      tz: common.tz,
      top,
      thresholds,
      partial,
      ahead,
      covered,
      interrupted: interrupt.received,
      stateNotSaved,
    });

    if (ignore !== null) doc.report.totals.ignored = ignored;
    if (hasEnrichment(enrich)) await enrichReport(doc.report, collector.summary.profiles, { ...enrich, lang: common.lang });
    const text = render(doc, format, common.tz, common.lang, output === null && useColor());
    // Before the page: --output may fail too, and cron mails stderr first.
    if (stateNotSaved !== null) {
      warn(say.stateNotSaved(stateNotSaved.dir, stateNotSaved.date, say.stateDirProblem(stateNotSaved.problem), stateNotSaved.next));
      setExit(2);
    }
    // Cron mails whatever a job prints: a day without news prints nothing. A file (a page
    // someone opens) is written all the same, so it never shows a stale day.
    const news = quietBelow === null || (doc.report.maxFindingSeverity !== null && doc.report.maxFindingSeverity >= quietBelow);
    if (news || output !== null) await writeDocument(text, output);
    setExit(interrupt.exitCode);
  });
}

/** DIR's systemd journal, where a system without a syslog daemon keeps the kernel's lines: the hint's subject. */
function journalDir(dir: string): string | null {
  const journal = join(dir, 'journal');
  try {
    return statSync(journal).isDirectory() ? journal : null;
  } catch {
    return null;
  }
}

function render(doc: DailyDoc, format: DailyFormat, tz: string | null, lang: Lang, color: boolean): string {
  switch (format) {
    case 'json':
      return jsonText(doc, 2) + '\n';
    case 'markdown':
      return renderDailyMarkdown(doc, { tz, lang });
    case 'html':
      return renderDailyHtml(doc, { tz, lang });
    default:
      return renderDailyText(doc, { color, width: terminalWidth(), tz, lang });
  }
}

