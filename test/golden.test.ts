// Golden fixtures: test/fixtures/<format-id>/<case>.log with <case>.expected.json next
// to it (and optionally <case>.options.json: {"year", "tz", "refDate"}). Adding a case is
// adding files. Regenerate with UPDATE_GOLDEN=1 npm test, then review the diff by eye.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getFormat } from '../src/parsers/registry.js';
import { parseFile, toGolden } from './helpers/parse.js';

const root = new URL('./fixtures/', import.meta.url).pathname;
const update = process.env.UPDATE_GOLDEN === '1';

for (const formatId of readdirSync(root).filter((d) => getFormat(d))) {
  describe(`golden: ${formatId}`, () => {
    const dir = join(root, formatId);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.log'))) {
      const base = join(dir, name.slice(0, -4));
      it(name, () => {
        const opts = existsSync(`${base}.options.json`) ? JSON.parse(readFileSync(`${base}.options.json`, 'utf8')) : {};
        const ctx = { file: name, ...opts, ...(opts.refDate ? { refDate: new Date(opts.refDate) } : {}) };
        const got = toGolden(parseFile(getFormat(formatId)!, join(dir, name), ctx));
        if (update || !existsSync(`${base}.expected.json`)) {
          writeFileSync(`${base}.expected.json`, JSON.stringify(got, null, 2) + '\n');
          if (!update) throw new Error(`wrote missing ${base}.expected.json: review it and rerun`);
        }
        expect(got).toEqual(JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')));
      });
    }
  });
}
