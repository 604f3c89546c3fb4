// A GeoIP directory for tests, written by the in-repo MMDB writer (never downloaded):
// a Country database and an ASN database covering the documentation ranges the
// samples and tests use.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asnRecord, buildMmdb, countryRecord } from './mmdb-writer.js';
import { tempDir } from './cli.js';

export function makeGeoDir(): string {
  const dir = join(tempDir(), 'geoip');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'GeoLite2-Country.mmdb'),
    buildMmdb(
      [
        { network: '198.51.100.0/24', data: countryRecord('NL', 'Netherlands', '荷兰') },
        { network: '203.0.113.0/25', data: countryRecord('CN', 'China', '中国') },
        { network: '192.0.2.0/24', data: countryRecord('US', 'United States', '美国') },
        { network: '2001:db8::/32', data: countryRecord('JP', 'Japan', '日本') },
      ],
      { databaseType: 'GeoLite2-Country', languages: ['en', 'zh-CN'] },
    ),
  );
  writeFileSync(
    join(dir, 'GeoLite2-ASN.mmdb'),
    buildMmdb(
      [
        { network: '198.51.100.0/24', data: asnRecord(64500, 'Example Hosting B.V.') },
        { network: '203.0.113.0/24', data: asnRecord(64501, '=HYPERLINK("http://evil.example")\u001b[31m') },
        { network: '2001:db8::/32', data: asnRecord(64502, 'Doc Net') },
      ],
      { databaseType: 'GeoLite2-ASN' },
    ),
  );
  return dir;
}
