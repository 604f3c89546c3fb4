import { describe, expect, it } from 'vitest';
import { zonedRuleFields } from '../../src/parsers/rule-label.js';

describe('zonedRuleFields', () => {
  const layered = zonedRuleFields({ word: 'rule', head: 'ruleset' });
  const xg = zonedRuleFields({ word: 'fw_rule', head: 'reason', notEgress: 'LOCAL' });
  const bare = zonedRuleFields({ word: 'rule', head: null, notIngress: 'firewall', notEgress: 'firewall' });

  it('reads the head, id, name (escapes undone) and zones', () => {
    expect(layered('Network: rule 9 "Cleanup \\"all\\"" External->Local')).toEqual({ ruleset: 'Network', id: '9', name: 'Cleanup "all"', ingressZone: 'External', egressZone: 'Local' });
    expect(xg('Appliance Access: fw_rule 0 WAN->LOCAL')).toEqual({ reason: 'Appliance Access', id: '0', ingressZone: 'WAN' });
  });

  it('an id `-`, a zone `-` or empty, and the device named as a zone give no field', () => {
    expect(layered('rule - "lan-out" trust->-')).toEqual({ name: 'lan-out', ingressZone: 'trust' });
    expect(layered('rule 4 ->untrust')).toEqual({ id: '4', egressZone: 'untrust' });
    expect(bare('rule 9 "Block all" out->firewall')).toEqual({ id: '9', name: 'Block all', ingressZone: 'out' });
    expect(bare('rule 3 firewall->in')).toEqual({ id: '3', egressZone: 'in' });
  });

  it('a format whose rules have a name and no id (Huawei): the name and zones, no id', () => {
    const named = zonedRuleFields({ word: 'policy', head: null, id: false });
    expect(named('policy "Deny-To-Firewall" untrust->local')).toEqual({ name: 'Deny-To-Firewall', ingressZone: 'untrust', egressZone: 'local' });
    expect(named('policy untrust->trust')).toEqual({ ingressZone: 'untrust', egressZone: 'trust' });
    expect(named('policy 5 untrust->trust')).toEqual({ name: 'policy 5 untrust->trust' });
  });

  it('a label of another shape is the rule name as written; a format without heads takes none', () => {
    expect(layered('implicit deny')).toEqual({ name: 'implicit deny' });
    expect(xg('rule 5')).toEqual({ name: 'rule 5' });
    expect(bare('Layer: rule 5')).toEqual({ name: 'Layer: rule 5' });
  });
});
