// The connections a session-logging format has counted and may log again (a permit, then its
// session's periodic and end records): one set of keys, bounded (the oldest goes first), so a
// connection counts once however many of its records the log holds. Stormshield, Hillstone,
// Zyxel, Huawei USG and H3C SecPath.
import { flat } from '../util/flat-string.js';

export class OpenSessions {
  private readonly keys = new Set<string>();

  constructor(private readonly max: number) {}

  /** `proto src sport dst dport`: the same string for every record of one connection. */
  static key(proto: string, src: string, sport: number, dst: string, dport: number): string {
    return `${proto} ${src} ${sport} ${dst} ${dport}`;
  }

  /** Remembers a counted connection. */
  add(key: string): void {
    const keys = this.keys;
    if (keys.has(key)) return;
    if (keys.size >= this.max) keys.delete(keys.keys().next().value!);
    keys.add(flat(key));
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Forgets it (its last record was read); whether it was there. */
  delete(key: string): boolean {
    return this.keys.delete(key);
  }
}
