import { chmodSync, linkSync, lstatSync, statSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOfFile, laterWriteProblem, outputOption, refuseOutputOverInput, writeDocument } from '../../src/cli/output.js';
import { describeWriteError } from '../../src/util/write-error.js';
import { tempDir } from '../helpers/temp.js';

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
    const dir = tempDir('out-');
    const target = join(dir, 'r.txt');
    writeFileSync(target, 'old');
    await writeDocument('new\n', target);
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    await expect(writeDocument('x', join(dir, 'missing', 'r.txt'))).rejects.toThrow(`--output ${join(dir, 'missing', 'r.txt')}: no such directory: ${join(dir, 'missing')}`);
    expect(readdirSync(dir)).toEqual(['r.txt']);
  });

  it('writeDocument keeps the permissions of the file it replaces', async () => {
    const dir = tempDir('out-');
    const target = join(dir, 'private.html');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    await writeDocument('new\n', target);
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    chmodSync(target, 0o640);
    await writeDocument('newer\n', target);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['private.html']);
  });

  it('writeDocument through a symlink replaces the file it leads to; a failure there is said of that file\'s directory', async () => {
    const dir = tempDir('out-');
    writeFileSync(join(dir, 'real.txt'), 'old');
    symlinkSync('real.txt', join(dir, 'link.txt'));
    await writeDocument('new\n', join(dir, 'link.txt'));
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('new\n');
    symlinkSync('gone/r.txt', join(dir, 'dangling.txt'));
    await expect(writeDocument('x', join(dir, 'dangling.txt'))).rejects.toThrow(`--output ${join(dir, 'dangling.txt')}: no such directory: ${join(dir, 'gone')}`);
    expect(readdirSync(dir).sort()).toEqual(['dangling.txt', 'link.txt', 'real.txt']);
  });

  it('refuseOutputOverInput: the same file by name, symlink or hard link; other files, a missing output and devices pass', () => {
    const dir = tempDir('out-');
    const log = join(dir, 'fw.log');
    writeFileSync(log, 'x\n');
    symlinkSync(log, join(dir, 'sym.log'));
    linkSync(log, join(dir, 'hard.log'));
    expect(() => refuseOutputOverInput(log, [join(dir, 'other.log'), log])).toThrow(`--output ${log}: is one of the input files; refusing to overwrite a log`);
    expect(() => refuseOutputOverInput(join(dir, 'sym.log'), [log])).toThrow(`(the same file as ${log})`);
    expect(() => refuseOutputOverInput(join(dir, 'hard.log'), [log])).toThrow(`(the same file as ${log})`);
    // Relative and absolute spellings of a file that does not exist yet are still the same name.
    expect(() => refuseOutputOverInput(join(dir, 'new.log'), [join(dir, 'sub', '..', 'new.log')])).toThrow('is one of the input files');
    expect(() => refuseOutputOverInput(join(dir, 'r.html'), [log, '-'])).not.toThrow();
    expect(() => refuseOutputOverInput(null, [log])).not.toThrow();
    expect(() => refuseOutputOverInput('/dev/null', ['/dev/null'])).not.toThrow();
  });

  it('--output - is standard output, as no --output', () => {
    expect(outputOption({ output: '-' })).toBeNull();
    expect(outputOption({})).toBeNull();
    expect(outputOption({ output: './-' })).toBe('./-');
  });

  it('the extension names the document format, whatever its case; others name none', () => {
    expect(['r.HTML', 'r.htm', 'r.md', 'r.markdown', 'r.json', 'r.csv', 'r.txt', 'r.log', 'report'].map(formatOfFile)).toEqual(['html', 'html', 'markdown', 'markdown', 'json', 'csv', 'plain', null, null]);
  });
});

describe('laterWriteProblem (follow --final-report, checked at the start)', () => {
  it('a new file in an existing directory, or a file there already, can be written; nothing is created', () => {
    const dir = tempDir('later-');
    expect(laterWriteProblem(join(dir, 'new.txt'))).toBeNull();
    writeFileSync(join(dir, 'old.txt'), 'x');
    expect(laterWriteProblem(join(dir, 'old.txt'))).toBeNull();
    expect(readdirSync(dir)).toEqual(['old.txt']);
  });

  it('names what is in the way: a missing directory, a file where a directory should be, a directory where the file should be', () => {
    const dir = tempDir('later-');
    writeFileSync(join(dir, 'f'), 'x');
    expect(laterWriteProblem(join(dir, 'gone', 'r.txt'))).toEqual({ code: 'no-such-directory', dir: join(dir, 'gone') });
    expect(laterWriteProblem(join(dir, 'gone', 'deeper', 'r.txt'))).toEqual({ code: 'no-such-directory', dir: join(dir, 'gone', 'deeper') });
    expect(laterWriteProblem(join(dir, 'f', 'r.txt'))).toEqual({ code: 'parent-not-directory', dir: join(dir, 'f') });
    expect(laterWriteProblem(dir)).toEqual({ code: 'is-directory' });
  });
});
