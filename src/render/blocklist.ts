// `logscan -o blocklist`: the sources at or above a score as firewall input — an nft
// script with two sets, an `ipset restore` file, iptables / ufw commands, or PowerShell
// New-NetFirewallRule commands for Windows Defender Firewall. logscan
// only PRINTS them; reviewing and loading them is the user's decision.
//
// Safety, because addresses and explanations come from logs:
// - an address is written only after it parses as an IPv4/IPv6 address, and in the
//   canonical form ipaddr.js prints (a corrupted, address-shaped field can never carry
//   a shell word or an nft token into a command);
// - log-derived text appears only in `#` comments on lines of their own, with every
//   control character (newline included), DEL, C1 and bidi control shown as \xNN, so
//   it cannot end the comment and start a command;
// - loopback, private (RFC 1918, ULA), link-local, CGNAT, multicast and unspecified
//   addresses are left out unless --blocklist-include-private: blocking your own LAN
//   or gateway by accident is worse than missing one source. The header says how many.
// - so are this side's own machines: a source in --home-net, or one whose findings are
//   about its outbound traffic (outbound-malware, outbound-blocked: a host's own public
//   address in OUTPUT logs). Those need cleaning up; blocking them cuts off your own.
import ipaddr from 'ipaddr.js';
import type { ReportDoc } from '../aggregate/report.js';
import type { RankedSource } from '../aggregate/summary.js';
import { termSafe } from './sanitize.js';
import { counted } from '../util/number-text.js';
import { THIS_SIDE_FINDINGS } from '../aggregate/finding-ids.js';
import { inHomeNetworks, isPrivateAddress } from '../util/egress.js';

export type BlocklistFormat = 'nft' | 'ipset' | 'iptables' | 'ufw' | 'powershell';
export const BLOCKLIST_FORMATS: readonly BlocklistFormat[] = ['nft', 'ipset', 'iptables', 'ufw', 'powershell'];

/**
 * Addresses per New-NetFirewallRule: one rule per address makes hundreds of rules in the
 * Windows Firewall console, and one rule for them all a line no one can review. A rule takes
 * far more (Windows accepts about a thousand remote addresses); 100 keeps each line readable.
 */
export const POWERSHELL_BATCH = 100;
/** The rule group of the PowerShell flavour: what removes the rules again, and what loading the file again replaces. */
const POWERSHELL_GROUP = 'logscan blocklist';

export interface BlocklistOptions {
  format: BlocklistFormat;
  minScore: number;
  includePrivate: boolean;
  version: string;
}

/**
 * Beside the local networks (isPrivateAddress, the rule that decides this side per event),
 * the ipaddr.js ranges that are no one host's address, never blocked by default either.
 */
const NOT_ONE_HOST = new Set(['unspecified', 'broadcast', 'multicast']);

const MAX_COMMENT = 300;

/** Text that is safe after `#` on one line: nothing in it can end the line. */
export function commentSafe(s: string): string {
  const one = termSafe(s).replace(/[\u2028\u2029\u0085]/g, ' ');
  return one.length > MAX_COMMENT ? one.slice(0, MAX_COMMENT - 1) + '…' : one;
}

interface Entry {
  ip: string;
  family: 4 | 6;
  why: string;
}

/** The canonical address, or a reason to leave it out. */
function canonical(raw: string, includePrivate: boolean): { ip: string; family: 4 | 6 } | 'invalid' | 'private' {
  if (raw.includes('%')) return 'private'; // zone id: link-local scope, not blockable globally
  let a: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    if (!ipaddr.isValid(raw)) return 'invalid';
    a = ipaddr.parse(raw);
  } catch {
    return 'invalid';
  }
  if (a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress()) a = (a as ipaddr.IPv6).toIPv4Address();
  // ipaddr.js also accepts "10.1", "0x7f.1" and octal "010.1.1.1"; only plain dotted quads count
  // as log addresses (a leading zero could otherwise block a different address than the log shows).
  if (!raw.includes(':') && !/^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(raw)) return 'invalid';
  const ip = a.toString();
  if (!includePrivate && (isPrivateAddress(ip) || NOT_ONE_HOST.has(a.range()))) return 'private';
  return { ip, family: a.kind() === 'ipv4' ? 4 : 6 };
}

function reason(r: RankedSource): string {
  return commentSafe(`score ${r.score.toFixed(1)}, severity ${r.severity}: ${r.explanation}`);
}

