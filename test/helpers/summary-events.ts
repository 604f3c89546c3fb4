// Scenario builders for the summarizer tests: scans, sweeps, campaigns and noise as
// arrays of FirewallEvents (on top of makeEvent), plus annotation constructors.
import type { Annotation, FirewallEvent, Severity } from '../../src/event.js';
import { Summarizer, type SummaryResult } from '../../src/aggregate/summary.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/aggregate/thresholds.js';
import { at, makeEvent, type EventInit } from './events.js';

export function ann(id: string, severity: Severity = 1, text = `${id} text`): Annotation {
  return { id, severity, text, ref: 'test' };
}

export function trojanAnn(family: string, severity: Severity = 3): Annotation {
  return ann('trojan', severity, `Port of the ${family} trojan: someone is looking for machines already infected with it.`);
}

export function summarize(events: readonly FirewallEvent[], t: Thresholds = DEFAULT_THRESHOLDS): SummaryResult {
  const s = new Summarizer(t);
  for (const e of events) s.add(e);
  return s.result({ kb: null, lang: 'en' });
}

/** `ports` distinct TCP ports on one host, spread over `seconds`. */
export function verticalScan(ip: string, ports: number, seconds: number, extra: EventInit = {}, firstPort = 1): FirewallEvent[] {
  return Array.from({ length: ports }, (_, i) =>
    makeEvent({ time: at((i * seconds) / ports), src: { ip, port: 50000 }, dst: { ip: '198.51.100.10', port: firstPort + i }, ...extra }),
  );
}

/** One port across `hosts` hosts of 198.51.100.0/24 (and beyond). */
export function horizontalSweep(ip: string, port: number, hosts: number, seconds = 60): FirewallEvent[] {
  return Array.from({ length: hosts }, (_, i) =>
    makeEvent({ time: at((i * seconds) / hosts), src: { ip }, dst: { ip: `198.51.${100 + Math.floor(i / 250)}.${(i % 250) + 1}`, port } }),
  );
}

/** `events` events × `count` packets to one port of one host, over `seconds`. */
export function hammer(ip: string, port: number, events: number, count: number, seconds = 86_400): FirewallEvent[] {
  return Array.from({ length: events }, (_, i) => makeEvent({ time: at((i * seconds) / events), src: { ip }, dst: { port }, count }));
}
