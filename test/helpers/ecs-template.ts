// integrations/elasticsearch-template.json as the tests read it: its mapped fields, a
// document's values by field path, and whether Elasticsearch takes a value into a type.
import { readFileSync } from 'node:fs';
import { isValidAddress } from '../../src/parsers/address.js';

export interface Mapping {
  type?: string;
  properties?: Record<string, Mapping>;
}

export const template = JSON.parse(readFileSync(new URL('../../integrations/elasticsearch-template.json', import.meta.url), 'utf8')) as {
  index_patterns: string[];
  priority: number;
  template: { mappings: Mapping & { dynamic: boolean } };
};

/** Every mapped leaf field: path → type. */
export function mappedLeaves(m: Mapping, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(m.properties ?? {})) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v.properties) mappedLeaves(v, path, out);
    else out.set(path, v.type!);
  }
  return out;
}

/** Every leaf value of a document: [path, value], array elements under the array's path. */
export function leaves(v: unknown, prefix = ''): [string, unknown][] {
  if (Array.isArray(v)) return v.flatMap((x) => leaves(x, prefix));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, prefix ? `${prefix}.${k}` : k));
  return [[prefix, v]];
}

/** Whether Elasticsearch takes the value into a field of this type (dates: as logscan writes them, UTC). */
export function fits(type: string, v: unknown): boolean {
  switch (type) {
    case 'keyword':
    case 'text':
      return typeof v === 'string';
    case 'ip':
      return typeof v === 'string' && isValidAddress(v);
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v);
    case 'long':
      return Number.isSafeInteger(v);
    case 'double':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return false;
  }
}