export function renderBlocklist(doc: ReportDoc, opts: BlocklistOptions): string {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  let privateLeft = 0;
  let invalid = 0;
  let thisSide = 0;
  for (const r of doc.sources) {
    if (r.score < opts.minScore) continue;
    if (inHomeNetworks(r.ip) || r.findings.some((f) => THIS_SIDE_FINDINGS.includes(f.id))) {
      thisSide++;
      continue;
    }
    const c = canonical(r.ip, opts.includePrivate);
    if (c === 'invalid') invalid++;
    else if (c === 'private') privateLeft++;
    else if (!seen.has(c.ip)) {
      seen.add(c.ip);
      entries.push({ ip: c.ip, family: c.family, why: reason(r) });
    }
  }
  const v4 = entries.filter((e) => e.family === 4);
  const v6 = entries.filter((e) => e.family === 6);
  const head: string[] = [
    `# logscan ${commentSafe(opts.version)} blocklist (${opts.format}): ${counted(entries.length, 'source')} with score >= ${opts.minScore} (${v4.length} IPv4, ${v6.length} IPv6)`,
    `# from ${commentSafe(doc.inputs.map((i) => i.file).join(', '))}${doc.span.first && doc.span.last ? `, events ${doc.span.first} to ${doc.span.last}` : ''}`,
    '# Generated, not applied: review it before loading. Scores and reasons: docs/ranking.md.',
  ];
  if (privateLeft > 0) head.push(`# Left out: ${counted(privateLeft, 'loopback/private/link-local source')} (--blocklist-include-private keeps them).`);
  else if (!opts.includePrivate) head.push('# Loopback/private/link-local sources are left out by default (--blocklist-include-private keeps them).');
  if (invalid > 0) head.push(`# Left out: ${counted(invalid, 'source')} whose logged address is not a valid IP address.`);
  if (thisSide > 0) head.push(`# Left out: ${counted(thisSide, 'source')} of this side (in --home-net, or flagged for its own outbound traffic): find what runs there rather than block it.`);
  const out: string[] = [];
  switch (opts.format) {
    case 'nft':
      out.push('#!/usr/sbin/nft -f', ...head, '# Check: nft -c -f FILE   Load: nft -f FILE   Remove: nft delete table inet logscan', '');
      // Declare-then-delete makes re-loading the file replace the previous list atomically.
      out.push('table inet logscan', 'delete table inet logscan', 'table inet logscan {');
      out.push('\tset blocklist4 {', '\t\ttype ipv4_addr', '\t}', '\tset blocklist6 {', '\t\ttype ipv6_addr', '\t}');
      out.push('\tchain input {', '\t\ttype filter hook input priority -10; policy accept;', '\t\tip saddr @blocklist4 drop', '\t\tip6 saddr @blocklist6 drop', '\t}', '}');
      for (const e of entries) out.push(`# ${e.why}`, `add element inet logscan blocklist${e.family} { ${e.ip} }`);
      break;
    case 'ipset':
      out.push(...head, '# Load: ipset -exist restore < FILE   (ipset restore skips lines starting with #)');
      out.push('# Then: iptables -I INPUT -m set --match-set logscan4 src -j DROP; ip6tables -I INPUT -m set --match-set logscan6 src -j DROP', '');
      out.push('create logscan4 hash:ip family inet', 'create logscan6 hash:ip family inet6', 'flush logscan4', 'flush logscan6');
      for (const e of entries) out.push(`# ${e.why}`, `add logscan${e.family} ${e.ip}`);
      break;
    case 'iptables':
      out.push('#!/bin/sh', ...head, '# Run as root after review: sh FILE. Each line inserts a DROP at the top of INPUT unless INPUT has it already.', '');
      for (const e of entries) {
        // -C first: a cron job that runs the fresh list every day must not stack the same rule daily.
        const rule = `INPUT -s ${e.ip} -j DROP`;
        const cmd = e.family === 4 ? 'iptables' : 'ip6tables';
        out.push(`# ${e.why}`, `${cmd} -C ${rule} 2>/dev/null || ${cmd} -I ${rule}`);
      }
      break;
    case 'ufw':
      out.push('#!/bin/sh', ...head, '# Run as root after review: sh FILE. `ufw prepend` puts each deny before your allow rules (ufw >= 0.36).', '');
      for (const e of entries) out.push(`# ${e.why}`, `ufw prepend deny from ${e.ip} comment 'logscan blocklist'`);
      break;
    case 'powershell':
      out.push(
        ...head,
        '# Run in an elevated PowerShell after review: powershell -ExecutionPolicy Bypass -File FILE.ps1',
        `# Remove: Remove-NetFirewallRule -Group '${POWERSHELL_GROUP}'. Block rules win over allow rules in Windows Defender Firewall.`,
        '',
        // Loading the file again replaces the earlier list, as the nft flavour's table does.
        `Remove-NetFirewallRule -Group '${POWERSHELL_GROUP}' -ErrorAction SilentlyContinue`,
      );
      for (let i = 0; i < entries.length; i += POWERSHELL_BATCH) {
        const batch = entries.slice(i, i + POWERSHELL_BATCH);
        // Canonical addresses only (canonical()): digits, hex, dots and colons, never a quote.
        const name = batch.length === 1 ? `logscan block ${batch[0]!.ip}` : `logscan block ${batch[0]!.ip} and ${batch.length - 1} more`;
        out.push(
          ...batch.map((e) => `# ${e.ip}: ${e.why}`),
          `New-NetFirewallRule -DisplayName '${name}' -Group '${POWERSHELL_GROUP}' -Direction Inbound -Action Block -RemoteAddress ${batch.map((e) => `'${e.ip}'`).join(',')} | Out-Null`,
        );
      }
      break;
  }
  return out.join('\n') + '\n';
}
