// --geoip DIR: country and AS of source addresses from MaxMind-format databases the
// user downloaded (GeoLite2-Country / -City / -ASN .mmdb). Read with the `maxmind`
// package (its reader is mmdb-lib, MaxMind's format maintained by the community).
//
// Lookups are cached per address string: the report asks once per distinct source,
// `events --geoip` once per event but almost always hits the cache.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
// Types only: the package itself is loaded when --geoip is given (it costs ~20 ms to load).
import type { AsnResponse, CountryResponse, Reader } from 'maxmind';
import { dirProblem } from '../input/open.js';
import type { Lang } from '../knowledge/types.js';
import type { AsInfo, GeoInfo } from './types.js';
import { usageError } from '../i18n/messages.js';

export interface GeoResult {
  geo: GeoInfo | null;
  as: AsInfo | null;
}

export interface GeoDatabaseInfo {
  file: string;
  type: string;
  /** ISO date the database was built (stale databases misplace addresses). */
  built: string;
}

const CACHE_MAX = 65_536;
const NONE: GeoResult = Object.freeze({ geo: null, as: null });

/** MaxMind language keys for --lang. */
const LANG_KEY: Record<Lang, string> = { en: 'en', zh: 'zh-CN' };

export class GeoIp {
  private readonly cache = new Map<string, GeoResult>();

  constructor(
    private readonly country: Reader<CountryResponse> | null,
    private readonly asn: Reader<AsnResponse> | null,
    private readonly lang: Lang,
    readonly databases: readonly GeoDatabaseInfo[],
  ) {}

  lookup(ip: string | null): GeoResult {
    if (ip === null || ip === '') return NONE;
    const hit = this.cache.get(ip);
    if (hit !== undefined) return hit;
    const r = this.resolve(ip);
    // Bounded like the other per-address caches: a huge distinct-source run must not grow it forever.
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(ip, r);
    return r;
  }

  private resolve(ip: string): GeoResult {
    let geo: GeoInfo | null = null;
    let as: AsInfo | null = null;
    try {
      const c = this.country?.get(ip);
      const rec = c?.country ?? c?.registered_country;
      if (rec) {
        const names = rec.names as unknown as Record<string, string | undefined> | undefined;
        geo = { country: rec.iso_code ?? null, countryName: names?.[LANG_KEY[this.lang]] ?? names?.en ?? null };
      }
      const a = this.asn?.get(ip);
      if (a && typeof a.autonomous_system_number === 'number') as = { number: a.autonomous_system_number, organization: a.autonomous_system_organization ?? null };
    } catch {
      // Not an address the reader accepts (a corrupted, address-shaped log field): no data.
      return NONE;
    }
    return geo === null && as === null ? NONE : { geo, as };
  }
}

/**
 * Opens the databases in DIR: every *.mmdb, classified by the type in its metadata
 * (…ASN → AS numbers; …Country / …City → countries; City preferred only when no
 * Country file is there, it is far bigger to load). Problems are usage errors (exit 2).
 */
export async function openGeoIp(dir: string, lang: Lang): Promise<GeoIp> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.mmdb')).sort();
  } catch (err) {
    throw usageError((u) => u.geoipDir(dir, dirProblem(err)));
  }
  if (names.length === 0) throw usageError((u) => u.geoipNoFiles(dir));
  // Required, not imported: the program's bundle is a script (cli/entry.cts), with no import() of its own.
  const { Reader: MmdbReader } = createRequire(import.meta.url)('maxmind') as typeof import('maxmind');
  let country: Reader<CountryResponse> | null = null;
  let city: Reader<CountryResponse> | null = null;
  let asn: Reader<AsnResponse> | null = null;
  const used: GeoDatabaseInfo[] = [];
  const pending: { reader: Reader<CountryResponse>; info: GeoDatabaseInfo }[] = [];
  for (const name of names) {
    const file = join(dir, name);
    let reader: Reader<CountryResponse & AsnResponse>;
    try {
      reader = new MmdbReader(readFileSync(file));
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw usageError((u) => u.geoipUnreadable(file, why));
    }
    const type = reader.metadata.databaseType;
    const info = { file, type, built: reader.metadata.buildEpoch.toISOString().slice(0, 10) };
    if (/asn/i.test(type)) {
      if (asn === null) {
        asn = reader;
        used.push(info);
      }
    } else if (/country/i.test(type)) {
      if (country === null) {
        country = reader;
        pending.unshift({ reader, info });
      }
    } else if (/city/i.test(type)) {
      if (city === null) {
        city = reader;
        pending.push({ reader, info });
      }
    }
  }
  const chosen = pending[0] ?? null;
  if (chosen) used.push(chosen.info);
  if (chosen === null && asn === null) {
    throw usageError((u) => u.geoipNoDatabase(dir, names));
  }
  return new GeoIp(chosen?.reader ?? null, asn, lang, used.sort((a, b) => (a.file < b.file ? -1 : 1)));
}
