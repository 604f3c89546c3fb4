// What `logscan events` writes for real firewall logs (every file of the shared corpus and
// samples/, every format) against what README documents: the "Event schema" table for
// logscan's own schema, and the ECS field table of "Shipping events to Elasticsearch /
// OpenSearch" together with integrations/elasticsearch-template.json for `--ecs`. A field
// emitted but not documented, documented but never emitted, or with another type than
// documented is what breaks a user's dashboards or bulk loads, so each is a failure here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ndjson, repoRoot, runCli } from '../helpers/cli.js';
import { fits, leaves, mappedLeaves, template } from '../helpers/ecs-template.js';

const corpusRoot = new URL('../../../shared/corpus/', import.meta.url).pathname;
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n');

/** Every log of the corpus (each format's folder) and of samples/. */
function inputs(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(corpusRoot, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(join(corpusRoot, dir.name)).sort()) out.push(join(corpusRoot, dir.name, f));
  }
  for (const f of readdirSync(join(repoRoot, 'samples')).filter((n) => n.endsWith('.log')).sort()) out.push(join(repoRoot, 'samples', f));
  return out;
}

function events(ecs: boolean): Record<string, unknown>[] {
  const r = runCli(['events', ...(ecs ? ['--ecs'] : []), ...inputs()], { env: { TZ: 'Asia/Shanghai' } });
  expect(r.code).toBe(0);
  return ndjson(r.stdout);
}

/** The cells of a Markdown table row (a `\|` inside a cell is text, not a border). */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** The rows of the README table whose header row is `header`. */
function table(header: string): string[][] {
  const from = readme.indexOf(header);
  expect(from, `README has a table headed ${header}`).toBeGreaterThan(0);
  const rows: string[][] = [];
  for (let i = from + 2; i < readme.length && readme[i]!.startsWith('|'); i++) rows.push(cells(readme[i]!));
  return rows;
}

