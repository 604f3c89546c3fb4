// signatures/annotations.json: the shipped file is valid and documented; bad rule
// files are rejected with the file and the rule named.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SignatureError } from '../../src/errors.js';
import { DEFAULT_ANNOTATIONS_FILE, loadAnnotationRules, parseAnnotationRules } from '../../src/annotate/index.js';
import { ANNOTATION_ROLES } from '../../src/annotate/rules.js';
import { DEFAULT_THRESHOLDS } from '../../src/aggregate/thresholds.js';
import { classifyAddress } from '../../src/annotate/address.js';
import { annotationRoles, rolesOf } from '../../src/annotate/roles.js';
import { Lru } from '../../src/annotate/lru.js';
import { createAnnotator } from '../../src/annotate/index.js';
import type { KnowledgeBase } from '../../src/knowledge/types.js';
import { makeEvent, ids } from '../helpers/events.js';
import { annotateOne, knowledge } from './kb.js';

const ok = {
  id: 'x-rule',
  name: { en: 'an example', zh: '例子' },
  severity: 1,
  ref: 'logscan',
  text: { en: 'An example.', zh: '一个例子。' },
  proto: ['udp'],
  dstPort: [9, [10, 12]],
};
const file = (rules: unknown[]) => ({ schemaVersion: 1, rules });

function error(json: unknown): SignatureError {
  try {
    parseAnnotationRules(json, 'annotations.json');
  } catch (e) {
    if (e instanceof SignatureError) return e;
    throw e;
  }
  throw new Error('expected a SignatureError');
}

