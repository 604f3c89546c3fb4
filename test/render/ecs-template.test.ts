// integrations/elasticsearch-template.json maps every field `logscan events --ecs` writes,
// with a type the value fits, and nothing logscan never writes: with "dynamic": false an
// unmapped field would be stored but never searchable, and a wrong type fails the bulk item.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../src/cli/analysis.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { enrichEventEcs } from '../../src/enrich/event-enrich.js';
import type { GeoIp } from '../../src/enrich/geoip.js';
import { isValidAddress } from '../../src/parsers/address.js';
import { makeEvent } from '../helpers/events.js';
import { fixtureEvents } from '../helpers/parse.js';

interface Mapping {
  type?: string;
  properties?: Record<string, Mapping>;
}

const template = JSON.parse(readFileSync(new URL('../../integrations/elasticsearch-template.json', import.meta.url), 'utf8')) as {
  index_patterns: string[];
  template: { mappings: Mapping & { dynamic: boolean } };
};

/** Every mapped leaf field: path → type. */
function mappedLeaves(m: Mapping, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(m.properties ?? {})) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v.properties) mappedLeaves(v, path, out);
    else out.set(path, v.type!);
  }
  return out;
}

/** Every leaf value of a document: [path, value], array elements under the array's path. */
function leaves(v: unknown, prefix = ''): [string, unknown][] {
  if (Array.isArray(v)) return v.flatMap((x) => leaves(x, prefix));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, prefix ? `${prefix}.${k}` : k));
  return [[prefix, v]];
}

/** Whether Elasticsearch takes the value into a field of this type. */
function fits(type: string, v: unknown): boolean {
  switch (type) {
    case 'keyword':
    case 'text':
      return typeof v === 'string';
    case 'ip':
      return typeof v === 'string' && isValidAddress(v);
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v);
    case 'long':
      return Number.isSafeInteger(v);
    case 'double':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return false;
  }
}

const analysis = buildAnalysis({ inputFormat: null, year: null, tz: null, lang: 'en', signatures: [], homeNet: [] });
const geo = { lookup: () => ({ geo: { country: 'NL', countryName: 'Netherlands' }, as: { number: 64500, organization: 'Example AS' } }) } as unknown as GeoIp;

function documents(): Record<string, unknown>[] {
  const events = fixtureEvents();
  // What the fixtures may lack: an ICMP error quoting a corrupted address, a bare protocol number, a device named by address, an uptime only.
  events.push(
    makeEvent({ proto: 'icmp', icmp: { type: 3, code: 3, embedded: { src: { ip: '198.51.100.10', port: 53 }, dst: { ip: '203.0.113.300', port: 40000 }, proto: 'udp' } } }),
    makeEvent({ proto: '162', host: '10.22.8.216', src: { ip: '203.0.113.9', port: null }, dst: { port: null } }),
    makeEvent({ time: null, uptime: 50028442.088484, yearInferred: true }),
  );
  return events.map((e, i) => {
    analysis.annotate(e);
    const line = eventToEcs(e);
    return JSON.parse(i % 2 === 0 ? enrichEventEcs(line, e, geo) : line) as Record<string, unknown>;
  });
}

describe('the Elasticsearch/OpenSearch index template', () => {
  const mapped = mappedLeaves(template.template.mappings);
  const docs = documents();

  it('is a data-stream template for the logs-logscan-* names README ships to, and maps no field dynamically', () => {
    expect(template.index_patterns).toEqual(['logs-logscan-*']);
    expect(template.template.mappings.dynamic).toBe(false);
    expect(docs.length).toBeGreaterThan(100);
  });

  it('maps every field the ECS documents hold, with a type each value fits', () => {
    const wrong: string[] = [];
    for (const doc of docs) {
      for (const [path, v] of leaves(doc)) {
        const type = mapped.get(path);
        if (type === undefined) wrong.push(`${path}: not mapped`);
        else if (!fits(type, v)) wrong.push(`${path}: ${JSON.stringify(v)} is no ${type}`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('maps nothing logscan never writes', () => {
    const written = new Set(docs.flatMap((d) => leaves(d).map(([p]) => p)));
    expect([...mapped.keys()].filter((p) => !written.has(p))).toEqual([]);
  });
});
