// --resolve: PTR names for the sources the report shows (never for every source, and
// never per event). Queries run concurrently (at most 8 at a time), each with a
// timeout (--resolve-timeout, default 2 s), through node:dns's Resolver so a server can
// be chosen (--resolve-server) and the queries cancelled as a whole. Results, failures
// included, are cached for the run. A PTR name is whatever the address owner put in
// DNS: it is not forward-confirmed and it is attacker-controlled text, so every
// renderer sanitises it like log text.
import { Resolver } from 'node:dns/promises';
import { isValidAddress } from '../parsers/address.js';
import { usageError } from '../i18n/messages.js';

export interface ResolveOptions {
  /** Per-query timeout in milliseconds. */
  timeoutMs: number;
  /** Servers for Resolver.setServers ("127.0.0.1", "127.0.0.1:5353", "[::1]:53"); empty: the system's. */
  servers: readonly string[];
  concurrency?: number;
}

const cache = new Map<string, string | null>();

/** Longest DNS name (RFC 1035); anything longer is not a name a resolver should hand back. */
const MAX_NAME = 253;

export function makeResolver(opts: ResolveOptions): Resolver {
  const resolver = new Resolver({ timeout: opts.timeoutMs, tries: 1 });
  if (opts.servers.length > 0) {
    try {
      resolver.setServers([...opts.servers]);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      // Node says which value it could not read only inside its English sentence.
      const bad = (err as NodeJS.ErrnoException).code === 'ERR_INVALID_IP_ADDRESS' ? /^Invalid IP address: (.*)$/s.exec(why)?.[1] ?? null : null;
      throw usageError((u) => u.resolveServer(why, bad));
    }
  }
  return resolver;
}

/** Checks --resolve-server values early (a usage error before any log is read). */
export function validateServers(servers: readonly string[]): void {
  if (servers.length > 0) makeResolver({ timeoutMs: 1000, servers });
}

/** PTR name per address (null: none, failed or timed out). Never throws. */
export async function resolvePtrs(ips: readonly string[], opts: ResolveOptions): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const todo: string[] = [];
  for (const ip of new Set(ips)) {
    const hit = cache.get(ip);
    if (hit !== undefined) out.set(ip, hit);
    else if (!isValidAddress(ip)) out.set(ip, null);
    else todo.push(ip);
  }
  if (todo.length === 0) return out;
  const resolver = makeResolver(opts);
  let next = 0;
  const one = async (ip: string): Promise<string | null> => {
    let timer: NodeJS.Timeout | undefined;
    // c-ares has its own timeout; this one also bounds a server that answers nothing useful slowly.
    const deadline = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), opts.timeoutMs + 250);
    });
    try {
      const names = await Promise.race([resolver.reverse(ip).catch(() => null), deadline]);
      const name = names?.find((n) => n.length > 0 && n.length <= MAX_NAME) ?? null;
      return name === null ? null : name.replace(/\.$/, '');
    } finally {
      clearTimeout(timer);
    }
  };
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const ip = todo[next++];
      const name = await one(ip);
      cache.set(ip, name);
      out.set(ip, name);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 8, todo.length) }, worker));
  } finally {
    // Queries still in flight after their deadline must not keep the process alive.
    resolver.cancel();
  }
  return out;
}
