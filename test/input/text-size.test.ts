// textSize decides --threads auto without reading the inputs: a plain file's size, a
// gzip file's unpacked size from its trailer, 0 for what cannot be read.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { textSize } from '../../src/input/open.js';
import { tempDir } from '../helpers/cli.js';

describe('textSize', () => {
  const dir = tempDir();
  const text = Buffer.alloc(3_000_000, 'Nov 20 06:25:01 gw kernel: [UFW BLOCK] IN=eth0 SRC=203.0.113.7 PROTO=TCP DPT=23\n');

  it('a plain file: its size', () => {
    writeFileSync(join(dir, 'a.log'), text);
    expect(textSize(join(dir, 'a.log'))).toBe(3_000_000);
  });

  it('gzip data, with or without the .gz name: the unpacked size, far above the packed one', () => {
    const gz = gzipSync(text);
    expect(gz.length).toBeLessThan(100_000);
    writeFileSync(join(dir, 'a.log.gz'), gz);
    writeFileSync(join(dir, 'a.log.1'), gz);
    expect(textSize(join(dir, 'a.log.gz'))).toBe(3_000_000);
    expect(textSize(join(dir, 'a.log.1'))).toBe(3_000_000);
  });

  it('a missing path or a directory: 0', () => {
    mkdirSync(join(dir, 'd'));
    expect(textSize(join(dir, 'missing.log'))).toBe(0);
    expect(textSize(join(dir, 'd'))).toBe(0);
  });

  it('a file too short to have a gzip trailer: its size', () => {
    writeFileSync(join(dir, 'tiny.gz'), Buffer.from([0x1f, 0x8b, 8, 0]));
    expect(textSize(join(dir, 'tiny.gz'))).toBe(4);
  });
});
