// net/ipv4/route.c and the FIB lookup (net/ipv4/fib_*.c): the output route lookup walks the
// profile's call tree (2.6.32's route cache and slow path, 3.10's cacheless FIB path, 6.x's
// ip_route_output_key_hash_rcu) and produces an rtable whose dst.output is ip_output.

import { walkCallTree } from '../../host/calltree';
import type { Host } from '../../host/host';
import { kalloc, kset } from '../../host/kstruct';
import { RTABLE_ZERO, RTN_LOCAL, RTN_UNICAST, type Rtable } from '../../include/net/route';
import { ipFromString, ipToString } from '../../include/uapi/in';
import type { Route } from '../../world/net';

/** RTN_BROADCAST is rt_type 3: a broadcast address (flags RTCF_BROADCAST | RTCF_LOCAL). */
const RTN_BROADCAST = 3;

/** RT_TABLE_LOCAL is table id 255; RT_TABLE_MAIN is 254. */
export const RT_TABLE_LOCAL = 255;

/** matches tells whether route r covers address a (host order). */
function matches(r: Route, a: number): boolean {
  const mask = r.prefixLen === 0 ? 0 : (~0 << (32 - r.prefixLen)) >>> 0;
  const net = r.prefixLen === 8 && r.dst === '127.0.0.0' ? 0x7f000000 : ipFromString(r.dst)!;
  return (a & mask) >>> 0 === (net & mask) >>> 0;
}

/** fib_lookup finds the longest-prefix route for daddr, local table first, and records fib_table_lookup. */
export function fib_lookup(h: Host, daddr: number): Route | null {
  let best: Route | null = null;
  for (const table of [RT_TABLE_LOCAL, 254]) {
    for (const r of h.net.routes) {
      if (r.table === table && matches(r, daddr) && (best === null || r.prefixLen > best.prefixLen)) best = r;
    }
    if (best !== null) break;
  }
  if (h.trace.wants('fib_table_lookup')) {
    h.trace.record('fib_table_lookup', h.now, h.name, {
      tb_id: best?.table ?? 254,
      oif: 0,
      src: '0.0.0.0',
      dst: ipToString(daddr),
      err: best === null ? -101 : 0,
      dev: best === null ? '' : best.type === 'local' ? 'lo' : best.dev,
      gw: best?.gw ?? '0.0.0.0',
    });
  }
  return best;
}

/** ip_route_output looks up the output route to daddr through the profile's chain; an Rtable or -ENETUNREACH. */
export function ip_route_output(h: Host, daddr: number): Rtable | number {
  const dst = ipToString(daddr);
  const cached = h.routeCache.get(dst);
  if (cached !== undefined && h.profile.routeOutputCached !== null) {
    walkCallTree(h, h.profile.routeOutputCached, {
      dst_use: () => (kset(h, cached, 'dst.__refcnt', cached.f['dst.__refcnt'] + 1), 0),
    });
    return cached;
  }
  let res: Route | null = null;
  let rt: Rtable | null = null;
  const err = walkCallTree(
    h,
    h.profile.routeOutput,
    {
      fib_lookup: () => (
        (res = fib_lookup(h, daddr)),
        res === null ? h.kerr('ENETUNREACH', `no route to ${dst} in tables local and main`) : 0
      ),
      rt_dst_alloc: () => ((rt = newRtable(h, res!, dst)), 0),
      __mkroute_output: () => ((rt ??= newRtable(h, res!, dst)), 0),
      rt_intern_hash: () => (h.routeCache.set(dst, rt!), 0),
      arp_bind_neighbour: () => (kset(h, rt!, 'dst.neighbour', res!.gw ?? dst), 0),
    },
    (n) => (n === 'fib_lookup' || n === 'ip_route_output_flow' ? `daddr=${dst}` : ''),
  );
  return err < 0 ? err : rt!;
}

/** newRtable allocates the rtable for a FIB result: dst.output = ip_output, local routes input on lo. */
function newRtable(h: Host, res: Route, daddr: string): Rtable {
  const local = res.type === 'local';
  const rt = kalloc(h, 'rtable', 256, RTABLE_ZERO);
  kset(h, rt, 'dst.dev', local ? 'lo' : res.dev);
  const broadcast = res.type === 'broadcast';
  kset(h, rt, 'dst.output', broadcast ? 'ip_mc_output' : 'ip_output'); // __mkroute_output: RTCF_BROADCAST|RTCF_LOCAL
  if (local || broadcast) kset(h, rt, 'dst.input', 'ip_local_deliver');
  kset(h, rt, 'dst.__refcnt', 1);
  kset(h, rt, 'rt_type', local ? RTN_LOCAL : res.type === 'broadcast' ? RTN_BROADCAST : RTN_UNICAST);
  if (h.profile.version === '2.6.32') {
    kset(h, rt, 'rt_gateway', res.gw ?? daddr);
    kset(h, rt, 'rt_dst', daddr);
    kset(h, rt, 'rt_src', res.src);
  } else if (res.gw !== null) kset(h, rt, 'rt_gateway', res.gw);
  return rt;
}

/** routeSource is the preferred source address of the route to daddr, or undefined without one. */
export function routeSource(h: Host, daddr: number): string | undefined {
  for (const table of [RT_TABLE_LOCAL, 254]) {
    const r = h.net.routes.find((x) => x.table === table && matches(x, daddr));
    if (r !== undefined) return r.src;
  }
  return undefined;
}
