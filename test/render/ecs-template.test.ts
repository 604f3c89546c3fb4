// integrations/elasticsearch-template.json maps every field `logscan events --ecs` writes,
// with a type the value fits, and nothing logscan never writes: with "dynamic": false an
// unmapped field would be stored but never searchable, and a wrong type fails the bulk item.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAnalysis } from '../../src/cli/analysis.js';
import { eventToEcs } from '../../src/render/event-json.js';
import { enrichEventEcs } from '../../src/enrich/event-enrich.js';
import type { GeoIp } from '../../src/enrich/geoip.js';
import { fits, leaves, mappedLeaves, template } from '../helpers/ecs-template.js';
import { makeEvent } from '../helpers/events.js';
import { fixtureEvents } from '../helpers/parse.js';

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

  // logs-logscan-* overlaps Elasticsearch's built-in logs-*-* (priority 100) and any catch-all
  // logs-* template a user made as Elastic's docs advise (above 500; their examples use 500
  // and 501). Only the highest-priority match applies, and two overlapping templates of one
  // priority are refused at PUT, so logscan's must be above those and equal to neither.
  it("outranks the built-in logs-*-* template and a user's own logs-* one as Elastic advises, without tying either", () => {
    expect(template.priority).toBeGreaterThan(501);
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(/logscan's template has priority (\d+)/.exec(readme)?.[1], 'README states the priority the template has').toBe(String(template.priority));
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
