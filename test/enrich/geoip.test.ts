import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { openGeoIp } from '../../src/enrich/geoip.js';
import { UsageError } from '../../src/errors.js';
import { makeGeoDir } from '../helpers/geo-fixture.js';
import { tempDir } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = makeGeoDir();
});

describe('GeoIP from an in-repo MMDB fixture', () => {
  test('country and AS of IPv4 and IPv6 sources', async () => {
    const g = await openGeoIp(dir, 'en');
    expect(g.lookup('198.51.100.77')).toEqual({ geo: { country: 'NL', countryName: 'Netherlands' }, as: { number: 64500, organization: 'Example Hosting B.V.' } });
    expect(g.lookup('2001:db8::5')).toEqual({ geo: { country: 'JP', countryName: 'Japan' }, as: { number: 64502, organization: 'Doc Net' } });
    // In the ASN database's /24 but outside the Country database's /25.
    expect(g.lookup('203.0.113.200')).toEqual({ geo: null, as: { number: 64501, organization: expect.any(String) } });
    expect(g.databases.map((d) => d.type)).toEqual(['GeoLite2-ASN', 'GeoLite2-Country']);
  });

  test('unknown, null and corrupted addresses give nothing, never throw', async () => {
    const g = await openGeoIp(dir, 'en');
    expect(g.lookup('10.0.0.1')).toEqual({ geo: null, as: null });
    expect(g.lookup(null)).toEqual({ geo: null, as: null });
    expect(g.lookup('999.1.2.3')).toEqual({ geo: null, as: null });
    expect(g.lookup('not an ip')).toEqual({ geo: null, as: null });
  });

  test('country names follow --lang when the database has them', async () => {
    const g = await openGeoIp(dir, 'zh');
    expect(g.lookup('203.0.113.9').geo).toEqual({ country: 'CN', countryName: '中国' });
  });

  test('lookups are cached per address (same object back)', async () => {
    const g = await openGeoIp(dir, 'en');
    expect(g.lookup('198.51.100.1')).toBe(g.lookup('198.51.100.1'));
  });

  test('a missing directory, an empty one and a corrupt file are usage errors', async () => {
    await expect(openGeoIp(join(dir, 'nope'), 'en')).rejects.toThrow(UsageError);
    const empty = tempDir();
    await expect(openGeoIp(empty, 'en')).rejects.toThrow(/no \.mmdb files/);
    const bad = join(tempDir(), 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'GeoLite2-Country.mmdb'), 'not a database');
    await expect(openGeoIp(bad, 'en')).rejects.toThrow(/not a readable MaxMind database/);
  });
});
