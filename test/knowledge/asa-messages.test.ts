// signatures/asa-messages.json: a name and a meaning for exactly the Cisco ASA message ids
// the parser reads events from, refused when it misses one, names one twice or names one
// the parser never reads (a --signatures dir may rename one by its id).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SIGNATURES_DIR, loadKnowledge } from '../../src/knowledge/load.js';
import { ASA_MESSAGE_IDS } from '../../src/parsers/cisco-asa.js';
import { builtinWith, refusal, tempDir, writeDoc } from './helpers.js';

describe('asa-messages.json', () => {
  const kb = loadKnowledge();

  it('names exactly the message ids the parser reads, each once, in both languages', () => {
    const raw = JSON.parse(readFileSync(join(BUILTIN_SIGNATURES_DIR, 'asa-messages.json'), 'utf8')) as { entries: { id: string }[] };
    const ids = raw.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ASA_MESSAGE_IDS.map(String).sort());
    for (const id of ASA_MESSAGE_IDS) {
      const m = kb.asaMessage(String(id))!;
      expect(m.id).toBe(String(id));
      // A few words for a report row; the meaning one sentence.
      expect(m.name.en.split(' ').length, m.id).toBeLessThanOrEqual(6);
      expect(m.name.zh, m.id).toMatch(/[\u4e00-\u9fff]/);
      expect(m.text.zh, m.id).toMatch(/[\u4e00-\u9fff]/);
      expect(m.text.en, m.id).toMatch(/^[A-Z].*\.$/);
    }
    expect(kb.asaMessage('302014')!.name).toEqual({ en: 'TCP connection closed', zh: 'TCP 连接关闭' });
    expect(kb.asaMessage('713202')).toBeUndefined();
  });

  it('a missing id is refused, naming the id', () => {
    const dir = builtinWith('asa-messages.json', (d) => (d.entries = d.entries.filter((e) => e.id !== '302014')));
    const err = refusal(() => loadKnowledge({ builtinDir: dir }));
    expect(err.file).toBe(join(dir, 'asa-messages.json'));
    expect(err.message).toContain('no entry for message id 302014, which logscan reads events from');
  });

  it('an id named twice, an id the parser does not read, an id that is not six digits are refused', () => {
    const twice = refusal(() => loadKnowledge({ builtinDir: builtinWith('asa-messages.json', (d) => d.entries.push({ ...d.entries[0]! })) }));
    // The pushed entry comes after one per id the parser reads.
    const pushed = `$.entries[${ASA_MESSAGE_IDS.length}].id`;
    expect(twice.message).toContain(`${pushed}: duplicate id "106001"`);
    const extra = refusal(() => loadKnowledge({ builtinDir: builtinWith('asa-messages.json', (d) => d.entries.push({ ...d.entries[0]!, id: '713202' })) }));
    expect(extra.message).toContain(`${pushed}: logscan reads no events from message id 713202`);
    const short = refusal(() => loadKnowledge({ builtinDir: builtinWith('asa-messages.json', (d) => (d.entries[0]!.id = '30201')) }));
    expect(short.message).toContain('$.entries[0].id: must be a six-digit message id');
    const noZh = refusal(() => loadKnowledge({ builtinDir: builtinWith('asa-messages.json', (d) => (d.entries[0]!.name = { en: 'x' })) }));
    expect(noZh.message).toContain('$.entries[0].name.zh: must be a non-empty string');
  });

  it('a --signatures dir renames an id by its id; it cannot add one the parser does not read', () => {
    const dir = tempDir();
    const mine = { id: '302014', name: { en: 'session ended', zh: '会话结束' }, text: { en: 'Ours.', zh: '我们的。' }, source: 'local' };
    writeDoc(dir, 'asa-messages.json', { schemaVersion: 1, entries: [mine] });
    const local = loadKnowledge({ extraDirs: [dir] });
    expect(local.asaMessage('302014')!.name.en).toBe('session ended');
    expect(local.asaMessage('302013')!.name.en).toBe('TCP connection built');
    expect(local.localSignatures).not.toBeNull();
    writeDoc(dir, 'asa-messages.json', { schemaVersion: 1, entries: [{ ...mine, id: '999999' }] });
    expect(refusal(() => loadKnowledge({ extraDirs: [dir] })).message).toContain('logscan reads no events from message id 999999');
  });
});
