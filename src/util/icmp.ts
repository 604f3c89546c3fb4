// ICMP facts more than one stage needs.

export type IcmpProtocol = 'icmp' | 'icmpv6';

/** An echo request (ping): ICMP type 8, ICMPv6 type 128. */
export function isEchoRequest(proto: string, type: number | null | undefined): boolean {
  return (type === 8 && proto === 'icmp') || (type === 128 && proto === 'icmpv6');
}
