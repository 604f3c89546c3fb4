// Real lines from every format in ../shared/corpus (and samples/), for mutation
// fuzzing. Read as UTF-8 with replacement, as the input layer does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

export const corpusRoot = new URL('../../../shared/corpus/', import.meta.url).pathname;
export const samplesRoot = new URL('../../samples/', import.meta.url).pathname;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.log')) out.push(p);
  }
  return out;
}

export const corpusFiles = [...walk(corpusRoot), ...walk(samplesRoot)];

function linesOf(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l !== '');
}

/** Up to 40 lines per file, spread over the file, so each format and dress is represented. */
export const realLines: string[] = corpusFiles.flatMap((f) => {
  const all = linesOf(f);
  const step = Math.max(1, Math.floor(all.length / 40));
  return all.filter((_, i) => i % step === 0).slice(0, 40);
});

/** The first lines of each file (headers: #Fields, journal export blocks) to prefix a mutated body with. */
export const fileHeads: string[][] = corpusFiles.map((f) => linesOf(f).slice(0, 6));

/** Nasty fragments: separators parsers anchor on, huge and negative numbers, controls, bidi, surrogates. */
const NASTY = [
  '=', ' ', '[', ']', 'SRC=', 'DST=', 'SPT=', 'DPT=', 'PROTO=', 'LEN=', 'TTL=', 'IN=', 'OUT=', 'MESSAGE=',
  '99999999999999999999', '65536', '-1', '1e309', 'NaN', '0x', '::', ':::', '1.2.3.4.5', '999.1.1.1', 'ffff::ffff::1',
  '\u0000', '\u001b[2J', '\u001b]0;x\u0007', '\u202e', '\ud800', '\uffff', '\r', '\t', '"', '\\', '{', '}', ',', '#Fields:',
  'Feb 30 25:61:61', '2026-13-45 99:99:99', '9999-12-31T23:59:60Z', '[-1.0]', '<999>', 'message repeated 99999999999999 times',
];

const nasty = fc.constantFrom(...NASTY);
const fragment = fc.oneof(nasty, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }));

type Op = { kind: 'insert' | 'replace'; at: number; len: number; text: string } | { kind: 'delete' | 'dup'; at: number; len: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant<'insert'>('insert'), at: fc.nat(), len: fc.constant(0), text: fragment }),
  fc.record({ kind: fc.constant<'replace'>('replace'), at: fc.nat(), len: fc.integer({ min: 1, max: 16 }), text: fragment }),
  fc.record({ kind: fc.constant<'delete'>('delete'), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant<'dup'>('dup'), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
);

function apply(line: string, ops: readonly Op[]): string {
  let s = line;
  for (const o of ops) {
    const at = s.length === 0 ? 0 : o.at % (s.length + 1);
    if (o.kind === 'insert') s = s.slice(0, at) + o.text + s.slice(at);
    else if (o.kind === 'replace') s = s.slice(0, at) + o.text + s.slice(at + o.len);
    else if (o.kind === 'delete') s = s.slice(0, at) + s.slice(at + o.len);
    else s = s.slice(0, at + o.len) + s.slice(at, at + o.len) + s.slice(at + o.len);
  }
  return s;
}

/** A real corpus line with 1-4 random mutations. */
export const mutatedLine: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...realLines), fc.array(op, { minLength: 1, maxLength: 4 }))
  .map(([l, ops]) => apply(l, ops));

/** A small "file": a real file's head, then mutated and real lines. */
export const mutatedFile: fc.Arbitrary<string[]> = fc
  .tuple(fc.constantFrom(...fileHeads), fc.array(fc.oneof(mutatedLine, fc.constantFrom(...realLines)), { minLength: 1, maxLength: 12 }))
  .map(([head, body]) => [...head, ...body]);
