// `logscan events --geoip`: country and AS of each event's source in the NDJSON, without
// touching the FirewallEvent contract or the hand-written serializer every other run
// uses. The enrichment is applied to the serialized line (the renderer's output):
//
//   logscan schema: "src":{"ip":…,"port":…,"geo":{…},"as":{…}}   (geo/as only when known)
//   ECS:            "source":{"geo":{"country_iso_code":…,"country_name":…},"as":{"number":…,"organization":{"name":…}},…}
//
// Splicing is safe because inside a JSON string every `"` is escaped: the unescaped
// `,"src":{"ip":` and `},"dst":` (or `"source":{`) can only be the keys themselves.
import type { FirewallEvent } from '../event.js';
import type { GeoIp, GeoResult } from './geoip.js';
import { jsonText } from '../render/sanitize.js';

const SRC_END = '},"dst":';
const ECS_SOURCE = '"source":{';

// The JSON for one lookup result is built once per result object (results are cached per address).
const logscanJson = new WeakMap<GeoResult, string>();
const ecsJson = new WeakMap<GeoResult, string>();

function logscanPart(g: GeoResult): string {
  let s = logscanJson.get(g);
  if (s === undefined) {
    s = (g.geo ? `,"geo":${jsonText(g.geo)}` : '') + (g.as ? `,"as":${jsonText(g.as)}` : '');
    logscanJson.set(g, s);
  }
  return s;
}

function ecsPart(g: GeoResult): string {
  let s = ecsJson.get(g);
  if (s === undefined) {
    const parts: string[] = [];
    if (g.geo) {
      const geo: Record<string, string> = {};
      if (g.geo.country) geo.country_iso_code = g.geo.country;
      if (g.geo.countryName) geo.country_name = g.geo.countryName;
      parts.push(`"geo":${jsonText(geo)}`);
    }
    if (g.as) parts.push(`"as":${jsonText(g.as.organization ? { number: g.as.number, organization: { name: g.as.organization } } : { number: g.as.number })}`);
    s = parts.length > 0 ? parts.join(',') + ',' : '';
    ecsJson.set(g, s);
  }
  return s;
}

/** Adds src.geo / src.as to a line from eventToJson. */
export function enrichEventJson(line: string, e: FirewallEvent, geo: GeoIp): string {
  const part = logscanPart(geo.lookup(e.src.ip));
  if (part === '') return line;
  const at = line.indexOf(SRC_END);
  return at < 0 ? line : line.slice(0, at) + part + line.slice(at);
}

/** Adds source.geo / source.as to a line from eventToEcs. */
export function enrichEventEcs(line: string, e: FirewallEvent, geo: GeoIp): string {
  const part = ecsPart(geo.lookup(e.src.ip));
  if (part === '') return line;
  const at = line.indexOf(ECS_SOURCE);
  if (at < 0) return line;
  const cut = at + ECS_SOURCE.length;
  return line.slice(0, cut) + part + line.slice(cut);
}
