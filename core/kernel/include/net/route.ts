// struct rtable with its struct dst_entry (include/net/route.h, include/net/dst.h; reference
// §4.8), flattened into one record. 2.6.32 reaches dst as rt->u.dst and holds the
// neighbour on the dst; 6.x spells the gateway rt_gw4.

import type { KStruct } from '../../host/kstruct';

/** RTABLE_ZERO is struct rtable as rt_dst_alloc hands it out, one field per line. */
// prettier-ignore
export const RTABLE_ZERO = {
  'dst.dev': null as string | null, // output device name
  'dst.output': null as string | null, // ip_output for unicast
  'dst.input': null as string | null, // ip_local_deliver for local routes
  'dst.neighbour': null as string | null, // 2.6.32 only: arp_bind_neighbour's neighbour
  'dst.__refcnt': 0, // references
  rt_type: 0, // RTN_UNICAST 1 / LOCAL 2 / BROADCAST 3
  rt_gateway: '0.0.0.0', // 0 when on-link (3.10); 2.6.32 holds daddr; 6.x rt_gw4
  rt_dst: '0.0.0.0', // 2.6.32 cache key: destination
  rt_src: '0.0.0.0', // 2.6.32 cache key: preferred source
  rt_pmtu: 0, // learned path MTU (3.10+)
};

/** Rtable is a traced route. */
export type Rtable = KStruct<typeof RTABLE_ZERO>;

/** RTN_UNICAST is rt_type 1: a gateway or direct route. */
export const RTN_UNICAST = 1;
/** RTN_LOCAL is rt_type 2: a local address. */
export const RTN_LOCAL = 2;
