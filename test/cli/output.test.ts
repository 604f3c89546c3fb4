import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOfFile, writeDocument } from '../../src/cli/output.js';
import { describeWriteError } from '../../src/util/write-error.js';

const errno = (code: string, syscall: string, path: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: raw`), { code, syscall, path });

describe('--output errors', () => {
  const file = '/srv/fw/today.html';
  const tmp = '/srv/fw/.today.html.123.abcd.tmp';

  it('a failure to create the temporary file is said of the directory', () => {
    expect(describeWriteError(errno('ENOENT', 'open', tmp), file)).toBe('no such directory: /srv/fw');
    expect(describeWriteError(errno('EACCES', 'open', tmp), file)).toBe('no permission to create files in /srv/fw');
    expect(describeWriteError(errno('EROFS', 'open', tmp), file)).toBe('/srv/fw is on a read-only file system');
    expect(describeWriteError(errno('ENOTDIR', 'open', tmp), file)).toBe('/srv/fw is not a directory');
  });

  it('a failure on the file itself, or of another kind, is said plainly', () => {
    expect(describeWriteError(errno('EISDIR', 'rename', tmp), file)).toBe('is a directory');
    expect(describeWriteError(errno('ENOSPC', 'write', tmp), file)).toBe('no space left on the device');
    expect(describeWriteError(errno('EIO', 'write', tmp), file)).toBe('EIO: raw');
    expect(describeWriteError('odd', file)).toBe('odd');
  });

  it('writeDocument replaces the file whole, and leaves it as it was when it cannot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logscan-out-'));
    const target = join(dir, 'r.txt');
    writeFileSync(target, 'old');
    await writeDocument('new\n', target);
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    await expect(writeDocument('x', join(dir, 'missing', 'r.txt'))).rejects.toThrow(`--output ${join(dir, 'missing', 'r.txt')}: no such directory: ${join(dir, 'missing')}`);
    expect(readdirSync(dir)).toEqual(['r.txt']);
  });

  it('the extension names the document format, whatever its case; others name none', () => {
    expect(['r.HTML', 'r.htm', 'r.md', 'r.markdown', 'r.json', 'r.csv', 'r.txt', 'r.log', 'report'].map(formatOfFile)).toEqual(['html', 'html', 'markdown', 'markdown', 'json', 'csv', 'plain', null, null]);
  });
});
