// Every validation rule has a failing case: a copy of the built-in signatures with one
// thing broken must be refused with a SignatureError naming the file, the entry and the
// JSON path.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SignatureError } from '../../src/errors.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { builtinWith, copyBuiltin, entry, localRule, refusal, tempDir, writeDoc, type SigDoc } from './helpers.js';

/** Loads a built-in copy with `file` edited; returns the error. */
function broken(file: Parameters<typeof builtinWith>[0], edit: (doc: SigDoc) => void): SignatureError {
  const dir = builtinWith(file, edit);
  return refusal(() => loadKnowledge({ builtinDir: dir }));
}

/** Loads the real built-in set plus a local dir holding only ports.json with `entries`. */
function local(entries: unknown[], file = 'ports.json'): SignatureError {
  const dir = tempDir();
  writeDoc(dir, file, { schemaVersion: 1, entries });
  return refusal(() => loadKnowledge({ extraDirs: [dir] }));
}

describe('file level', () => {
  it('invalid JSON carries the parser message and the file', () => {
    const dir = copyBuiltin();
    writeDoc(dir, 'ports.json', '{ "schemaVersion": 1, "entries": [ { "id": "x", } ] }');
    const err = refusal(() => loadKnowledge({ builtinDir: dir }));
    expect(err.file).toBe(join(dir, 'ports.json'));
    expect(err.message).toMatch(/invalid JSON: .*(Unexpected|Expected)/);
  });

  it('schemaVersion must be 1', () => {
    expect(broken('ports.json', (d) => (d.schemaVersion = 2)).message).toContain('$.schemaVersion: must be 1 (got 2)');
    expect(broken('categories.json', (d) => delete d.schemaVersion).message).toContain('$.schemaVersion: must be 1 (missing)');
  });

  it('entries must be an array; unknown top-level fields are refused', () => {
    expect(broken('ports.json', (d) => ((d as Record<string, unknown>).entries = {})).message).toContain('$.entries: must be an array');
    expect(broken('ports.json', (d) => (d.entrys = [])).message).toContain('$.entrys: unknown top-level field');
  });

  it('a missing built-in file is an error; a --signatures dir without any signature file too', () => {
    const dir = copyBuiltin();
    writeDoc(dir, 'annotations.json', { schemaVersion: 1, rules: [] });
    rmSync(join(dir, 'categories.json'));
    expect(refusal(() => loadKnowledge({ builtinDir: dir })).message).toMatch(/categories\.json: cannot read: ENOENT/);

    const empty = tempDir();
    writeDoc(empty, 'annotations.json', { schemaVersion: 1, rules: [] });
    const err = refusal(() => loadKnowledge({ extraDirs: [empty] }));
    expect(err.message).toContain('no signature files found');
    expect(err.message).toContain('annotations.json');
    expect(refusal(() => loadKnowledge({ extraDirs: [join(empty, 'nope')] })).message).toContain('not a directory');
  });

  it('other files in a signatures dir (annotations.json) are left alone', () => {
    const dir = tempDir();
    writeDoc(dir, 'annotations.json', '{ not json at all');
    writeDoc(dir, 'ports.json', { schemaVersion: 1, entries: [localRule()] });
    expect(loadKnowledge({ extraDirs: [dir] }).lookup('tcp', 9999).map((e) => e.id)).toEqual(['local-backup-agent']);
  });
});

