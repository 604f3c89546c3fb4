// The names a Cisco ASA (PIX, FWSM) writes in a port's place (`outside:203.0.113.7/ssh`,
// `inside/192.0.2.1(www)`), from signatures/asa-port-names.json: Cisco's documented table,
// kept as data. Read on the first line that has a name: a log of numbers never loads it.
import { readSignatureData } from './signature-data.js';

let names: ReadonlyMap<string, number> | null = null;

function load(): ReadonlyMap<string, number> {
  const doc = readSignatureData('asa-port-names.json') as { ports?: Record<string, unknown> };
  const table = new Map<string, number>();
  for (const [name, port] of Object.entries(doc.ports ?? {})) {
    if (typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535) table.set(name, port);
  }
  return table;
}

/** The port Cisco's table gives the name s[a, b), or -1 when it names none. */
export function asaPortByName(s: string, a: number, b: number): number {
  const table = (names ??= load());
  return table.get(s.slice(a, b)) ?? -1;
}

/** A letter at s[i]: a port written as a name, not a number. */
export function isPortName(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Whether the table has been read (tests: a log of numbers must not read it). */
export function asaPortNamesLoaded(): boolean {
  return names !== null;
}
