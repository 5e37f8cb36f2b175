// IP protocol numbers (include/uapi/linux/in.h; reference §5.5) and address helpers.

/** IPPROTO maps protocol names to numbers, one row per protocol. */
// prettier-ignore
export const IPPROTO = {
  IPPROTO_IP: 0, // dummy for TCP/UDP; the wildcard in inetsw
  IPPROTO_ICMP: 1, // ICMP
  IPPROTO_IGMP: 2, // IGMP
  IPPROTO_TCP: 6, // TCP
  IPPROTO_UDP: 17, // UDP
  IPPROTO_SCTP: 132, // SCTP
  IPPROTO_RAW: 255, // raw IP packets
} as const;

/** IPPROTO_NAMES maps protocol numbers back to names. */
export const IPPROTO_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(IPPROTO).map(([k, v]) => [v, k]),
);

/** INADDR_ANY is 0.0.0.0 as a host-order number. */
export const INADDR_ANY = 0;

/** SockaddrIn is struct sockaddr_in with the address and port in host order. */
export interface SockaddrIn {
  readonly family: number;
  readonly port: number;
  readonly addr: number;
}

/** ipToString renders a host-order IPv4 address as dotted quad. */
export function ipToString(a: number): string {
  return `${(a >>> 24) & 255}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}

/** ipFromString parses a dotted quad to a host-order number, or undefined when it is malformed. */
export function ipFromString(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (m === null) return undefined;
  const p = m.slice(1).map(Number);
  if (p.some((x) => x > 255)) return undefined;
  return ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
}

/** IP_OPT maps the SOL_IP option names SockLab handles to their numbers (include/uapi/linux/in.h), one row per option. */
// prettier-ignore
export const IP_OPT = {
  IP_TOS: 1, // inet->tos
  IP_TTL: 2, // inet->uc_ttl
  IP_HDRINCL: 3, // inet->hdrincl (raw sockets)
  IP_MTU_DISCOVER: 10, // inet->pmtudisc
  IP_RECVERR: 11, // inet->recverr
} as const;

/** IP_PMTUDISC_DO is pmtudisc 2: always set DF, refuse datagrams above the MTU with EMSGSIZE. */
export const IP_PMTUDISC_DO = 2;