describe('entry shape', () => {
  it('names file, entry id, JSON path and line', () => {
    const err = broken('ports.json', (d) => (entry(d, 'sub7-artifact').severity = 7));
    expect(err.file).toMatch(/ports\.json$/);
    expect(err.entry).toBe('sub7-artifact');
    expect(err.message).toMatch(/\(sub7-artifact\): \$\.entries\[\d+\]\.severity: must be an integer 0-5 \(got 7\); at line \d+$/);
  });

  it('an entry that is not an object is named by index', () => {
    const err = local([localRule(), 42]);
    expect(err.entry).toBe('#1');
    expect(err.message).toContain('$.entries[1]: must be an object (got 42)');
  });

  it.each([
    ['missing name', { name: undefined }, '.name: must be {"en": …, "zh": …} or a non-empty string (missing)'],
    ['name of the wrong type', { name: 7 }, '.name: must be {"en": …, "zh": …} or a non-empty string (got 7)'],
    ['empty legacy name', { name: ' ' }, '.name: must be a non-empty string'],
    ['name without zh', { name: { en: 'Backup agent' } }, '.name.zh: must be a non-empty string (missing)'],
    ['name in an unknown language', { name: { en: 'a', zh: 'b', de: 'c' } }, '.name.de: unknown language (en and zh only)'],
    ['empty source', { source: ' ' }, '.source: must be a non-empty string'],
    ['misspelt field', { severty: 2 }, '.severty: unknown field'],
    ['id not kebab-case', { id: 'Local_Rule' }, '.id: must be lowercase kebab-case'],
    ['port above 65535', { ports: 70000 }, '.ports: port out of range 0-65535 (got 70000)'],
    ['range end above 65535', { ports: '65000-65536' }, '.ports: port out of range'],
    ['range start above end', { ports: '5-3' }, '.ports: range start is above its end'],
    ['port not a number', { ports: 'abc' }, '.ports: must be a port number or a "from-to" range'],
    ['negative port', { ports: -1 }, '.ports: port out of range'],
    ['fractional port', { ports: 80.5 }, '.ports: port out of range'],
    ['unknown protocol', { protocols: ['tcp', 'icmp'] }, '.protocols[1]: unknown protocol (got "icmp")'],
    ['no protocols', { protocols: [] }, '.protocols: must be a non-empty array'],
    ['duplicate protocol', { protocols: ['udp', 'udp'] }, '.protocols[1]: duplicate protocol'],
    ['severity above 5', { severity: 6 }, '.severity: must be an integer 0-5 (got 6)'],
    ['fractional severity', { severity: 2.5 }, '.severity: must be an integer 0-5'],
    ['negative rank', { rank: -1 }, '.rank: must be a number >= 0'],
    ['missing rank', { rank: undefined }, '.rank: must be a number >= 0'],
    ['family of the wrong type', { family: 3 }, '.family: must be {"en": …, "zh": …} or a non-empty string'],
    ['family without its Chinese', { family: { en: 'Glacier' } }, '.family.zh: must be a non-empty string (missing)'],
    ['missing zh text', { text: { en: 'only English' } }, '.text.zh: must be a non-empty string (missing)'],
    ['empty en text', { text: { en: '', zh: '中文' } }, '.text.en: must be a non-empty string'],
    ['unknown language', { text: { en: 'a', zh: 'b', fr: 'c' } }, '.text.fr: unknown language'],
    ['text not an object', { text: 'plain' }, '.text: must be an object'],
  ])('%s', (_, over, message) => {
    const rule = localRule(over);
    for (const [k, v] of Object.entries(over)) if (v === undefined) delete rule[k];
    const err = local([rule]);
    expect(err.message).toContain(`$.entries[0]${message}`);
    expect(err.message).toMatch(/ports\.json/);
  });

  it('duplicate ids within a file', () => {
    const err = local([localRule(), localRule({ ports: 9998 })]);
    expect(err.message).toContain('$.entries[1].id');
    expect(err.message).toContain('duplicate id "local-backup-agent" (first used by $.entries[0])');
  });

  it('source-port entries: annotation must be kebab-case, severity required', () => {
    const src = { id: 'srcport-x', ports: 9999, protocols: ['udp'], name: 'x', annotation: 'srcport-x', severity: 1, text: { en: 'a', zh: 'b' }, source: 'local' };
    expect(local([{ ...src, annotation: 'Srcport X' }], 'source-ports.json').message).toContain('.annotation: must be lowercase kebab-case');
    expect(local([{ ...src, severity: undefined }], 'source-ports.json').message).toContain('.severity: must be an integer 0-5 (missing)');
    expect(local([{ ...src, category: 'noise' }], 'source-ports.json').message).toContain('.category: unknown field');
  });

  it('categories: default severity in range', () => {
    const err = broken('categories.json', (d) => (entry(d, 'trojan').defaultSeverity = 9));
    expect(err.entry).toBe('trojan');
    expect(err.message).toContain('.defaultSeverity: must be an integer 0-5 (got 9)');
  });

  it('categories: hiddenUnderService is true or false, and false when left out', () => {
    const err = broken('categories.json', (d) => ((entry(d, 'trojan') as Record<string, unknown>).hiddenUnderService = 'yes'));
    expect(err.message).toContain('.hiddenUnderService: must be true or false');
    const kb = loadKnowledge();
    expect(kb.category('trojan')?.hiddenUnderService).toBe(true);
    expect(kb.category('worm')?.hiddenUnderService).toBe(false);
    expect(kb.category('service')?.hiddenUnderService).toBe(false);
  });
});

