// --resolve against a fake DNS server on 127.0.0.1 (UDP): answers, NXDOMAIN, a server
// that never answers (timeout), the cache, and the concurrency limit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolvePtrs, validateServers } from '../../src/enrich/rdns.js';
import { UsageError } from '../../src/errors.js';
import { startFakeDns, type FakeDns } from '../helpers/fake-dns.js';

let dns: FakeDns;
beforeAll(async () => {
  dns = await startFakeDns(
    { '198.51.100.77': 'scanner.example.net', '2001:db8::5': 'v6.example.org', '192.0.2.1': null, '192.0.2.2': 'two.example' },
    ['192.0.2.99'],
  );
});
afterAll(() => dns.close());

describe('reverse DNS for the shown sources', () => {
  test('PTR names, NXDOMAIN as null, invalid addresses not queried', async () => {
    const names = await resolvePtrs(['198.51.100.77', '2001:db8::5', '192.0.2.1', 'not-an-ip'], { timeoutMs: 1000, servers: [`127.0.0.1:${dns.port}`] });
    expect(Object.fromEntries(names)).toEqual({ '198.51.100.77': 'scanner.example.net', '2001:db8::5': 'v6.example.org', '192.0.2.1': null, 'not-an-ip': null });
    expect(dns.queries).not.toContain(expect.stringContaining('not-an-ip'));
  });

  test('a server that does not answer costs the timeout, not more, and gives null', async () => {
    const t0 = Date.now();
    const names = await resolvePtrs(['192.0.2.99', '192.0.2.2'], { timeoutMs: 300, servers: [`127.0.0.1:${dns.port}`] });
    expect(names.get('192.0.2.99')).toBeNull();
    expect(names.get('192.0.2.2')).toBe('two.example');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  test('answers are cached for the run', async () => {
    const before = dns.queries.length;
    await resolvePtrs(['198.51.100.77'], { timeoutMs: 1000, servers: [`127.0.0.1:${dns.port}`] });
    expect(dns.queries.length).toBe(before);
  });

  test('many sources: concurrent, bounded by the timeout', async () => {
    const ips = Array.from({ length: 40 }, (_, i) => `203.0.113.${i + 1}`);
    const silent = await startFakeDns({}, ips);
    const t0 = Date.now();
    const names = await resolvePtrs(ips, { timeoutMs: 200, servers: [`127.0.0.1:${silent.port}`], concurrency: 8 });
    // 40 silent queries, 8 at a time, ~0.2-0.45 s each: about 5 rounds, far from 40 in a row.
    expect(Date.now() - t0).toBeLessThan(5000);
    expect([...names.values()].every((v) => v === null)).toBe(true);
    expect(silent.queries.length).toBeGreaterThanOrEqual(40);
    await silent.close();
  });

  test('a bad --resolve-server is a usage error', () => {
    expect(() => validateServers(['not a server'])).toThrow(UsageError);
    expect(() => validateServers(['127.0.0.1:5353', '[::1]:53'])).not.toThrow();
  });
});
