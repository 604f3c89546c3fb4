// Golden fixtures: test/fixtures/<format-id>/<case>.log with <case>.expected.json next
// to it (and optionally <case>.options.json: {"year", "tz", "refDate"}). Adding a case is
// adding files. Regenerate with UPDATE_GOLDEN=1 npm test, then review the diff by eye.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenFolders, parseFile, toGolden } from './helpers/parse.js';

const update = process.env.UPDATE_GOLDEN === '1';

// goldenFolders() throws on a folder named after no format: the file fails to load.
for (const { dir, format } of goldenFolders()) {
  describe(`golden: ${format.id}`, () => {
    const cases = readdirSync(dir).filter((n) => n.endsWith('.log'));
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const name of cases) {
      const base = join(dir, name.slice(0, -4));
      it(name, () => {
        const opts = existsSync(`${base}.options.json`) ? JSON.parse(readFileSync(`${base}.options.json`, 'utf8')) : {};
        const ctx = { file: name, ...opts, ...(opts.refDate ? { refDate: new Date(opts.refDate) } : {}) };
        const got = toGolden(parseFile(format, join(dir, name), ctx));
        if (update || !existsSync(`${base}.expected.json`)) {
          writeFileSync(`${base}.expected.json`, JSON.stringify(got, null, 2) + '\n');
          if (!update) throw new Error(`wrote missing ${base}.expected.json: review it and rerun`);
        }
        expect(got).toEqual(JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')));
      });
    }
  });
}