describe('merged set', () => {
  it('unknown category', () => {
    const err = local([localRule({ category: 'spyware' })]);
    expect(err.entry).toBe('local-backup-agent');
    expect(err.message).toContain('.category: unknown category "spyware"');
  });

  it('a category added by a local dir can be used by its port entries', () => {
    const dir = tempDir();
    writeDoc(dir, 'categories.json', { schemaVersion: 1, entries: [{ id: 'spyware', name: { en: 'Spyware', zh: '间谍软件' }, defaultSeverity: 3 }] });
    writeDoc(dir, 'ports.json', { schemaVersion: 1, entries: [localRule({ category: 'spyware', severity: undefined })] });
    const kb = loadKnowledge({ extraDirs: [dir] });
    // No severity given: the category's default applies.
    expect(kb.lookup('tcp', 9999)[0]).toMatchObject({ category: 'spyware', severity: 3 });
  });

  it('contradiction: same rank on the same port and protocol', () => {
    const err = local([localRule({ id: 'local-6776', ports: 6776, rank: 1 })]);
    expect(err.entry).toBe('local-6776');
    expect(err.message).toContain('contradicts "sub7-artifact"');
    expect(err.message).toContain('tcp 6776 with rank 1');
  });

  it('contradiction inside a range, found from either side', () => {
    // 33500/udp lies inside traceroute (33434-33600, rank 1).
    const err = local([localRule({ id: 'local-33500', ports: 33500, protocols: ['udp'] })]);
    expect(err.message).toContain('contradicts "traceroute"');
  });

  it('no contradiction when the protocol or the rank differs', () => {
    const kb = loadKnowledge({
      extraDirs: [
        (() => {
          const dir = tempDir();
          writeDoc(dir, 'ports.json', {
            schemaVersion: 1,
            entries: [
              localRule({ id: 'local-33500-tcp', ports: 33500, protocols: ['tcp'] }),
              localRule({ id: 'local-6776', ports: 6776, rank: 1.5 }),
            ],
          });
          return dir;
        })(),
      ],
    });
    expect(kb.lookup('tcp', 6776).map((e) => e.id)).toEqual(['sub7-artifact', 'local-6776', 'ultors-6776']);
    expect(kb.lookup('tcp', 33500).map((e) => e.id)).toEqual(['local-33500-tcp']);
  });

  it('contradiction between two built-in entries', () => {
    const err = broken('ports.json', (d) => (entry(d, 'ultors-6776').rank = 1));
    expect(err.message).toMatch(/contradicts "(sub7-artifact|ultors-6776)"/);
  });

  it('source ports: same-width overlap is a contradiction, a narrower one is not', () => {
    const src = { protocols: ['udp'], name: 'x', severity: 1, text: { en: 'a', zh: 'b' }, source: 'local' };
    const err = local([{ ...src, id: 'srcport-dns-2', annotation: 'srcport-dns-2', ports: 53 }], 'source-ports.json');
    expect(err.message).toContain('contradicts "srcport-dns"');
    const dir = tempDir();
    writeDoc(dir, 'source-ports.json', { schemaVersion: 1, entries: [{ ...src, id: 'srcport-mdns', annotation: 'srcport-mdns', ports: '5353-5354' }] });
    expect(loadKnowledge({ extraDirs: [dir] }).lookupSource('udp', 5353).map((e) => e.id)).toEqual(['srcport-mdns']);
  });

  it('port classes must cover 0-65535 without gaps or overlaps', () => {
    expect(broken('port-classes.json', (d) => (entry(d, 'registered').ports = '1100-49151')).message).toContain(
      'gap before this class: ports 1024-1099 have no class',
    );
    expect(broken('port-classes.json', (d) => (entry(d, 'registered').ports = '1000-49151')).message).toContain(
      'overlaps the previous port class at 1000',
    );
    expect(broken('port-classes.json', (d) => (entry(d, 'dynamic').ports = '49152-65000')).message).toContain(
      'port classes end at 65000',
    );
  });
});

describe('localized names', () => {
  it('a name is {en, zh}, or a plain string as before names were localized, which serves both languages', () => {
    const dir = tempDir();
    writeDoc(dir, 'ports.json', {
      schemaVersion: 1,
      entries: [
        localRule({ name: { en: 'Backup agent', zh: '备份代理' } }),
        localRule({ id: 'local-legacy', ports: 9998, name: 'Legacy agent' }),
      ],
    });
    const src = { ports: 9999, protocols: ['udp'], severity: 1, text: { en: 'a', zh: 'b' }, source: 'local' };
    writeDoc(dir, 'source-ports.json', {
      schemaVersion: 1,
      entries: [
        { ...src, id: 'srcport-new', annotation: 'srcport-new', name: { en: 'New form', zh: '新格式' } },
        { ...src, id: 'srcport-old', annotation: 'srcport-old', ports: 9998, name: 'Old form' },
      ],
    });
    const kb = loadKnowledge({ extraDirs: [dir] });
    expect(kb.lookup('tcp', 9999)[0].name).toEqual({ en: 'Backup agent', zh: '备份代理' });
    expect(kb.lookup('tcp', 9998)[0].name).toEqual({ en: 'Legacy agent', zh: 'Legacy agent' });
    expect(kb.lookupSource('udp', 9999)[0].name).toEqual({ en: 'New form', zh: '新格式' });
    expect(kb.lookupSource('udp', 9998)[0].name).toEqual({ en: 'Old form', zh: 'Old form' });
    // Both forms are searchable in either language.
    expect(kb.search('备份').map((e) => e.id)).toEqual(['local-backup-agent']);
    expect(kb.search('legacy agent').map((e) => e.id)).toEqual(['local-legacy']);
  });

  it('the object form is checked like text: both languages, nothing else', () => {
    expect(local([localRule({ name: { zh: '备份代理' } })]).message).toContain('.name.en: must be a non-empty string (missing)');
    expect(local([localRule({ name: { en: 'x', zh: '' } })]).message).toContain('.name.zh: must be a non-empty string');
    expect(local([localRule({ name: ['x'] })]).message).toContain('.name: must be {"en": …, "zh": …} or a non-empty string (got ["x"])');
  });
});
