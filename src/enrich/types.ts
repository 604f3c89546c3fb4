// Shapes the optional enrichments add to the report document (docs/report-json.md) and
// to NDJSON events (docs/integrations.md). Every one of them is opt-in: without its
// option the field is absent, so the default output stays byte-for-byte what it was.

/** Country of an address, from a GeoLite2/GeoIP2 Country or City database. */
export interface GeoInfo {
  /** ISO 3166-1 alpha-2 ("DE"); null when the database has no country for the network. */
  country: string | null;
  /** In --lang when the database has that language, else English. */
  countryName: string | null;
}

/** Autonomous system of an address, from a GeoLite2/GeoIP2 ASN database. */
export interface AsInfo {
  number: number;
  organization: string | null;
}

/** A cautious guess of the sender's OS family from its first packet (signatures/os-hints.json). */
export interface OsHint {
  /** Rule id from signatures/os-hints.json ("linux-unix", "windows", "network-device", …). */
  id: string;
  /** "likely Linux/Unix", in --lang. */
  text: string;
  /** The TTL seen, the initial TTL it was rounded up to, and the hops in between. */
  ttl: number;
  initialTtl: number;
  hops: number;
  /** TCP window of that packet, null when it was not TCP. */
  window: number | null;
}

/** Per-country or per-network totals over all sources (not only the shown ones). */
export interface CountryCount {
  country: string | null;
  countryName: string | null;
  sources: number;
  packets: number;
  /** Of `packets`, connection records (Windows Firewall ALLOW, OPEN, CLOSE; Cisco ASA Built, Teardown): the lists word the count by them. */
  connections: number;
}

export interface NetworkCount {
  number: number;
  organization: string | null;
  sources: number;
  packets: number;
  /** As CountryCount's. */
  connections: number;
}
