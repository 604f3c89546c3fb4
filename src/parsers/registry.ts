// Every supported format, in sniffing priority order (ties go to the earlier one).
// Adding a format = one parser file + one line here + fixtures in test/fixtures/<id>/.
import type { MessageTable } from '../knowledge/types.js';
import type { FormatDefinition, RuleFields } from './types.js';
import { cefFormat } from './cef.js';
import { leefFormat } from './leef.js';
import { checkpointFormat } from './checkpoint.js';
import { azureFirewallFormat } from './azure-firewall.js';
import { awsVpcflowFormat } from './aws-vpcflow.js';
import { ciscoAsaFormat } from './cisco-asa.js';
import { ciscoIosFormat } from './cisco-ios.js';
import { filterlogFormat } from './filterlog.js';
import { fortigateFormat } from './fortigate.js';
import { gcpFirewallFormat } from './gcp-firewall.js';
import { iptablesFormat } from './iptables.js';
import { journalExportFormat, journalJsonFormat } from './journald.js';
import { juniperSrxFormat } from './juniper-srx.js';
import { merakiFormat } from './meraki.js';
import { mikrotikFormat } from './mikrotik.js';
import { paloaltoFormat } from './paloalto.js';
import { pfFormat } from './pf.js';
import { sonicwallFormat } from './sonicwall.js';
import { sophosUtmFormat } from './sophos-utm.js';
import { sophosXgFormat } from './sophos-xg.js';
import { stormshieldFormat } from './stormshield.js';
import { hillstoneFormat } from './hillstone.js';
import { huaweiUsgFormat } from './huawei-usg.js';
import { h3cSecpathFormat } from './h3c-secpath.js';
import { watchguardFormat } from './watchguard.js';
import { windowsFirewallFormat } from './windows-firewall.js';
import { zyxelFormat } from './zyxel.js';

export const formats: readonly FormatDefinition[] = [
  windowsFirewallFormat,
  journalExportFormat,
  journalJsonFormat,
  iptablesFormat,
  // After iptables: a tie on a mixed syslog file keeps iptables, and the payload
  // dispatcher (payload-dispatch.ts) reads the other formats' lines either way.
  filterlogFormat,
  ciscoAsaFormat,
  mikrotikFormat,
  ciscoIosFormat,
  pfFormat,
  fortigateFormat,
  sonicwallFormat,
  paloaltoFormat,
  juniperSrxFormat,
  sophosUtmFormat,
  sophosXgFormat,
  watchguardFormat,
  checkpointFormat,
  gcpFirewallFormat,
  merakiFormat,
  awsVpcflowFormat,
  azureFirewallFormat,
  stormshieldFormat,
  zyxelFormat,
  hillstoneFormat,
  huaweiUsgFormat,
  h3cSecpathFormat,
  cefFormat,
  leefFormat,
];

export function getFormat(id: string): FormatDefinition | undefined {
  return formats.find((f) => f.id === id);
}

// What a rule text holds is the format's to say (FormatDefinition.ruleFields); a log
// repeats a handful of rules, so each is read once. The ECS output writes the parts
// (render/event-json.ts), `explain 'LINE'` says them in words (render/explain-line.ts).
const NAME_ONLY = (rule: string): RuleFields => ({ name: rule });
const ruleCache = new Map<string, Map<string, RuleFields>>();
const RULE_CACHE_MAX = 4096;
/** The parts of `rule`, a rule text of the format `format` (one id of `logscan formats`). */
export function ruleFields(format: string, rule: string): RuleFields {
  let byRule = ruleCache.get(format);
  if (byRule === undefined) ruleCache.set(format, (byRule = new Map()));
  let r = byRule.get(rule);
  if (r === undefined) {
    r = (getFormat(format)?.ruleFields ?? NAME_ONLY)(rule);
    if (byRule.size >= RULE_CACHE_MAX) byRule.clear();
    byRule.set(rule, r);
  }
  return r;
}

/** The knowledge table that names the message ids `format`'s labels hold (FormatDefinition.messageNames); undefined for a format whose labels are rules' own names. */
export function messageTable(format: string): MessageTable | undefined {
  return getFormat(format)?.messageNames;
}

export interface SniffResult {
  format: FormatDefinition | null;
  confidence: number;
}

/** Picks the format of a file from its first lines; null when nothing is confident. */
export function sniffFormat(lines: readonly string[]): SniffResult {
  const sample = lines.filter((l) => l.trim() !== '');
  let best: SniffResult = { format: null, confidence: 0 };
  for (const f of formats) {
    const c = f.sniff(sample);
    if (c > best.confidence) best = { format: f, confidence: c };
  }
  return best;
}
