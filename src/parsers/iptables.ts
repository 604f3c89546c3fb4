// netfilter LOG lines in their text wrappers (syslog, kern.log, ufw.log, dmesg,
// journalctl short/short-iso, OpenWrt logread, Proxmox pve-firewall, Kiwi Syslog): envelope, then payload.
import { createNetfilterPayload, syslogPayloadFormat } from './payload-dispatch.js';
import { recordShare, type FormatDefinition } from './types.js';
import { netfilterRuleFields } from './netfilter.js';

const ID = 'iptables';

/** Score for a sample: share of lines holding a netfilter record; other kernel lines count a little. */
function sniff(lines: readonly string[]): number {
  if (lines.length === 0) return 0;
  let records = 0;
  let kernel = 0;
  let considered = 0;
  for (const l of lines) {
    // journald export/JSON lines carry the same payload; those formats own them.
    if (l.charCodeAt(0) === 0x7b || l.startsWith('__') || l.startsWith('MESSAGE=')) continue;
    considered++;
    if (l.includes('SRC=') && l.includes('PROTO=')) records++;
    else if (l.includes('kernel:') || l.includes('PVEFW')) kernel++;
  }
  if (records > 0) return recordShare(records, considered);
  return kernel > 0 ? 0.2 : 0;
}

export const iptablesFormat: FormatDefinition = {
  id: ID,
  examples: [
    'Nov 21 06:25:01 gw kernel: [123456.789012] [UFW BLOCK] IN=eth0 OUT= MAC=00:16:3e:5e:6c:00:f4:69:42:e4:72:00:08:00 SRC=203.0.113.7 DST=198.51.100.2 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0',
    '2025-01-23T12:22:21.537693-05:00 ubuntu2204 kernel: [UFW AUDIT] IN= OUT=lo SRC=127.0.0.1 DST=127.0.0.1 LEN=84 TOS=0x00 PREC=0x00 TTL=64 ID=60026 DF PROTO=ICMP TYPE=8 CODE=0 ID=2122 SEQ=1',
    'Fri Jan  5 12:34:56 2024 kern.warn kernel: [ 1234.567890] drop wan in: IN=eth1 OUT= MAC=f4:69:42:e4:72:00:00:16:3e:5e:6c:00:08:00 SRC=203.0.113.7 DST=198.51.100.20 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=54321 PROTO=TCP SPT=47001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0 MARK=0',
    '<134>1 2025-11-06T11:32:42.868451+00:00 fw kernel - - - FINAL_REJECT: IN=eth0 OUT= SRC=2001:db8::7 DST=2001:db8::1 LEN=80 TC=0 HOPLIMIT=57 FLOWLBL=0 PROTO=UDP SPT=5353 DPT=161 LEN=40',
    'Nov 20 2026 06:25:01 nas kernel: [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:3a:91:c2:00:1b:21:aa:bb:cc:08:00 SRC=203.0.113.7 DST=192.168.1.10 LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=1 PROTO=TCP SPT=1234 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0',
    '2026-11-20 06:25:01\tKernel.Warning\t192.168.1.1\tkernel: DROP IN=eth1 OUT= MAC=f4:69:42:e4:72:00:00:16:3e:5e:6c:00:08:00 SRC=198.51.100.7 DST=192.168.1.1 LEN=40 TOS=0x00 PREC=0x00 TTL=241 ID=2 PROTO=TCP SPT=40001 DPT=445 WINDOW=1024 RES=0x00 SYN URGP=0',
    '0 3 PVEFW-HOST-IN 20/Jun/2022:13:09:14 +0200 policy DROP: IN=vmbr0 MAC=24:8a:07:9a:2a:f2:24:8a:07:50:2c:9e:08:00 SRC=10.3.94.11 DST=10.3.94.12 LEN=52 TOS=0x00 PREC=0x00 TTL=255 ID=64317 DF PROTO=UDP SPT=49152 DPT=3784 LEN=32',
  ],
  sniff,
  // Other firewalls' messages in the same syslog file (filterlog, ASA, MikroTik) go to the dispatcher.
  create: (ctx, sink) => syslogPayloadFormat(ctx, sink, createNetfilterPayload(ctx), 'SRC='),
  ruleFields: netfilterRuleFields,
};
