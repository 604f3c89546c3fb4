// The format each rule label was logged by, so a renderer can say a label in that
// format's words (a Cisco ASA message id and access list, through ruleFields) from the
// key the counters already hold, instead of a second key per event. A run is nearly
// always one format: its labels are not stored at all (one comparison per event); only
// a label of another format, from a central loghost's mixed syslog file, is.
import { flat } from '../util/flat-string.js';

/** Labels of the other formats kept: as many as a rule counter keeps distinct labels. */
const OTHERS_MAX = 256;

export class RuleFormats {
  private first: string | null = null;
  private readonly others = new Map<string, string>();

  add(format: string, rule: string | null): void {
    if (format !== this.first) this.addOther(format, rule);
  }

  /** The format that logged `rule` (of a label two formats both logged, the one that is not the run's first); null before any event. */
  of(rule: string): string | null {
    return this.others.get(rule) ?? this.first;
  }

  private addOther(format: string, rule: string | null): void {
    if (this.first === null) {
      this.first = format;
      return;
    }
    if (rule === null || this.others.size >= OTHERS_MAX || this.others.has(rule)) return;
    this.others.set(flat(rule), format);
  }
}
