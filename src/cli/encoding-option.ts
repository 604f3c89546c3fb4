// --encoding LABEL, shared by every command that reads logs and by `explain -`, in a module
// of its own so `explain` does not load options.ts (and with it every parser) for it.
import { encodingOfLabel, legacyEncoding } from '../input/encoding.js';
import { usageError } from '../i18n/messages.js';

/** --encoding's WHATWG name, null for UTF-8 (the default: then nothing is decoded beyond what UTF-8 needs); a usage error (exit 2) for a label refused. */
export function readEncoding(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const e = encodingOfLabel(raw);
  if ('refused' in e) throw usageError((u) => (e.refused === 'utf16' ? u.utf16Encoding(raw) : u.unknownEncoding(raw)));
  return legacyEncoding(e.name);
}
