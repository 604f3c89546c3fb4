// The follower's consumer in `follow` (src/live/parse-session.ts), driven by a real
// Follower so the over-long limit it reports is the one the splitter applied.
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Follower } from '../../src/input/follow.js';
import type { MalformedLine } from '../../src/input/read.js';
import type { FirewallEvent } from '../../src/event.js';
import { ParseSession } from '../../src/live/parse-session.js';
import { tempDir } from '../helpers/cli.js';

function session(): { session: ParseSession; malformed: MalformedLine[]; events: FirewallEvent[] } {
  const malformed: MalformedLine[] = [];
  const events: FirewallEvent[] = [];
  const s = new ParseSession({ inputFormat: null, year: null, tz: null, lang: 'en', onEvent: (e) => events.push(e), onMalformed: (m) => malformed.push(m), err: () => {}, afterChunk: () => {} });
  return { session: s, malformed, events };
}

async function until(done: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

describe('ParseSession', () => {
  it('an over-long line is reported with the limit the follower was given, from a file and from a stream', async () => {
    const dir = tempDir();
    const path = join(dir, 'kern.log');
    writeFileSync(path, `short\n${'x'.repeat(150)}\n`);
    const fromFile = session();
    const f = new Follower([path], fromFile.session, { fromStart: true, pollMs: 30, watch: false, maxLineLength: 100 });
    await f.start();
    await f.stop();
    expect(fromFile.malformed.map((m) => `${m.line}: ${m.reason}`)).toEqual(['2: line longer than 100 characters (150)']);

    const stdin = new PassThrough();
    const fromStream = session();
    const s = new Follower(['-'], fromStream.session, { pollMs: 30, maxLineLength: 100, stdin });
    await s.start();
    stdin.end(`short\n${'y'.repeat(120)}\n`);
    await s.done;
    await s.stop();
    expect(fromStream.malformed.map((m) => `${m.line}: ${m.reason}`)).toEqual(['2: line longer than 100 characters (120)']);
  });

  it("starting at the end of an AWS VPC flow log, the header line at its top still names the columns of the records appended", async () => {
    const dir = tempDir();
    const path = join(dir, 'vpc.log');
    // A custom format in an order of its own: read as the default 14 fields, its records would be malformed or misread.
    const header = 'version interface-id action srcport dstport dstaddr srcaddr protocol packets bytes start end log-status instance-id';
    const record = (src: string, port: number) => `5 eni-0a1b2c3d4e5f60718 REJECT 41234 ${port} 10.0.1.20 ${src} 6 1 40 1795152301 1795152361 OK i-0123456789abcdef0`;
    writeFileSync(path, `${header}\n${record('203.0.113.1', 22)}\n`);
    const s = session();
    const f = new Follower([path], s.session, { pollMs: 30, watch: false });
    await f.start();
    appendFileSync(path, `${record('203.0.113.7', 23)}\n`);
    await until(() => s.events.length > 0 || s.malformed.length > 0);
    await f.stop();
    expect(s.malformed).toEqual([]);
    expect(s.events.map((e) => [e.format, e.src.ip, e.dst.ip, e.dst.port, e.host, e.origin.line])).toEqual([['aws-vpcflow', '203.0.113.7', '10.0.1.20', 23, 'i-0123456789abcdef0', 3]]);
  });
});