/** The backticked names of a table's first cell: "`inIface`, `outIface`" names two. */
function names(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

function jsType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/**
 * What README's type column allows: JSON types, the literal values when it lists only
 * literals (`drop` | `reject` …), and the keys of an object it spells `{ a, b }`.
 */
interface Documented {
  types: Set<string>;
  values: Set<string | number> | null;
  keys: string[] | null;
}

function documented(type: string): Documented {
  const types = new Set<string>();
  const shape = /\{([^}]*)\}/.exec(type);
  if (/\[\]/.test(type)) types.add('array');
  else if (shape) types.add('object');
  else {
    if (/string/.test(type) || /^`/.test(type)) types.add('string');
    if (/number|^\d/.test(type)) types.add('number');
    if (/boolean/.test(type)) types.add('boolean');
  }
  if (/\bnull\b/.test(type)) types.add('null');
  const alternatives = type.split('|').map((a) => a.trim()).filter((a) => a !== 'null');
  let values: Set<string | number> | null = null;
  if (shape || /\[\]/.test(type)) values = null;
  else if (alternatives.every((a) => /^`[^`]+`$/.test(a))) values = new Set(alternatives.map((a) => a.slice(1, -1)));
  else if (alternatives.every((a) => /^\d+$/.test(a))) values = new Set(alternatives.map(Number));
  const keys = shape ? shape[1]!.split(',').map((k) => k.trim()) : null;
  return { types, values, keys };
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("logscan's own schema (README, Event schema) holds for every corpus file and sample", () => {
  const rows = table('| field | type | meaning |');
  const schema = new Map<string, Documented>();
  for (const [field, type] of rows) for (const name of names(field!)) schema.set(name, documented(type!));
  const docs = events(false);

  it('reads every format of the corpus', () => {
    expect(new Set(docs.map((d) => d.format))).toEqual(
      new Set(['cisco-asa', 'iptables', 'journald-export', 'mikrotik', 'pfsense-filterlog', 'windows-firewall']),
    );
  });

  it('every event has exactly the documented fields, each of a documented type and value', () => {
    const wrong = new Set<string>();
    for (const d of docs) {
      const keys = Object.keys(d);
      for (const k of keys) if (!schema.has(k)) wrong.add(`${k}: not documented`);
      for (const k of schema.keys()) if (!keys.includes(k)) wrong.add(`${k}: missing`);
      for (const [k, doc] of schema) {
        const v = d[k];
        if (v === undefined) continue;
        if (!doc.types.has(jsType(v))) wrong.add(`${k}: ${jsType(v)} is not ${[...doc.types].join('|')}`);
        if (doc.values && v !== null && !doc.values.has(v as string | number)) wrong.add(`${k}: ${JSON.stringify(v)} is no documented value`);
        const elements = Array.isArray(v) ? v : [v];
        for (const el of elements) {
          if (doc.keys && el !== null && typeof el === 'object') {
            const extra = Object.keys(el).filter((x) => !doc.keys!.includes(x));
            const missing = doc.keys.filter((x) => !(x in el));
            if (extra.length + missing.length > 0) wrong.add(`${k}: keys ${Object.keys(el).join(',')}, documented ${doc.keys.join(',')}`);
          }
        }
      }
    }
    expect([...wrong]).toEqual([]);
  });

  it('the nested values are as the table words them', () => {
    const wrong = new Set<string>();
    const endpoint = (where: string, e: { ip: unknown; port: unknown }): void => {
      if (e.ip !== null && typeof e.ip !== 'string') wrong.add(`${where}.ip: ${JSON.stringify(e.ip)}`);
      if (e.port !== null && !(Number.isInteger(e.port) && (e.port as number) >= 0 && (e.port as number) <= 65535)) wrong.add(`${where}.port: ${JSON.stringify(e.port)}`);
    };
    for (const d of docs) {
      if (d.time !== null && !ISO_UTC.test(d.time as string)) wrong.add(`time: ${JSON.stringify(d.time)}`);
      endpoint('src', d.src as { ip: unknown; port: unknown });
      endpoint('dst', d.dst as { ip: unknown; port: unknown });
      for (const f of (d.tcpFlags as unknown[] | null) ?? []) if (!['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR'].includes(f as string)) wrong.add(`tcpFlags: ${JSON.stringify(f)}`);
      const icmp = d.icmp as { type: unknown; code: unknown; embedded: { src: { ip: unknown; port: unknown }; dst: { ip: unknown; port: unknown }; proto: unknown } | null } | null;
      if (icmp) {
        for (const [k, v] of [['type', icmp.type], ['code', icmp.code]] as const) if (v !== null && !Number.isInteger(v)) wrong.add(`icmp.${k}: ${JSON.stringify(v)}`);
        if (icmp.embedded) {
          endpoint('icmp.embedded.src', icmp.embedded.src);
          endpoint('icmp.embedded.dst', icmp.embedded.dst);
          if (icmp.embedded.proto !== null && typeof icmp.embedded.proto !== 'string') wrong.add(`icmp.embedded.proto: ${JSON.stringify(icmp.embedded.proto)}`);
        }
      }
      if (!(Number.isInteger(d.count) && (d.count as number) >= 1)) wrong.add(`count: ${JSON.stringify(d.count)}`);
      const origin = d.origin as { file: unknown; line: unknown };
      if (typeof origin.file !== 'string' || !Number.isInteger(origin.line)) wrong.add(`origin: ${JSON.stringify(origin)}`);
      for (const a of d.annotations as { id: unknown; severity: unknown; text: unknown; ref: unknown }[]) {
        if (typeof a.id !== 'string' || typeof a.text !== 'string' || typeof a.ref !== 'string' || !(Number.isInteger(a.severity) && (a.severity as number) <= 5)) wrong.add(`annotation: ${JSON.stringify(a)}`);
      }
    }
    expect([...wrong]).toEqual([]);
  });
});

describe('`events --ecs` (README, Shipping events to Elasticsearch / OpenSearch) holds for every corpus file and sample', () => {
  // Read in each test: a missing table fails the tests that need it, not the whole file.
  const readmeFields = (): Map<string, string> => {
    const out = new Map<string, string>();
    for (const [field, type] of table('| ECS field | mapped as | present |')) for (const name of names(field!)) out.set(name, type!.replace(/`/g, ''));
    return out;
  };
  const mapped = mappedLeaves(template.template.mappings);
  const docs = events(true);

  it("README's field table is the template's mapping, field for field and type for type", () => {
    const readmeTypes = readmeFields();
    expect(Object.fromEntries([...readmeTypes].sort())).toEqual(Object.fromEntries([...mapped].sort()));
  });

  it('every field written is in the table and mapped with a type its value fits', () => {
    const readmeTypes = readmeFields();
    const wrong = new Set<string>();
    for (const d of docs) {
      for (const [path, v] of leaves(d)) {
        const type = mapped.get(path);
        if (!readmeTypes.has(path)) wrong.add(`${path}: not in README's table`);
        if (type === undefined) wrong.add(`${path}: not mapped`);
        else if (!fits(type, v)) wrong.add(`${path}: ${JSON.stringify(v)} is no ${type}`);
      }
    }
    expect([...wrong]).toEqual([]);
  });

  // As Elastic's iptables integration does: one `related.ip` search finds an address as source or destination.
  it('related.ip holds the valid source and destination addresses, each once, and is absent without one', () => {
    const wrong: string[] = [];
    let both = 0;
    for (const d of docs) {
      const ips = [(d.source as { ip?: string } | undefined)?.ip, (d.destination as { ip?: string } | undefined)?.ip].filter((ip): ip is string => ip !== undefined);
      const related = (d.related as { ip?: unknown } | undefined)?.ip;
      const expected = ips.length === 0 ? undefined : [...new Set(ips)];
      if (JSON.stringify(related) !== JSON.stringify(expected)) wrong.push(`${JSON.stringify(related)} for ${JSON.stringify(ips)}`);
      if (ips.length === 2) both++;
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(both).toBeGreaterThan(1000);
  });

  it('every field of the table is written by some real log (GeoIP fields only with --geoip)', () => {
    const readmeTypes = readmeFields();
    const written = new Set(docs.flatMap((d) => leaves(d).map(([p]) => p)));
    const geoip = /^source\.(geo|as)\./;
    expect([...readmeTypes.keys()].filter((p) => !written.has(p) && !geoip.test(p))).toEqual([]);
  });
});
