// `logscan follow`: follower -> per-file parser -> annotate -> (run summary, alert
// window) -> live output, until Ctrl-C / SIGTERM (or the end of stdin), then the
// final summary. Output is written per read chunk, never held for a batch.
import { writeFile } from 'node:fs/promises';
import pc from 'picocolors';
import type { FirewallEvent } from '../event.js';
import { ExitCode } from '../errors.js';
import { Overview } from '../aggregate/overview.js';
import { Summarizer } from '../aggregate/summary.js';
import { isConnectionRecord } from '../parsers/connection-records.js';
import type { Thresholds } from '../aggregate/thresholds.js';
import type { IgnoreList } from '../enrich/ignore.js';
import { Follower, DEFAULT_POLL_MS } from '../input/follow.js';
import { durationText, messages, usageError } from '../i18n/messages.js';
import { FollowState, StateError } from '../input/follow-state.js';
import type { KnowledgeBase } from '../knowledge/types.js';
import type { Lang } from '../knowledge/types.js';
import { eventToEcs, eventToJson } from '../render/event-json.js';
import { renderReportText } from '../render/report-text.js';
import { termSafe } from '../render/sanitize.js';
import { localClock } from '../render/time-format.js';
import { ATOMIC_WRITE, BatchedWriter, isPipeOrSocket } from '../render/batched-writer.js';
import { Diagnostics } from '../cli/diagnostics.js';
import type { InputOptions } from '../cli/options.js';
import { AlertExec } from './alert-exec.js';
import { AlertWatch, type Alert } from './alerts.js';
import { Folder } from './fold.js';
import { annotatorKeys, overviewSources } from './caps.js';
import { DropCount } from './drop-count.js';
import { finalReport } from './final-report.js';
import { stopSummary } from './stop-summary.js';
import { ParseSession } from './parse-session.js';
import { alertLine, DayMarker, gapLine, indentedLine, printsAsProbe, probeLine, runSince, SourceColumn } from './probe-line.js';
import { lostRecords } from '../parsers/log-gaps.js';
import { windowSummary } from './window-summary.js';
import { zoneFacts } from '../aggregate/zone-facts.js';
import { zoneName } from '../daily/day.js';
import { zoneNoteLines } from '../render/zone-words.js';

/**
 * After SIGINT/SIGTERM, how long the stop waits for stdout to take what is printed; then
 * reading stops where it is and what stdout did not take is dropped (with --state, the
 * position saved is that of the last line whose output stdout took).
 */
const STOP_GRACE_MS = 2000;
/** What stdout gets at least for the last lines and the summary when the grace is (nearly) over: a reader that reads takes them in milliseconds. */
const LAST_WRITE_MS = 250;
/** How long --alert-exec commands still running at the stop get to finish. */
const EXEC_GRACE_MS = 2000;

/** Columns of the report --final-report writes: the width of text that goes to a file (tty.ts's fallback). */
const REPORT_FILE_WIDTH = 100;

/** Alert window when no --summary-every is given. */
export const DEFAULT_ALERT_WINDOW_MS = 10 * 60_000;

export interface FollowRunOptions extends InputOptions {
  files: string[];
  lang: Lang;
  kb: KnowledgeBase | null;
  annotate(e: FirewallEvent): void;
  /** The annotator's detector keys dropped at their cap so far (a running total). */
  annotationsDropped(): number;
  thresholds: Thresholds;
  /** --ignore: events left out once annotated (the detectors still see them), counted at the stop. */
  ignore: IgnoreList | null;
  output: 'text' | 'ndjson';
  /** NDJSON in Elastic Common Schema names (`events --ecs`) instead of logscan's schema. */
  ecs: boolean;
  /** Text output: a line per probe (false: --quiet, only alerts and summaries, and a short summary at the stop). */
  probeLines: boolean;
  /** --final-report: where the whole report goes at the stop (null: nowhere but stdout, without --quiet). */
  finalReportFile: string | null;
  color: boolean;
  /** Columns of the report at the stop (its tables need a width). */
  width: number;
  /** Columns the probe, alert and summary lines wrap at; Infinity: one line each (a pipe, a file). */
  lineWidth: number;
  fromStart: boolean;
  stateFile: string | null;
  summaryEveryMs: number | null;
  alertScore: number | null;
  alertArgv: string[] | null;
  /** Poll interval (LOGSCAN_FOLLOW_POLL_MS in tests). */
  pollMs?: number;
  retireMs?: number;
  /** fs.watch as a wake-up hint (default true). */
  watch?: boolean;
}

