// A tiny DNS server on 127.0.0.1 (UDP) that answers PTR queries from a table, for the
// --resolve tests (there is no other network here). Names mapped to null get NXDOMAIN;
// addresses listed in `silent` get no answer at all (to exercise the timeout).
import { createSocket, type Socket } from 'node:dgram';

export interface FakeDns {
  port: number;
  /** Queries received, by question name. */
  queries: string[];
  close(): Promise<void>;
}

function readName(buf: Buffer, at: number): { name: string; end: number } {
  const labels: string[] = [];
  let i = at;
  while (buf[i] !== 0) {
    const len = buf[i];
    labels.push(buf.subarray(i + 1, i + 1 + len).toString('latin1'));
    i += len + 1;
  }
  return { name: labels.join('.'), end: i + 1 };
}

function encodeName(name: string): Buffer {
  const parts = name.split('.').filter((l) => l.length > 0).map((l) => {
    const b = Buffer.from(l, 'latin1');
    return Buffer.concat([Buffer.from([b.length]), b]);
  });
  return Buffer.concat([...parts, Buffer.from([0])]);
}

/** "203.0.113.9" → "9.113.0.203.in-addr.arpa"; IPv6 → nibbles under ip6.arpa. */
export function ptrName(ip: string): string {
  if (!ip.includes(':')) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...new Array<string>(8 - h.length - t.length).fill('0'), ...t].map((g) => g.padStart(4, '0'));
  return `${groups.join('').split('').reverse().join('.')}.ip6.arpa`;
}

export function startFakeDns(answers: Record<string, string | null>, silent: string[] = []): Promise<FakeDns> {
  const byName = new Map(Object.entries(answers).map(([ip, name]) => [ptrName(ip), name]));
  const quiet = new Set(silent.map(ptrName));
  const sock: Socket = createSocket('udp4');
  const queries: string[] = [];
  sock.on('message', (msg, rinfo) => {
    const { name, end } = readName(msg, 12);
    queries.push(name);
    if (quiet.has(name)) return;
    const question = msg.subarray(12, end + 4);
    const target = byName.get(name);
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(target ? 0x8180 : 0x8183, 2); // response, RD+RA; rcode 0 or 3 (NXDOMAIN)
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(target ? 1 : 0, 6);
    let answer = Buffer.alloc(0);
    if (target) {
      const rdata = encodeName(target);
      const fixed = Buffer.alloc(10);
      fixed.writeUInt16BE(12, 0); // PTR
      fixed.writeUInt16BE(1, 2); // IN
      fixed.writeUInt32BE(300, 4);
      fixed.writeUInt16BE(rdata.length, 8);
      answer = Buffer.concat([Buffer.from([0xc0, 0x0c]), fixed, rdata]);
    }
    sock.send(Buffer.concat([header, question, answer]), rinfo.port, rinfo.address);
  });
  return new Promise((resolve) => {
    sock.bind(0, '127.0.0.1', () => {
      resolve({ port: sock.address().port, queries, close: () => new Promise((r) => sock.close(() => r())) });
    });
  });
}
