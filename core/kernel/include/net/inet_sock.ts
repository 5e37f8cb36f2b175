// struct inet_sock (include/net/inet_sock.h, reference §4.4): the IPv4 part of every AF_INET
// sock. 2.6.32 spells the address and port fields without the inet_ prefix; the profile's
// fieldNames renames them in the trace.

/** INET_SOCK_ZERO is struct inet_sock zeroed by sk_prot_alloc, one field per line. */
// prettier-ignore
export const INET_SOCK_ZERO = {
  inet_saddr: '0.0.0.0', // source address used when sending (2.6.32: saddr)
  inet_sport: 0, // __be16 source port (2.6.32: sport)
  inet_id: 0, // IP ID counter (2.6.32: id)
  uc_ttl: 0, // unicast TTL, -1 = ip_default_ttl
  tos: 0, // IP_TOS
  mc_ttl: 0, // multicast TTL
  pmtudisc: 0, // IP_PMTUDISC_*
  recverr: 0, // flag bit
  is_icsk: 0, // flag bit: an inet_connection_sock
  freebind: 0, // flag bit
  hdrincl: 0, // flag bit: IP_HDRINCL
  mc_loop: 0, // flag bit
  transparent: 0, // flag bit
  mc_all: 0, // flag bit
  nodefrag: 0, // flag bit (3.10+)
  mc_index: 0, // multicast interface index
  mc_addr: '0.0.0.0', // multicast source address
  rcv_tos: 0, // 3.10+
};

/** IP_PMTUDISC_DONT is pmtudisc 0: never set DF. */
export const IP_PMTUDISC_DONT = 0;
/** IP_PMTUDISC_WANT is pmtudisc 1: use per-route hints (the default). */
export const IP_PMTUDISC_WANT = 1;
