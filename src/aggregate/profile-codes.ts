// The codes a source profile counts in: TCP flag classes, protocol bits and port keys
// (protocol and port in one integer). Shared by the profile rows and their readers.

// TCP flag bits (ECE/CWR are ignored for scan classification: ECN setup adds them to SYNs).
const F_SYN = 1;
const F_ACK = 2;
const F_FIN = 4;
const F_RST = 8;
const F_PSH = 16;
const F_URG = 32;
const F_MAIN = F_SYN | F_ACK | F_FIN | F_RST | F_PSH | F_URG;

/** TCP flag combinations counted per source (index into SourceProfile.flagClasses). */
export const FLAG_CLASSES = ['syn', 'null', 'fin', 'xmas', 'synfin', 'ack', 'other'] as const;
export type FlagClass = (typeof FLAG_CLASSES)[number];
export const FC_SYN = 0;
export const FC_NULL = 1;
export const FC_FIN = 2;
export const FC_XMAS = 3;
export const FC_SYNFIN = 4;
export const FC_ACK = 5;
export const FC_OTHER = 6;

export function flagMask(flags: readonly string[]): number {
  let m = 0;
  for (let i = 0; i < flags.length; i++) {
    switch (flags[i]) {
      case 'SYN': m |= F_SYN; break;
      case 'ACK': m |= F_ACK; break;
      case 'FIN': m |= F_FIN; break;
      case 'RST': m |= F_RST; break;
      case 'PSH': m |= F_PSH; break;
      case 'URG': m |= F_URG; break;
      default: break;
    }
  }
  return m;
}

/** nmap's names: -sN NULL, -sF FIN, -sX XMAS (FIN+PSH+URG), SYN+FIN, -sA ACK. */
export function flagClass(mask: number): number {
  const m = mask & F_MAIN;
  if (m === 0) return FC_NULL;
  if (m === F_FIN) return FC_FIN;
  if (m === (F_FIN | F_PSH | F_URG) || m === F_MAIN) return FC_XMAS;
  if ((m & (F_SYN | F_FIN)) === (F_SYN | F_FIN)) return FC_SYNFIN;
  if (m === F_ACK) return FC_ACK;
  if (m === F_SYN) return FC_SYN;
  return FC_OTHER;
}

// Protocol bits for SourceProfile.protocols.
export const P_TCP = 1;
export const P_UDP = 2;
export const P_ICMP = 4;
export const P_OTHER = 8;

/** Port keys: protocol in the high part so one Set holds tcp and udp ports apart. */
export const PK_TCP = 0;
export const PK_UDP = 65536;
export const PK_OTHER = 131072;

export function portKeyName(key: number): { proto: string; port: number } {
  if (key >= PK_OTHER) return { proto: 'other', port: key - PK_OTHER };
  if (key >= PK_UDP) return { proto: 'udp', port: key - PK_UDP };
  return { proto: 'tcp', port: key };
}
