// Applies the opt-in enrichments to a finished report document: GeoIP/AS and the OS
// hint per shown source, PTR names for the shown sources, and the top countries and
// networks over every tracked source. Runs once after reading (per distinct source,
// never per event), so the default path does not pay for any of it.
import type { ReportDoc } from '../aggregate/report.js';
import type { ProfileTable } from '../aggregate/profile.js';
import type { Lang } from '../knowledge/types.js';
import type { GeoIp } from './geoip.js';
import { osHint, type OsHintRules } from './os-hint.js';
import { resolvePtrs, type ResolveOptions } from './rdns.js';
import type { CountryCount, NetworkCount } from './types.js';

export interface ReportEnrichment {
  geoip: GeoIp | null;
  osHints: OsHintRules | null;
  resolve: ResolveOptions | null;
  lang: Lang;
  /** Rows in the top-countries / top-networks lists. */
  topOrigins?: number;
}

export function hasEnrichment(x: Pick<ReportEnrichment, 'geoip' | 'osHints' | 'resolve'>): boolean {
  return x.geoip !== null || x.osHints !== null || x.resolve !== null;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function enrichReport(doc: ReportDoc, profiles: ProfileTable, x: ReportEnrichment): Promise<void> {
  const geo = x.geoip;
  const hints = x.osHints;
  if (hints !== null) doc.osHintsWithoutTtl = 0;
  for (const row of doc.sources) {
    if (geo !== null) {
      const g = geo.lookup(row.ip);
      row.geo = g.geo;
      row.as = g.as;
    }
    if (hints !== null) {
      const p = profiles.get(row.ip);
      row.osHint = p && p.firstTtl >= 0 ? osHint(hints, p.firstTtl, p.firstWindow >= 0 ? p.firstWindow : null, x.lang) : null;
      // Counted, so the report can say once why the hints are missing rather than leave them blank.
      if (!p || p.firstTtl < 0) doc.osHintsWithoutTtl!++;
    }
  }
  if (geo !== null) {
    const countries = new Map<string, CountryCount>();
    const networks = new Map<number, NetworkCount>();
    for (const p of profiles.values()) {
      const g = geo.lookup(p.ip);
      if (g.geo?.country) {
        let c = countries.get(g.geo.country);
        if (!c) countries.set(g.geo.country, (c = { country: g.geo.country, countryName: g.geo.countryName, sources: 0, packets: 0, connections: 0 }));
        c.sources++;
        c.packets += p.packets;
        c.connections += p.connections;
      }
      if (g.as) {
        let n = networks.get(g.as.number);
        if (!n) networks.set(g.as.number, (n = { number: g.as.number, organization: g.as.organization, sources: 0, packets: 0, connections: 0 }));
        n.sources++;
        n.packets += p.packets;
        n.connections += p.connections;
      }
    }
    const top = x.topOrigins ?? 10;
    doc.topCountries = [...countries.values()].sort((a, b) => b.packets - a.packets || b.sources - a.sources || cmp(a.country ?? '', b.country ?? '')).slice(0, top);
    doc.topNetworks = [...networks.values()].sort((a, b) => b.packets - a.packets || b.sources - a.sources || a.number - b.number).slice(0, top);
    doc.geoip = geo.databases.map((d) => ({ type: d.type, built: d.built }));
  }
  if (x.resolve !== null && doc.sources.length > 0) {
    const names = await resolvePtrs(
      doc.sources.map((r) => r.ip),
      x.resolve,
    );
    for (const row of doc.sources) row.ptr = names.get(row.ip) ?? null;
  }
}
