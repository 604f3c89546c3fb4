// Which labels hold a message id the knowledge base names is the format's to declare
// (FormatDefinition.messageNames, a knowledge table); rule-message.ts asks the registry,
// and a named label carries the format that logged it to the words made of it.
import { afterEach, describe, expect, it } from 'vitest';
import { ruleMessageName, ruleMessageNames, sourceRulesCounted } from '../../src/aggregate/rule-message.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { formats, getFormat, messageTable } from '../../src/parsers/registry.js';
import type { FormatDefinition } from '../../src/parsers/types.js';

const kb = loadKnowledge();

describe('message names as format data', () => {
  const pf: FormatDefinition = getFormat('pf')!;
  const saved = { messageNames: pf.messageNames, ruleFields: pf.ruleFields };
  afterEach(() => {
    pf.messageNames = saved.messageNames;
    pf.ruleFields = saved.ruleFields;
  });

  it('the Cisco ASA and SonicWall declare their message tables; no other format names its labels', () => {
    expect(formats.filter((f) => f.messageNames !== undefined).map((f) => [f.id, f.messageNames])).toEqual([
      ['cisco-asa', 'asaMessages'],
      ['sonicwall', 'sonicwallMessages'],
    ]);
    expect(messageTable('sonicwall')).toBe('sonicwallMessages');
    expect(ruleMessageName(kb, 'sonicwall', '5 (WAN->LAN) m=98', 'en')).toBe('connection opened');
    expect(ruleMessageName(kb, 'sonicwall', 'm=36 TCP packet dropped due to policy', 'zh')).toBe('TCP 包被丢弃');
    expect(messageTable('cisco-asa')).toBe('asaMessages');
    expect(messageTable('iptables')).toBeUndefined();
    expect(messageTable('no-such-format')).toBeUndefined();
    expect(ruleMessageName(kb, 'cisco-asa', 'ASA-6-302014', 'en')).toBe('TCP connection closed');
    expect(ruleMessageName(kb, 'cisco-asa', 'ASA-6-302014', 'zh')).toBe('TCP 连接关闭');
    expect(ruleMessageName(null, 'cisco-asa', 'ASA-6-302014', 'en')).toBeUndefined();
    expect(ruleMessageName(kb, 'iptables', 'ASA-6-302014', 'en')).toBeUndefined();
  });

  it('another format that declares a table has its labels named with no code of its own', () => {
    // A device whose label is "msg <id>": its ruleFields give the code, its declaration the table.
    pf.ruleFields = (rule) => ({ code: rule.slice(4) });
    expect(ruleMessageName(kb, 'pf', 'msg 302014', 'en')).toBeUndefined();
    pf.messageNames = 'asaMessages';
    expect(ruleMessageName(kb, 'pf', 'msg 302013', 'en')).toBe('TCP connection built');
    expect(ruleMessageNames(kb, 'en', { 'msg 302016': 2, other: 1 }, () => 'pf')).toEqual({ 'msg 302016': 'UDP connection closed' });
  });

  it("a source's named label carries the format that logged it, not a format known by name", () => {
    const names = { 'msg 302014': 'TCP connection closed' };
    expect(sourceRulesCounted({ 'msg 302014': 3, '[UFW BLOCK]': 1 }, names, (rule) => (rule === 'msg 302014' ? 'pf' : 'iptables'))).toEqual([
      { key: 'msg 302014', packets: 3, format: 'pf', messageName: 'TCP connection closed' },
      { key: '[UFW BLOCK]', packets: 1 },
    ]);
    // Without the run's record of the label's format there is nothing to read it by: said as logged.
    expect(sourceRulesCounted({ 'msg 302014': 3 }, names, undefined)).toEqual([{ key: 'msg 302014', packets: 3 }]);
  });
});
