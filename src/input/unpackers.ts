// Compressions logscan reads through the system's own decompressor (bzip2, xz, zstd):
// no npm package for them, and the system's tools are what rotated them in the first
// place (pfSense's newsyslog, logrotate's `compresscmd`). gzip is unpacked in-process
// (gunzip.ts); zip is an archive, not a stream, and stays unread (binary.ts PACKED).
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type UnpackerName = 'bzip2' | 'xz' | 'zstd';

export interface Unpacker {
  name: UnpackerName;
  /** The first bytes of its data. */
  magic: readonly number[];
  /** What a rotation so compressed is named with (newsyslog, logrotate). */
  suffix: string;
  /** The command and the arguments that write the unpacked data of stdin to stdout. */
  command: string;
  args: readonly string[];
  /** Debian's package that installs the command (said when it is missing). */
  package: string;
  /** The command a person would unpack it with by hand. */
  cat: string;
  /**
   * An estimate of unpacked/packed for firewall logs, for --threads auto (textSize): these
   * formats record no unpacked size (gzip's trailer does). The benchmark's generated log
   * (bench/generate.mjs, 100k lines) packs 12.4x with bzip2, 11.4x with xz, 7.6x with zstd
   * at their defaults; the estimates stay below that, so a borderline log is read on one
   * thread rather than start a worker it does not need.
   */
  ratio: number;
  /**
   * Text (kB) of one whole block, when the command writes nothing of a block before all of
   * it is there (bzip2: 900 kB blocks at its default -9): data cut inside the first block
   * yields no line at all, which the message then says. Absent for streaming formats.
   */
  blockKB?: number;
}

export const UNPACKERS: readonly Unpacker[] = [
  { name: 'bzip2', magic: [0x42, 0x5a, 0x68], suffix: '.bz2', command: 'bzip2', args: ['-dc'], package: 'bzip2', cat: 'bzcat', ratio: 8, blockKB: 900 },
  { name: 'xz', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], suffix: '.xz', command: 'xz', args: ['-dc'], package: 'xz-utils', cat: 'xzcat', ratio: 8 },
  { name: 'zstd', magic: [0x28, 0xb5, 0x2f, 0xfd], suffix: '.zst', command: 'zstd', args: ['-dc', '-q'], package: 'zstd', cat: 'zstdcat', ratio: 6 },
];

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  if (buf.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (buf[i] !== magic[i]) return false;
  return true;
}

/** The unpacker whose data `head` starts, or null. */
export function unpackerOfHead(head: Uint8Array): Unpacker | null {
  return UNPACKERS.find((u) => startsWith(head, u.magic)) ?? null;
}

/** The unpacker of that name. */
export function unpackerNamed(name: UnpackerName): Unpacker {
  return UNPACKERS.find((u) => u.name === name)!;
}

/** The unpacker of a name's compression suffix (`filter.log.1.bz2`), or null. */
export function unpackerOfName(name: string): Unpacker | null {
  return UNPACKERS.find((u) => name.endsWith(u.suffix)) ?? null;
}

/** Answers per PATH: daily's discovery asks for every rotation, the reader for every input. */
const found = new Map<string, boolean>();

/** Is `command` an executable file in a directory of PATH (as spawn will look it up)? */
export function onPath(command: string, path: string = process.env.PATH ?? ''): boolean {
  const key = `${command}\0${path}`;
  let yes = found.get(key);
  if (yes === undefined) {
    yes = path.split(delimiter).some((dir) => dir !== '' && executable(join(dir, command)));
    found.set(key, yes);
  }
  return yes;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
