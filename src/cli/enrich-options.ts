// The opt-in enrichment and integration options (docs/integrations.md), shared by the
// commands that take them, and their validation (bad values → UsageError, exit 2).
// Nothing is opened or loaded unless its option is given.
import { helpText } from './help-text.js';
import { Option, type Command } from 'commander';
import { usageError } from '../i18n/messages.js';
import { openGeoIp, type GeoIp } from '../enrich/geoip.js';
import { loadIgnoreList, type IgnoreList } from '../enrich/ignore.js';
import { loadOsHints, type OsHintRules } from '../enrich/os-hint.js';
import { validateServers, type ResolveOptions } from '../enrich/rdns.js';
import type { Lang } from '../knowledge/types.js';
import { collect } from './repeatable.js';

export interface EnrichFlags {
  geoip?: boolean;
  ignore?: boolean;
  osHint?: boolean;
  resolve?: boolean;
}

export function addEnrichOptions(cmd: Command, which: EnrichFlags): Command {
  if (which.geoip) cmd.option('--geoip <dir>', helpText((h) => h.geoip));
  if (which.ignore) cmd.option('--ignore <file>', helpText((h) => h.ignore));
  if (which.osHint) cmd.option('--os-hint', helpText((h) => h.osHint));
  if (which.resolve) {
    cmd
      .option('--resolve', helpText((h) => h.resolve))
      .option('--resolve-timeout <seconds>', helpText((h) => h.resolveTimeout))
      .addOption(new Option('--resolve-server <addr>', helpText((h) => h.resolveServer)).argParser(collect));
  }
  return cmd;
}

export interface Enrich {
  geoip: GeoIp | null;
  ignore: IgnoreList | null;
  ignoreFile: string | null;
  osHints: OsHintRules | null;
  resolve: ResolveOptions | null;
}

export async function readEnrichOptions(raw: Record<string, unknown>, lang: Lang): Promise<Enrich> {
  let resolve: ResolveOptions | null = null;
  const servers = (raw.resolveServer as string[] | undefined) ?? [];
  if (raw.resolve === true) {
    let timeoutMs = 2000;
    if (raw.resolveTimeout !== undefined) {
      const s = Number(raw.resolveTimeout);
      if (!/^\d+(\.\d+)?$/.test(String(raw.resolveTimeout)) || !(s >= 0.1) || s > 60) {
        throw usageError((u) => u.resolveTimeout(String(raw.resolveTimeout)));
      }
      timeoutMs = Math.round(s * 1000);
    }
    validateServers(servers);
    resolve = { timeoutMs, servers };
  } else if (raw.resolveTimeout !== undefined || servers.length > 0) {
    throw usageError((u) => u.onlyWithResolve(raw.resolveTimeout !== undefined ? '--resolve-timeout' : '--resolve-server'));
  }
  const ignoreFile = typeof raw.ignore === 'string' ? raw.ignore : null;
  return {
    geoip: typeof raw.geoip === 'string' ? await openGeoIp(raw.geoip, lang) : null,
    ignore: ignoreFile !== null ? loadIgnoreList(ignoreFile) : null,
    ignoreFile,
    osHints: raw.osHint === true ? loadOsHints() : null,
    resolve,
  };
}