describe('annotation rules', () => {
  // The ICMP replies' texts said "（type 0）", "（type 129）" in Chinese, beside 类型 3 in the next rule's.
  it("the shipped Chinese texts call an ICMP type 类型 N, as explain's heading does (ICMP 类型 8), never 'type N'", () => {
    const dir = new URL('../../signatures/', import.meta.url);
    const zh: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k === 'zh' && typeof x === 'string') zh.push(x); else walk(x);
    };
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) walk(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
    expect(zh.length).toBeGreaterThan(500);
    expect(zh.filter((t) => /\btypes? \d/i.test(t))).toEqual([]);
    expect(zh.filter((t) => t.includes('ICMP 回显应答（类型 0）'))).toHaveLength(1);
  });

  it('the shipped file loads, and every id is documented in docs/annotations.md', () => {
    const set = loadAnnotationRules();
    expect(set.rules.length).toBeGreaterThan(30);
    const doc = readFileSync(new URL('../../docs/annotations.md', import.meta.url), 'utf8');
    for (const id of new Set(set.rules.map((r) => r.id))) expect(doc, id).toContain(`\`${id}\``);
    expect(DEFAULT_ANNOTATIONS_FILE).toMatch(/signatures[/\\]annotations\.json$/);
  });
  it("README's list of annotation ids (\"The ids are …\") names every id of the shipped file, and no other", () => {
    const ids = [...new Set(loadAnnotationRules().rules.map((r) => r.id))].sort();
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const list = /The ids are ([\s\S]*?)\. The full table/.exec(readme);
    expect(list, 'the list in README.md').not.toBeNull();
    const listed = [...new Set([...list![1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!))].sort();
    expect(listed).toEqual(ids);
  });
  it("the ack-scan reading's thresholds in the file are the ack-scan finding's (stealth.minPortsFinAck, horizontalSweep.minHosts)", () => {
    const rule = loadAnnotationRules().rules.find((r) => r.detector === 'ack-spread')!;
    expect([rule.params.minPorts, rule.params.minHosts]).toEqual([DEFAULT_THRESHOLDS.stealth.minPortsFinAck, DEFAULT_THRESHOLDS.horizontalSweep.minHosts]);
  });
  it('rules of one id with several texts say, each, the situation its text is for; rules sharing a text share it', () => {
    const a = { ...ok, when: { en: 'UDP 9', zh: 'UDP 9 端口' } };
    const b = { ...ok, dstPort: [13], text: { en: 'Another.', zh: '另一个。' }, when: { en: 'UDP 13', zh: 'UDP 13 端口' } };
    const set = parseAnnotationRules(file([a, b, { ...b, dstPort: [14] }]), 'a.json');
    expect(set.rules.map((r) => r.when?.en ?? null)).toEqual(['UDP 9', 'UDP 13', 'UDP 13']);
    expect(parseAnnotationRules(file([ok]), 'a.json').rules[0]!.when).toBeNull();
  });
  it('accepts a minimal valid rule, normalising single ports to ranges', () => {
    const set = parseAnnotationRules(file([ok]), 'a.json');
    expect(set.rules[0]!.dstPort).toEqual([[9, 9], [10, 12]]);
    expect(set.rules[0]!.kind).toBe('match');
    expect(set.rules[0]!.saidByPortName).toBe(false);
    expect(parseAnnotationRules(file([{ ...ok, saidByPortName: true }]), 'a.json').rules[0]!.saidByPortName).toBe(true);
  });
  it.each([
    ['schemaVersion', { schemaVersion: 2, rules: [ok] }, /schemaVersion must be 1/],
    ['empty rules', file([]), /non-empty array/],
    ['bad id', file([{ ...ok, id: 'Not_Kebab' }]), /kebab-case/],
    ['unknown field (typo)', file([{ ...ok, dstport: [1] }]), /x-rule.*unknown field "dstport"/],
    ['severity', file([{ ...ok, severity: 6 }]), /severity/],
    ['port range', file([{ ...ok, dstPort: [[20, 10]] }]), /ordered \[from, to\]/],
    ['port value', file([{ ...ok, dstPort: [70000] }]), /0-65535/],
    ['ports on icmp', file([{ ...ok, proto: ['icmp'] }]), /tcp\/udp only/],
    ['zh not Chinese', file([{ ...ok, text: { en: 'a', zh: 'a' } }]), /no Chinese/],
    ['suppressedBy later id', file([{ ...ok, suppressedBy: ['y-rule'] }, { ...ok, id: 'y-rule' }]), /must name a rule that comes earlier/],
    ['unknown detector', file([{ ...ok, kind: 'detector', detector: 'magic' }]), /"detector" must be one of/],
    ['unknown param', file([{ ...ok, kind: 'detector', detector: 'retry', params: { beats: 3 } }]), /params.beats/],
    ['param type', file([{ ...ok, kind: 'detector', detector: 'retry', params: { minAttempts: 'three' } }]), /non-negative number/],
    ['direction', file([{ ...ok, direction: ['inbound'] }]), /direction/],
    ['unknown format', file([{ ...ok, format: ['windows'] }]), /"format": "windows" is not one of windows-firewall, /],
    ['empty ruleIs', file([{ ...ok, ruleIs: [] }]), /"ruleIs" must be a non-empty array of strings/],
    ['fallback outside source-port', file([{ ...ok, fallback: true }]), /source-port only/],
    ['saidByPortName not a boolean', file([{ ...ok, saidByPortName: 'yes' }]), /"saidByPortName" must be a boolean/],
    ['saidByPortName without ports to be named', file([{ ...ok, dstPort: undefined, saidByPortName: true }]), /"saidByPortName" needs "dstPort" \(or kind kb-trojan\)/],
    ['rules of one id, one said by its port\'s name', file([{ ...ok, saidByPortName: true }, { ...ok, dstPort: [13] }]), /rules\[1\] x-rule.*"saidByPortName" must be the same as in the earlier rule of this id \(rules\[0\]\)/],
    ['quotesDestination not a boolean', file([{ ...ok, dstPort: undefined, proto: ['icmp'], icmpType: [3], quotesDestination: 'yes' }]), /"quotesDestination" must be a boolean/],
    ['quotesDestination without icmpType', file([{ ...ok, dstPort: undefined, proto: ['icmp'], quotesDestination: true }]), /"quotesDestination" needs "icmpType"/],
    ['quotedSourceUnknown without icmpType', file([{ ...ok, dstPort: undefined, proto: ['icmp'], quotedSourceUnknown: true }]), /"quotedSourceUnknown" needs "icmpType"/],
    ['quotedSourceUnknown with quotesDestination', file([{ ...ok, dstPort: undefined, proto: ['icmp'], icmpType: [3], quotedSourceUnknown: true, quotesDestination: true }]), /exclude each other/],
    ['inside false (only true: the next rule of the id is for everything else)', file([{ ...ok, inside: false }]), /"inside" must be true/],
    ['inside with dstAddr', file([{ ...ok, inside: true, dstAddr: 'unicast' }]), /"inside" already asks for a unicast destination/],
    ['icmpCodeNot without icmpType', file([{ ...ok, dstPort: undefined, proto: ['icmp'], icmpCodeNot: [0] }]), /"icmpCodeNot" needs "icmpType"/],
    ['icmpCodeNot out of range', file([{ ...ok, dstPort: undefined, proto: ['icmp'], icmpType: [8], icmpCodeNot: [256] }]), /"icmpCodeNot" must be a non-empty array of integers 0-255/],
    ['source-history without history', file([{ ...ok, kind: 'detector', detector: 'source-history', params: { windowMs: 60_000 } }]), /"history" goes with detector source-history/],
    ['a detector without its thresholds (the file is their one source)', file([{ ...ok, kind: 'detector', detector: 'ack-spread', params: { minPorts: 5 } }]), /detector ack-spread needs "params" with "minHosts", "windowMs"/],
    ['a detector without params', file([{ ...ok, kind: 'detector', detector: 'service-spread' }]), /detector service-spread needs "params" with "minPorts", "windowMs", "maxDstPort"/],
    ['history on another rule', file([ok, { ...ok, id: 'y-rule', history: ['x-rule'] }]), /"history" goes with detector source-history/],
    ['history naming a later rule', file([{ ...ok, kind: 'detector', detector: 'source-history', params: { windowMs: 60_000 }, history: ['y-rule'] }, { ...ok, id: 'y-rule' }]), /history "y-rule" must name a rule that comes earlier/],
    ['severityMax on a match rule', file([{ ...ok, severityMax: 3 }]), /"severityMax" applies to kinds kb-port and kb-trojan only/],
    ['severityMax below severity', file([{ ...ok, dstPort: undefined, proto: undefined, kind: 'kb-port', severity: 2, severityMax: 1 }]), /"severityMax" must be an integer from "severity" to 5/],
    ['unknown role', file([{ ...ok, role: 'probe' }]), /"role" must be one of noise, reply/],
    ['reply without label', file([{ ...ok, role: 'reply' }]), /"label" goes with role reply or outbound-blocked or late, which needs it/],
    ['label on a role without one', file([{ ...ok, role: 'noise', label: { en: 'x', zh: 'x' } }]), /"label" goes with role/],
    ['label without zh', file([{ ...ok, role: 'reply', label: { en: 'DNS' } }]), /"label" must be \{"en"/],
    ['rules of one id in two roles', file([{ ...ok, role: 'noise' }, { ...ok, role: 'leftover' }]), /rules\[1\] x-rule.*the same as in the earlier rule of this id \(rules\[0\]\)/],
    ['rules of one id, one without a role', file([{ ...ok, role: 'noise' }, ok]), /"role" and "label" must be the same/],
    // explain lists every text of an id: each needs the situation it is for.
    ['rules of one id with two texts, the second without "when"', file([{ ...ok, when: { en: 'UDP 9', zh: 'UDP 9 端口' } }, { ...ok, text: { en: 'Another.', zh: '另一个。' } }]), /rules\[1\] x-rule.*"when".*several texts/],
    ['rules of one id with two texts, neither with "when"', file([ok, { ...ok, text: { en: 'Another.', zh: '另一个。' } }]), /rules\[0\] x-rule.*"when"/],
    ['rules of one id sharing a text, in two situations', file([{ ...ok, when: { en: 'a', zh: '甲' } }, { ...ok, text: { en: 'Another.', zh: '另一个。' }, when: { en: 'b', zh: '乙' } }, { ...ok, text: { en: 'Another.', zh: '另一个。' }, when: { en: 'c', zh: '丙' } }]), /rules\[2\] x-rule.*the same "when" as rules\[1\]/],
    ['"when" on the only text of an id', file([{ ...ok, when: { en: 'UDP 9', zh: 'UDP 9 端口' } }]), /rules\[0\] x-rule.*"when" tells one text of an id from its others/],
    // The why line and `explain` say an id's name: every rule gives it, the same for the id.
    ['a rule without "name"', file([{ ...ok, name: undefined }]), /rules\[0\] x-rule.*"name" must be \{"en"/],
    ['"name" without Chinese', file([{ ...ok, name: { en: 'example', zh: 'example' } }]), /rules\[0\] x-rule.*"name\.zh" contains no Chinese/],
    ['rules of one id with two names', file([ok, { ...ok, dstPort: [13], name: { en: 'another', zh: '另一个' } }]), /rules\[1\] x-rule.*"name" must be the same as in the earlier rule of this id \(rules\[0\]\)/],
    ['"when" without Chinese', file([{ ...ok, when: { en: 'UDP 9', zh: 'UDP 9' } }, { ...ok, text: { en: 'Another.', zh: '另一个。' }, when: { en: 'UDP 10', zh: 'UDP 10 端口' } }]), /"when\.zh" contains no Chinese/],
  ])('rejects %s', (_name, json, message) => {
    const e = error(json);
    expect(e.message).toMatch(/^annotations\.json/);
    expect(e.message).toMatch(message);
  });
  it('roles come from the file: ids of a role in file order, labels per language, the id where a rule has none', () => {
    const set = parseAnnotationRules(
      file([
        { ...ok, id: 'b-reply', role: 'reply', label: { en: 'NTP', zh: 'NTP' } },
        { ...ok, id: 'a-noise', role: 'noise' },
        { ...ok, id: 'a-reply', role: 'reply', label: { en: 'streaming', zh: '流媒体' } },
        { ...ok, id: 'a-noise', role: 'noise', dstPort: [13] },
      ]),
      'a.json',
    );
    const roles = rolesOf(set);
    expect(roles.ids('reply')).toEqual(['b-reply', 'a-reply']);
    expect(roles.ids('noise')).toEqual(['a-noise']);
    expect(roles.ids('leftover')).toEqual([]);
    expect([...roles.idSet('noise', 'reply')].sort()).toEqual(['a-noise', 'a-reply', 'b-reply']);
    expect(roles.roleOf('a-reply')).toBe('reply');
    expect(roles.roleOf('x-rule')).toBeUndefined();
    expect(roles.label('a-reply', 'zh')).toBe('流媒体');
    expect(roles.label('a-noise', 'en')).toBe('a-noise');
    expect(roles.name('a-noise', 'zh')).toBe('例子');
    expect(roles.name('no-rule', 'en')).toBeNull();
  });
  it('every shipped id has a name in both languages, none the id itself', () => {
    const roles = annotationRoles();
    for (const id of new Set(loadAnnotationRules().rules.map((r) => r.id))) {
      for (const lang of ['en', 'zh'] as const) expect(roles.name(id, lang), `${id} ${lang}`).not.toMatch(new RegExp(`^(${id})?$`));
    }
    expect(roles.name('proxy-hunt', 'en')).toBe('open-proxy hunt');
  });
  it('the shipped roles: each finding that counts annotations has some, and every labelled one reads in both languages', () => {
    const roles = annotationRoles();
    for (const role of ANNOTATION_ROLES) {
      expect(roles.ids(role).length, role).toBeGreaterThan(0);
    }
    expect(roles.roleOf('srcport-dns')).toBe('reply');
    expect(roles.roleOf('port-known')).toBe('context');
    expect(roles.label('srcport-ftp-data', 'zh')).toBe('FTP 数据');
    expect(roles.label('smtp-outbound', 'en')).toBe('direct mail (25/tcp)');
  });
  it("a blocked probe of a trojan's port is severity 3; allowed, or sent from this side, the port's own 4", () => {
    const sev = (init: Parameters<typeof annotateOne>[0], id: string) => annotateOne(init).annotations.find((a) => a.id === id)?.severity;
    const netbus = { dst: { ip: '198.51.100.10', port: 12345 } };
    expect(knowledge().lookup('tcp', 12345)[0]?.severity).toBe(4);
    expect(sev({ ...netbus, action: 'drop' }, 'trojan')).toBe(3);
    expect(sev({ ...netbus, action: 'reject' }, 'trojan')).toBe(3);
    expect(sev({ ...netbus, action: 'allow' }, 'trojan')).toBe(4);
    expect(sev({ ...netbus, action: 'drop', direction: 'out', src: { ip: '192.168.1.5' }, dst: { ip: '203.0.113.9', port: 12345 } }, 'trojan-outbound')).toBe(4);
    // Each blocked twin (severityMax, drop or reject) reads the same ports as the rule for a
    // record without a verdict (action other) of its categories: only the severity and the
    // words differ, since a LOG rule's line does not say the packet was blocked.
    const trojanRules = loadAnnotationRules().rules.filter((r) => r.id === 'trojan');
    const twins = trojanRules.filter((r) => r.severityMax !== null && !r.inside);
    expect(twins.length).toBe(2);
    for (const t of twins) {
      expect(t.action).toEqual(['drop', 'reject']);
      const twin = trojanRules.find((r) => r.action?.join() === 'other' && r.categories?.join() === t.categories?.join())!;
      expect({ alsoText: t.alsoText, categories: t.categories, suppressedBy: t.suppressedBy }).toEqual({ alsoText: twin.alsoText, categories: twin.categories, suppressedBy: twin.suppressedBy });
      expect(twin.text.en).not.toBe(t.text.en);
    }
    expect(trojanRules.every((r) => r.action !== null)).toBe(true);
    const text = (e: Parameters<typeof annotateOne>[0]) => annotateOne(e).annotations.find((a) => a.id === 'trojan')?.text;
    expect(sev({ ...netbus, action: 'other' }, 'trojan')).toBe(4);
    expect(text({ ...netbus, action: 'drop' })).toMatch(/a blocked probe is not a sign/);
    expect(text({ ...netbus, action: 'other' })).toMatch(/A logging rule of the firewall recorded this packet; whether it was then let through is not in the line/);
    // Let in, it is no blocked probe: a text of its own (test/annotate/allowed-trojan.test.ts).
    expect(text({ ...netbus, action: 'allow' })).not.toBe(text({ ...netbus, action: 'drop' }));
  });
  it('a rule set given in options replaces the shipped one', () => {
    const rules = parseAnnotationRules(file([ok]), 'a.json');
    const a = createAnnotator(knowledge(), { lang: 'en', rules });
    const e = makeEvent({ proto: 'udp', dst: { port: 11 } });
    a.annotate(e);
    expect(ids(e)).toEqual(['x-rule']);
  });
  it('a source-port meaning the knowledge base has but the rules lack is still emitted, with its kb text', () => {
    const real = knowledge();
    const extra = { ...real.sourceEntries[0]!, id: 'srcport-x', from: 31000, to: 31000, protocols: ['udp'] as const, annotation: 'srcport-x', text: { en: 'kb says x', zh: '知识库' } };
    const kb: KnowledgeBase = {
      ...real,
      lookup: real.lookup.bind(real),
      lookupSource: (p, port) => (p === 'udp' && port === 31000 ? [extra] : real.lookupSource(p, port)),
      sourceEntries: [...real.sourceEntries, extra],
    };
    const e = makeEvent({ proto: 'udp', src: { port: 31000 }, dst: { port: 40000 } });
    createAnnotator(kb, { lang: 'en' }).annotate(e);
    expect(e.annotations.find((a) => a.id === 'srcport-x')?.text).toBe('kb says x');
  });
});

describe('address classification', () => {
  it.each([
    ['255.255.255.255', 1],
    ['10.0.0.255', 2],
    ['10.0.0.0', 2],
    ['10.0.0.25', 8],
    ['10.0.0.250', 8],
    ['224.0.0.1', 4],
    ['239.255.255.250', 4],
    ['240.0.0.1', 8],
    ['ff02::1', 4],
    ['FF05::2', 4],
    ['ff::1', 8],
    ['fe80::1', 8],
    ['::ffff:192.168.1.255', 2],
    [null, 0],
  ] as const)('%s -> %i', (ip, cls) => expect(classifyAddress(ip)).toBe(cls));
});

describe('Lru', () => {
  it('evicts the least recently used and counts it', () => {
    const l = new Lru<string, number>(2);
    l.set('a', 1);
    l.set('b', 2);
    l.get('a');
    expect(l.set('c', 3)).toBe(2);
    expect([...l.entries()].map(([k]) => k)).toEqual(['a', 'c']);
    expect(l.evicted).toBe(1);
  });
  it('sweeps expired entries from the old end', () => {
    const l = new Lru<string, number>(10);
    for (const [k, v] of [['a', 1], ['b', 2], ['c', 9]] as const) l.set(k, v);
    const removed: string[] = [];
    expect(l.sweep((v) => v < 5, (_v, k) => removed.push(k))).toBe(2);
    expect(removed).toEqual(['a', 'b']);
    expect(l.size).toBe(1);
  });
});

describe('Lru recency with slack', () => {
  it('keeps an entry read d operations after its insert for capacity - capacity/4 more operations, for every d (the worst case)', () => {
    for (let cap = 1; cap <= 40; cap++) {
      for (let d = 1; d <= cap; d++) {
        const l = new Lru<string, number>(cap);
        let op = 0;
        l.set('A', ++op);
        for (let i = 1; i < d; i++) l.set(`x${i}`, ++op);
        l.get('A');
        const readAt = ++op;
        let n = 0;
        while (l.has('A')) l.set(`y${n++}`, ++op);
        expect(op - readAt, `cap ${cap}, read after ${d}`).toBeGreaterThanOrEqual(cap - Math.floor(cap / 4));
      }
    }
  });

  it('never evicts an entry used within the last capacity - capacity/4 operations, and never holds more than its capacity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 60 })), { maxLength: 600 }),
        (cap, ops) => {
          const l = new Lru<string, number>(cap);
          const lastUse = new Map<string, number>();
          let clock = 0;
          for (const [isGet, k] of ops) {
            const key = `k${k % (cap + 3)}`;
            if (isGet) {
              if (l.get(key) === undefined) continue;
              lastUse.set(key, ++clock);
              continue;
            }
            const before = new Set([...l.entries()].map(([x]) => x));
            lastUse.set(key, ++clock);
            const out = l.set(key, clock);
            expect(l.size).toBeLessThanOrEqual(cap);
            if (out !== undefined) {
              const after = new Set([...l.entries()].map(([x]) => x));
              const gone = [...before].filter((x) => !after.has(x));
              expect(gone).toHaveLength(1);
              expect(clock - lastUse.get(gone[0])!).toBeGreaterThanOrEqual(cap - Math.floor(cap / 4));
            }
          }
        },
      ),
    );
  });
});
