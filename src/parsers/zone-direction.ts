// Which way a record went from the names of the zones (or interface roles) it came from and
// went to, by a vendor's own convention: signatures/zone-sides.json. One table for a vendor's
// native format and its CEF records, so the same firewall's record reads the same either way.
import type { Direction } from '../event.js';
import { SignatureError } from '../errors.js';
import { readSignatureData } from './signature-data.js';

/** A zone's side: none of the convention's names, this side, the outside, the device itself. */
const OTHER = 0;
const SIDE_INDEX: Readonly<Record<string, number>> = { inside: 1, outside: 2, device: 3 };
const SIDE_WORDS = ['*', 'inside', 'outside', 'device'] as const;

export type ZoneConventionId = 'paloalto' | 'checkpoint' | 'fortigate' | 'sophos-xg' | 'zyxel' | 'hillstone' | 'huawei-usg' | 'h3c-secpath' | 'cef';
const IDS: readonly ZoneConventionId[] = ['paloalto', 'checkpoint', 'fortigate', 'sophos-xg', 'zyxel', 'hillstone', 'huawei-usg', 'h3c-secpath', 'cef'];

export function isZoneConventionId(v: unknown): v is ZoneConventionId {
  return typeof v === 'string' && (IDS as readonly string[]).includes(v);
}

export class ZoneConvention {
  constructor(
    private readonly sides: ReadonlyMap<string, number>,
    /** Longest name in sides: a longer zone is none of them without lower-casing it. */
    private readonly longest: number,
    private readonly matchCase: boolean,
    private readonly none: ReadonlySet<string>,
    /** from side × 4 + to side → direction; null: the zones do not say. */
    private readonly table: readonly (Direction | null)[],
  ) {}

  /** Whether the name stands for no zone at all (FortiOS's role `undefined`). */
  isNone(zone: string): boolean {
    return this.none.size > 0 && this.none.has(zone);
  }

  side(zone: string | null): number {
    if (zone === null || zone.length > this.longest) return OTHER;
    return this.sides.get(this.matchCase ? zone : zone.toLowerCase()) ?? OTHER;
  }

  /** The direction the zones say; null when they do not (the record's other fields may). */
  direction(from: string | null, to: string | null): Direction | null {
    return this.table[this.side(from) * 4 + this.side(to)]!;
  }

  /** Whether the zone is the device itself (Check Point's Local). */
  isDevice(zone: string | null): boolean {
    return this.side(zone) === 3;
  }
}

const isDirection = (v: unknown): v is Direction => v === 'in' || v === 'out' || v === 'forward';

function build(raw: Record<string, unknown>): ZoneConvention {
  const sides = new Map<string, number>();
  const matchCase = raw.matchCase === true;
  let longest = 0;
  for (const [k, v] of Object.entries((raw.sides ?? {}) as Record<string, unknown>)) {
    const i = typeof v === 'string' ? SIDE_INDEX[v] : undefined;
    if (i === undefined) continue;
    sides.set(matchCase ? k : k.toLowerCase(), i);
    longest = Math.max(longest, k.length);
  }
  const none = new Set(Array.isArray(raw.none) ? raw.none.filter((x): x is string => typeof x === 'string') : []);
  const pairs = (raw.pairs ?? {}) as Record<string, unknown>;
  const pair = (k: string): Direction | undefined => (isDirection(pairs[k]) ? pairs[k] : undefined);
  const known = isDirection(raw.known) ? raw.known : null;
  const otherwise = isDirection(raw.otherwise) ? raw.otherwise : null;
  // Resolved once: the exact pair, else a pair with `*` on one side, else known or otherwise.
  const table: (Direction | null)[] = [];
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 4; b++) {
      const [fa, fb] = [SIDE_WORDS[a]!, SIDE_WORDS[b]!];
      table.push(pair(`${fa}>${fb}`) ?? pair(`*>${fb}`) ?? pair(`${fa}>*`) ?? (a !== OTHER && b !== OTHER ? known : otherwise));
    }
  }
  return new ZoneConvention(sides, longest, matchCase, none, table);
}

const loaded = new Map<ZoneConventionId, ZoneConvention>();
let conventions: Record<string, Record<string, unknown>> | null = null;

/** A vendor's convention, read from signatures/zone-sides.json (once for all vendors) on first use. */
export function zoneConvention(id: ZoneConventionId): ZoneConvention {
  let c = loaded.get(id);
  if (c === undefined) {
    conventions ??= (readSignatureData('zone-sides.json') as { conventions?: Record<string, Record<string, unknown>> }).conventions ?? {};
    const raw = conventions[id];
    // An edited file that lost a vendor is the file's fault, said as such (exit 2), not a bug.
    if (raw === undefined) throw new SignatureError('signatures/zone-sides.json', `conventions.${id}`, 'missing: the parsers of this vendor read it');
    loaded.set(id, (c = build(raw)));
  }
  return c;
}
