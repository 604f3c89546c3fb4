// The follower's consumer in `follow` (src/live/parse-session.ts), driven by a real
// Follower so the over-long limit it reports is the one the splitter applied.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Follower } from '../../src/input/follow.js';
import type { MalformedLine } from '../../src/input/read.js';
import { ParseSession } from '../../src/live/parse-session.js';
import { tempDir } from '../helpers/cli.js';

function session(): { session: ParseSession; malformed: MalformedLine[] } {
  const malformed: MalformedLine[] = [];
  const s = new ParseSession({ inputFormat: null, year: null, tz: null, lang: 'en', onEvent: () => {}, onMalformed: (m) => malformed.push(m), err: () => {}, afterChunk: () => {} });
  return { session: s, malformed };
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
});