export async function runFollow(o: FollowRunOptions): Promise<number> {
  // Listen before anything else: a Ctrl-C during start-up (a long --from-start read) must still end cleanly.
  let stopRequested: (why: string) => void = () => {};
  const stopSignal = new Promise<string>((resolve) => (stopRequested = resolve));
  // Whole lines only, one short write at a time, to a pipe or socket: what a reader that
  // stopped reading has taken ends with a whole line when the rest is given up.
  const out = new BatchedWriter(process.stdout, { wholeLines: isPipeOrSocket(1) ? ATOMIC_WRITE : undefined });
  // A stop has a deadline from the signal on, wherever the run is (a --from-start read
  // into a stdout nobody reads waits in start()): then stdout is released and reading halted.
  let follower: Follower | null = null;
  let gaveUp = false;
  let deadline = null as number | null;
  let graceTimer: NodeJS.Timeout | undefined;
  const giveUp = (): void => {
    gaveUp = true;
    out.release();
    follower?.halt();
  };
  // Declared before the signal handlers, which tell it the signal: created below.
  let exec: AlertExec | null = null;
  const onSig = (s: NodeJS.Signals): void => {
    // systemd's stop and a terminal's Ctrl-C signal a running hook too: it stops with us.
    exec?.stopping(s);
    if (deadline === null) {
      deadline = Date.now() + STOP_GRACE_MS;
      graceTimer = setTimeout(giveUp, STOP_GRACE_MS);
    }
    stopRequested(s);
  };
  process.once('SIGINT', onSig);
  process.once('SIGTERM', onSig);
  // A hangup (the terminal or SSH session closed, `kill -HUP` from a postrotate script) would
  // otherwise kill the run without its summary or a last --state save. Rotation needs no HUP.
  process.once('SIGHUP', onSig);
  const err = (s: string): void => {
    process.stderr.write(s);
  };
  const c = pc.createColors(o.color);
  const m = messages(o.lang).follow;
  const text = o.output === 'text';
  // ndjson keeps stdout to events only: alerts and summaries go to stderr, fitted to it only
  // when it is a terminal (a file of them keeps one line per alert, as stderr's messages).
  const info = text ? (s: string) => out.write(s) : err;
  const infoWidth = text ? o.lineWidth : process.stderr.isTTY ? process.stderr.columns : Infinity;

  const overview = new Overview(localClock(o.tz), overviewSources(o.thresholds.limits.maxSources));
  const runSummary = new Summarizer(o.thresholds);
  const diag = new Diagnostics(err, o.lang);

  exec = o.alertArgv ? new AlertExec({ argv: o.alertArgv, report: (r) => err(`logscan: ${termSafe(messages(o.lang).follow.alertExec(r))}\n`) }) : null;
  const probeLines = text && o.probeLines;
  const folder = probeLines
    ? new Folder((ip, n, spanMs, to, run) => {
        // The run's start is said as the probe lines say a time: the log's clock, in --tz; dated when the run crossed midnight.
        const going = run && { since: run.since === null ? null : runSince(new Date(run.since), new Date(run.since + run.lastedMs), o.tz), lasted: durationText(run.lastedMs, o.lang), probes: run.probes };
        out.write(indentedLine(termSafe(m.folded(n, ip, durationText(spanMs, o.lang), to, going)), o.lineWidth, c.dim) + '\n');
      })
    : null;
  // The detectors' state lost at their cap can cost a packet its reading (a scan, a retry series).
  const detectorKeys = annotatorKeys(o.thresholds.limits.maxSources);
  const annotationDrops = new DropCount(() => err(`logscan: ${m.annotationsDropping(detectorKeys)}\n`));

  const sources = new SourceColumn();
  const days = new DayMarker(o.tz);

  const onAlert = (a: Alert, e: FirewallEvent): void => {
    // In text, an alert line is dated as a probe line is (also with --quiet, where it is the only line).
    const at = e.time ?? new Date(a.time);
    const day = text ? days.next(at) : null;
    if (day !== null) {
      folder?.flush(e);
      out.write(c.dim(day) + '\n');
    }
    info(alertLine(a, at, o.lang, c, o.tz, infoWidth) + '\n');
    exec?.run(a);
    void out.flush();
  };
  const alertWindowMs = o.summaryEveryMs ?? DEFAULT_ALERT_WINDOW_MS;
  const alerts = new AlertWatch(o.thresholds, o.kb, o.lang, o.alertScore, alertWindowMs, onAlert, Date.now, (kept) =>
    err(`logscan: ${m.alertsForgetting(kept, durationText(alertWindowMs, o.lang))}\n`),
  );
  const toJson = o.ecs ? eventToEcs : eventToJson;
  let ignored = 0;
  const onEvent = (e: FirewallEvent): void => {
    o.annotate(e);
    if (o.ignore !== null && o.ignore.matches(e)) {
      ignored++;
      return;
    }
    const connection = isConnectionRecord(e);
    overview.add(e, connection);
    runSummary.add(e, connection);
    alerts.add(e);
    if (!text) {
      out.write(toJson(e) + '\n');
      return;
    }
    if (!probeLines) return;
    // A row saying records are missing is no probe, but a person tailing the log wants to know.
    const lost = lostRecords(e);
    const line = lost !== null ? gapLine(e, lost, o.lang, c, o.tz, o.lineWidth) : printsAsProbe(e) && folder!.admit(e) ? probeLine(e, o.kb, o.lang, c, o.tz, o.lineWidth, sources) : null;
    if (line === null) return;
    const day = days.next(e.time);
    if (day !== null) {
      // The day's open counts close above the next day's line (this line's source stays open).
      folder?.flush(e);
      out.write(c.dim(day) + '\n');
    }
    out.write(line + '\n');
  };

  const session = new ParseSession({
    inputFormat: o.inputFormat,
    encoding: o.encoding,
    year: o.year,
    tz: o.tz,
    lang: o.lang,
    onEvent,
    onMalformed: diag.malformed,
    err,
    afterChunk: () => {
      annotationDrops.total(o.annotationsDropped());
      return out.flush();
    },
  });

  let state: FollowState | null = null;
  if (o.stateFile) {
    try {
      state = await FollowState.load(o.stateFile);
    } catch (e) {
      throw e instanceof StateError ? usageError((u) => u.state(e.file, e.problem)) : e;
    }
    // Said once per kind of failure, not at every save for as long as it lasts.
    let lastError = '';
    state.onError = (e) => {
      if (e.message !== lastError) err(`logscan: ${termSafe(e instanceof StateError ? messages(o.lang).usage.stateLater(e.file, e.problem) : e.message)}\n`);
      lastError = e.message;
    };
  }
  // With --state, a position is saved once the output of the lines before it was taken by stdout.
  const delivery = state ? { mark: () => out.written, taken: () => out.taken } : null;
  const f = new Follower(o.files, session, { fromStart: o.fromStart, state, pollMs: o.pollMs ?? DEFAULT_POLL_MS, retireMs: o.retireMs, watch: o.watch, delivery, encoding: o.encoding });
  follower = f;
  if (gaveUp) f.halt();
  await f.start();

  let zoneSaid = '';
  const ticker = setInterval(() => {
    folder?.tick();
    const finished = alerts.roll();
    if (finished && o.summaryEveryMs !== null) {
      // The interval's "+N more" counts belong above its summary, not after it.
      folder?.flush();
      const stats = session.allStats();
      const decoded = stats.flatMap((s) => (s.encoding ? [{ file: s.file, encoding: s.encoding }] : []));
      // Said when it first applies or changes, not under every summary: most logs (BSD syslog) have no zone.
      const zone = zoneNoteLines(zoneFacts(stats), zoneName(o.tz), o.tz !== null, o.lang);
      const said = zone.join('\n');
      info(windowSummary(finished, o.summaryEveryMs, o.kb, c, o.lang, infoWidth, decoded, said === zoneSaid ? [] : zone));
      zoneSaid = said;
    }
    void out.flush();
  }, 1000);

  // The poll loop failing is a bug (I/O errors are said and retried): end with what was followed, then exit 1.
  // (`as`: assigned in a callback, which TypeScript's narrowing does not see.)
  let loopFailure = null as { error: unknown } | null;
  void f.done.then(
    () => stopRequested('end'),
    (error: unknown) => {
      loopFailure = { error };
      stopRequested('end');
    },
  );
  const signal = await stopSignal;
  process.off('SIGINT', onSig);
  process.off('SIGTERM', onSig);
  process.off('SIGHUP', onSig);
  clearInterval(ticker);
  // Reads what has arrived, waiting for stdout to take what it prints until the deadline
  // (a pipe nobody reads would hold the stop forever): then it stops where it is.
  await f.stop({ saveState: false });
  if ((signal !== 'end' || loopFailure !== null) && o.files.includes('-')) process.stdin.destroy();
  folder?.flush();
  diag.finish();
  annotationDrops.total(o.annotationsDropped());
  if (annotationDrops.count > 0) err(`logscan: ${m.annotationsDropped(annotationDrops.count, detectorKeys)}\n`);
  if (alerts.forgotten > 0) err(`logscan: ${m.alertsForgotten(alerts.forgotten, o.thresholds.limits.maxSources)}\n`);
  let stopFailed = false;
  if (text || o.finalReportFile !== null) {
    const doc = finalReport({ stats: session.reportStats(o.files), overview, summary: runSummary, kb: o.kb, lang: o.lang, tz: o.tz });
    if (o.ignore !== null) doc.totals.ignored = ignored;
    // From when the files were read to the end they had: start-up and a --from-start
    // catch-up are not following (stopped before then: nothing was followed live).
    const since = f.caughtUpAt;
    const followed = m.followedFor(durationText(since === null ? 0 : Date.now() - since, o.lang));
    let reportFile = o.finalReportFile;
    if (reportFile !== null) {
      // Without colour, at the report's default width: a file to read later, not this terminal.
      try {
        await writeFile(reportFile, `${followed}\n${renderReportText(doc, { color: false, width: REPORT_FILE_WIDTH, tz: o.tz, lang: o.lang })}`);
      } catch (e) {
        stopFailed = true;
        err(`logscan: ${termSafe(m.finalReportFailed(reportFile, e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e)))}\n`);
        reportFile = null;
      }
    }
    if (text) {
      out.write(`\n${c.bold(followed)}\n`);
      // --quiet is for a service's journal: every stop or restart would write the whole report there.
      out.write(o.probeLines ? renderReportText(doc, { color: o.color, width: o.width, tz: o.tz, lang: o.lang }) : stopSummary(doc, c, { lang: o.lang, tz: o.tz, width: o.lineWidth, reportFile }));
    }
  }
  const [taken] = await Promise.all([out.finish(deadline === null ? Infinity : Math.max(deadline - Date.now(), LAST_WRITE_MS)), exec?.close(EXEC_GRACE_MS)]);
  clearTimeout(graceTimer);
  if (!taken) err(`logscan: ${messages(o.lang).diagnostics.stdoutNotRead(signal, state !== null)}\n`);
  // Saved once the output is settled: a position past output that was dropped would lose those lines.
  // If this last save fails, the next start cannot resume here.
  try {
    await f.saveState();
  } catch (e) {
    stopFailed = true;
    err(`logscan: ${termSafe(e instanceof Error ? e.message : String(e))}\n`);
  }
  if (loopFailure !== null) throw loopFailure.error;
  return session.problems.size > 0 || session.lost.size > 0 || stopFailed ? ExitCode.inputUnreadable : ExitCode.ok;
}
