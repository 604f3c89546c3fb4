// The same log named twice (a glob that overlaps a name, a symlink beside its file, a
// hard link) would be read twice and every packet in it counted double. Each file is
// read once, where it was first named.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

export interface DistinctInputs {
  inputs: string[];
  /** Each input left out, with the earlier one naming the same file. */
  dropped: { input: string; sameAs: string }[];
}

export function distinctInputs(files: readonly string[]): DistinctInputs {
  const first = new Map<string, string>();
  const inputs: string[] = [];
  const dropped: DistinctInputs['dropped'] = [];
  for (const f of files) {
    const key = identity(f);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, f);
      inputs.push(f);
    } else {
      dropped.push({ input: f, sameAs: earlier });
    }
  }
  return { inputs, dropped };
}

/** Device and inode when the file can be stat'ed; otherwise its absolute path (reading it will say what is wrong). */
function identity(f: string): string {
  if (f === '-') return '-';
  try {
    const st = statSync(f);
    // A FIFO or a device (/dev/stdin, a process substitution) is not a file one can read twice from.
    if (st.isFile()) return `${st.dev}:${st.ino}`;
  } catch {
    // fall through
  }
  return `path:${resolve(f)}`;
}
