// net/ipv4/route.c and the FIB lookup (net/ipv4/fib_*.c): the output route lookup walks the
// profile's call tree (2.6.32's route cache and slow path, 3.10's cacheless FIB path, 6.x's
// ip_route_output_key_hash_rcu) and produces an rtable whose dst.output is ip_output. Routes
// carry the route generation they were made in: rt_cache_flush (after a FIB change, see
// route_api.ts) makes them obsolete, and sk_dst_check drops an obsolete sk_dst_cache. A
// failed next hop reports back through ipv4_link_failure (ICMP host unreachable).
//
// The generations live in WeakMaps beside the host and the rtable rather than as struct
// fields, so the inspector's rtable layout is unchanged; a failed check shows as the
// sk_dst_cache and dst.__refcnt field changes.
import { walkCallTree } from '../../host/calltree';
import type { Host } from '../../host/host';
import { kalloc, kset } from '../../host/kstruct';
import { RTABLE_ZERO, RTN_LOCAL, RTN_UNICAST, type Rtable } from '../../include/net/route';
import { ipFromString, ipToString } from '../../include/uapi/in';
import type { Sock } from '../../include/net/sock';
import type { SkBuff } from '../../include/linux/skbuff';
import { ICMP_DEST_UNREACH, ICMP_HOST_UNREACH } from '../../../wire/icmp';
import { icmp_send } from './icmp';
import type { Route } from '../../world/net';

/** FibRoute is a route added with `ip route add` (protocol boot): its metric and its prefsrc (null when none was given). */
export interface FibRoute extends Route {
  readonly metric: number;
  readonly prefsrc: string | null;
}

/** isFibRoute tells a route added by ip route add from the kernel's own (proto kernel) routes. */
export function isFibRoute(r: Route): r is FibRoute {
  return 'metric' in r;
}

/** routeMetric is a route's priority (RTA_PRIORITY): its metric, 0 for the kernel's routes. */
export function routeMetric(r: Route): number {
  return isFibRoute(r) ? r.metric : 0;
}

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

/** better tells whether route r beats best: a longer prefix, or the same prefix with a lower metric. */
function better(r: Route, best: Route | null): boolean {
  if (best === null || r.prefixLen > best.prefixLen) return true;
  return r.prefixLen === best.prefixLen && routeMetric(r) < routeMetric(best);
}

/** bestRoute is the longest-prefix, lowest-metric route for daddr, table local before main. */
function bestRoute(h: Host, daddr: number): Route | null {
  let best: Route | null = null;
  for (const table of [RT_TABLE_LOCAL, 254]) {
    for (const r of h.net.routes) {
      if (r.table === table && matches(r, daddr) && better(r, best)) best = r;
    }
    if (best !== null) break;
  }
  return best;
}

/** fib_lookup finds the route for daddr (bestRoute) and records fib_table_lookup. */
export function fib_lookup(h: Host, daddr: number): Route | null {
  const best = bestRoute(h, daddr);
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
  dstGenid.set(rt, rtGenid.get(h) ?? 0);
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
  return bestRoute(h, daddr)?.src;
}

/** rtGenid is each net's route generation (netns_ipv4.rt_genid): a route change moves it on. */
const rtGenid = new WeakMap<Host, number>();
/** dstGenid is the generation each rtable was made in (struct rtable's rt_genid). */
const dstGenid = new WeakMap<Rtable, number>();

/**
 * rt_cache_flush makes every route made so far obsolete, as a FIB change does: 3.10 and 6.x
 * bump the net's rt_genid (rt_genid_bump_ipv4); 2.6.32 also empties the route cache
 * (rt_do_flush), whose freed entries are obsolete to the sockets still holding them.
 */
export function rt_cache_flush(h: Host): void {
  h.kcall(
    'rt_cache_flush',
    'net',
    () => {
      rtGenid.set(h, (rtGenid.get(h) ?? 0) + 1);
      if (h.profile.version === '2.6.32') h.routeCache.clear();
    },
    'net/ipv4/route.c',
  );
}

/**
 * sk_dst_check returns the sock's cached route while it is current; an obsolete one (made
 * before the last rt_cache_flush) fails ipv4_dst_check, is dropped from sk_dst_cache and
 * released (its __refcnt falls), and undefined comes back, so the caller routes again. fn is
 * the caller's name for the check (__sk_dst_check in ip_queue_xmit, sk_dst_check for datagrams).
 */
export function sk_dst_check(h: Host, sk: Sock, fn: '__sk_dst_check' | 'sk_dst_check'): Rtable | undefined {
  const rt = h.live.get(sk.f.sk_dst_cache ?? '') as Rtable | undefined;
  return (
    h.kcall(
      fn,
      `sk=${sk.addr}`,
      () => {
        if (rt === undefined) return null;
        // dst->ops->check (ipv4_dst_check: rt_is_expired) is not traced as a call of its
        // own, so the seeds' send chains stay as recorded; a failed check shows as the
        // sk_dst_cache field change.
        if ((dstGenid.get(rt) ?? 0) === (rtGenid.get(h) ?? 0)) return rt;
        kset(h, sk, 'sk_dst_cache', null);
        kset(h, rt, 'dst.__refcnt', Math.max(0, rt.f['dst.__refcnt'] - 1)); // dst_release
        return null;
      },
      'net/core/sock.c',
    ) ?? undefined
  );
}

/**
 * ipv4_link_failure is ipv4_dst_ops.link_failure (dst_link_failure): the next hop of an skb we
 * were sending cannot be reached, so its sender (this host) gets an ICMP host unreachable.
 */
export function ipv4_link_failure(h: Host, skb: SkBuff): void {
  h.kcall(
    'ipv4_link_failure',
    `skb=${skb.addr}`,
    () => icmp_send(h, skb, ICMP_DEST_UNREACH, ICMP_HOST_UNREACH, 0),
    'net/ipv4/route.c',
  );
}
