// Every reading 002 (the seed on reading firewall logs) makes of a log entry, as a log line read
// the way `logscan explain 'LINE'` reads it: the table is test/data/seed-002-lines.tsv (see its header).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LineExplainer } from '../../src/cli/explain-line.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { PortProtocol } from '../../src/knowledge/types.js';
import { TEST_REF_DATE } from '../helpers/parse.js';

interface Row {
  case: string;
  entries: string[];
  want: string[];
  unwanted: string[];
  line: string;
}

const SEED = '002_7fc6dc8747eb060f.txt';
const rows: Row[] = readFileSync(new URL('../data/seed-002-lines.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('case\t'))
  .map((raw) => {
    const [name, entry, expect, line] = raw.split('\t');
    const words = expect.split(' ').filter((w) => w !== '');
    return {
      case: name,
      entries: entry === '-' ? [] : entry.split(' '),
      want: words.filter((w) => !w.startsWith('!')),
      unwanted: words.filter((w) => w.startsWith('!')).map((w) => w.slice(1)),
      line,
    };
  });

/** Rows of one case that follow each other, read by one reader. */
const groups: [string, Row[]][] = [];
for (const r of rows) {
  const last = groups.at(-1);
  if (last !== undefined && last[0] === r.case) last[1].push(r);
  else groups.push([r.case, [r]]);
}

const kb = loadKnowledge();

describe('002 read into log lines', () => {
  it('the table is whole: every row has a line and something to check', () => {
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(r.line, r.case).toMatch(/ PROTO=/);
      expect(r.want.length + r.unwanted.length, r.case).toBeGreaterThan(0);
    }
  });

  it('names every entry of ports.json and source-ports.json that comes from 002', () => {
    const named = new Set(rows.flatMap((r) => r.entries));
    const fromSeed = [...kb.entries, ...kb.sourceEntries].filter((e) => e.source === SEED).map((e) => e.id);
    expect(fromSeed.length).toBeGreaterThan(80);
    expect(fromSeed.filter((id) => !named.has(id))).toEqual([]);
  });

  it.each(groups)('%s', (_, group) => {
    const reader = new LineExplainer(kb, 'en', { now: TEST_REF_DATE });
    for (const r of group) {
      const reading = reader.read(r.line);
      expect(reading.outcome, r.line).toBe('event');
      const e = reading.event!;
      const ids = e.annotations.map((a) => a.id);
      for (const id of r.want) expect(ids, `${id} for ${r.line}`).toContain(id);
      for (const id of r.unwanted) expect(ids, `no ${id} for ${r.line}`).not.toContain(id);
      if (r.entries.length > 0) {
        const proto = e.proto as PortProtocol;
        const known = [
          ...(e.dst.port === null ? [] : kb.lookup(proto, e.dst.port)),
          ...(e.src.port === null ? [] : kb.lookupSource(proto, e.src.port)),
        ].map((k) => k.id);
        for (const id of r.entries) expect(known, `${id} for ${r.line}`).toContain(id);
      }
    }
  });

  it("a traceroute going out is this side's own, in both languages; one coming in traces the route here", () => {
    const text = (name: string, lang: 'en' | 'zh'): string =>
      new LineExplainer(kb, lang, { now: TEST_REF_DATE }).read(rows.find((r) => r.case === name)!.line).event!.annotations.find((a) => a.id === 'traceroute')!.text;
    expect(text("traceroute going out is this side's own", 'en')).toMatch(/^traceroute from this side/);
    expect(text("traceroute going out is this side's own", 'zh')).toMatch(/^本方发出的 traceroute/);
    expect(text('33434-33600 traceroute', 'en')).toMatch(/path to this host/);
    expect(text('33434-33600 traceroute', 'zh')).toMatch(/到本机的路由/);
  });

  it("a traceroute going out that egress rules stopped reads as this side's, stopped, in both languages", () => {
    const text = (lang: 'en' | 'zh', id: string): string =>
      new LineExplainer(kb, lang, { now: TEST_REF_DATE }).read(rows.find((r) => r.case === 'traceroute going out, stopped by egress rules')!.line).event!.annotations.find((a) => a.id === id)!.text;
    expect(text('en', 'traceroute')).toMatch(/^traceroute from this side/);
    expect(text('zh', 'traceroute')).toMatch(/^本方发出的 traceroute/);
    expect(text('en', 'port-known-own')).toMatch(/^traceroute: this side's own .*stopped/);
    expect(text('zh', 'port-known-own')).toMatch(/^traceroute（路由追踪）：本方.*拦下/);
  });

  it("the traceroute port's own text, which `explain 33434` shows, says what it is going out too, in both languages", () => {
    const entry = kb.lookup('udp', 33434).find((k) => k.id === 'traceroute')!;
    expect(entry.text.en).toMatch(/going out from this side, a machine here tracing a route/i);
    expect(entry.text.zh).toMatch(/本方外发的则是本方机器在追踪路由/);
  });

  it("a program here calling out on a malware's port reads as stopped when the firewall stopped it, and only then, in both languages", () => {
    const calling = rows.filter((r) => r.want.includes('trojan-outbound') || r.want.includes('adbot-outbound'));
    const readings = calling.flatMap((r) =>
      (['en', 'zh'] as const).flatMap((lang) => {
        const e = new LineExplainer(kb, lang, { now: TEST_REF_DATE }).read(r.line).event!;
        return e.annotations.filter((a) => a.id === 'trojan-outbound' || a.id === 'adbot-outbound').map((a) => ({ lang, action: e.action, id: a.id, text: a.text, line: r.line }));
      }),
    );
    const stopped = { en: /firewall stopped|stopped by the firewall/, zh: /被防火墙拦下|防火墙拦下了/ };
    for (const r of readings) {
      if (r.action === 'drop' || r.action === 'reject') expect(r.text, `${r.lang} ${r.line}`).toMatch(stopped[r.lang]);
      else expect(r.text, `${r.lang} ${r.line}`).not.toMatch(stopped[r.lang]);
    }
    // Each id, each language, both ways: blocked (drop, reject) and let out (allow, no verdict).
    const seen = new Set(readings.map((r) => `${r.id} ${r.lang} ${r.action}`));
    for (const id of ['trojan-outbound', 'adbot-outbound']) for (const lang of ['en', 'zh']) for (const action of ['drop', 'reject', 'allow']) expect([...seen]).toContain(`${id} ${lang} ${action}`);
    expect([...seen]).toContain('trojan-outbound en other');
  });

  it('a packet coming in to 17027 reads as no adbot, in both languages: the adbot is a program here calling out', () => {
    const text = (lang: 'en' | 'zh'): string =>
      new LineExplainer(kb, lang, { now: TEST_REF_DATE }).read(rows.find((r) => r.case === '17027 inbound is no adbot')!.line).event!.annotations.find((a) => a.id === 'port-known')!.text;
    expect(text('en')).not.toMatch(/OUTBOUND/i);
    expect(text('en')).toMatch(/coming in/);
    expect(text('zh')).not.toMatch(/^[^：]*：本方某台机器上/);
    expect(text('zh')).toMatch(/传入/);
  });
});

describe("002's facts that have aged say so", () => {
  // 002 dates from the dial-up years: where today's registries or the services themselves moved
  // on, the entry keeps the seed's reading and says what changed, in both languages.
  const aged: [id: string, what: string, said: RegExp][] = [
    ['corba-iiop', "CORBA's IIOP is registered on 683 (684 over SSL), not 553", /683/],
    ['mountd', "today's Linux mountd takes 20048 (or a random port), not 635", /20048/],
    ['icq-4000', 'ICQ moved to TCP 5190 and shut down in 2024', /5190.*2024/],
    ['srcport-icq', 'ICQ moved to TCP 5190 and shut down in 2024', /5190.*2024/],
    ['pcanywhere', 'Symantec retired pcAnywhere in 2014', /2014/],
  ];
  it.each(aged)('%s: %s', (id, _, said) => {
    const e = [...kb.entries, ...kb.sourceEntries].find((k) => k.id === id)!;
    expect(e.text.en).toMatch(said);
    expect(e.text.zh).toMatch(said);
  });

  it('the annotation that reads UDP from 4000 says it too', () => {
    const row = rows.find((r) => r.want.includes('srcport-icq') && r.line.includes('SPT=4000 '))!;
    for (const lang of ['en', 'zh'] as const) {
      const text = new LineExplainer(kb, lang, { now: TEST_REF_DATE }).read(row.line).event!.annotations.find((a) => a.id === 'srcport-icq')!.text;
      expect(text).toMatch(/5190.*2024/);
    }
  });
});
