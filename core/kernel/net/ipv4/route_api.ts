// The route changes behind the shell's `ip route add | del | replace` (net/ipv4/fib_frontend.c
// inet_rtm_newroute / inet_rtm_delroute → fib_trie.c fib_table_insert / fib_table_delete, with
// fib_semantics.c's nexthop checks) and the main table in `ip route show` order. Every change
// ends in rt_cache_flush: the net's route generation moves on, so each socket's sk_dst_cache
// fails its next dst check and the next packet is routed again (route.ts sk_dst_check).
// Each change returns null or the error text ip prints: "RTNETLINK answers: <strerror>" for
// the errno, or, on 6.x, the kernel's extack message iproute2 prints instead. (ENODEV and
// ESRCH are netlink answers only, outside the syscall errno table, so they are not kerr'd.)

import type { Host } from '../../host/host';
import { ipFromString } from '../../include/uapi/in';
import type { Route } from '../../world/net';
import { fib_lookup, routeMetric, rt_cache_flush, type FibRoute } from './route';

/** RT_TABLE_MAIN is table id 254, the table `ip route` shows and changes. */
export const RT_TABLE_MAIN = 254;

/** RouteSpec is one `ip route add|del|replace` request (rtmsg + RTA_* attributes). */
export interface RouteSpec {
  readonly dst: string;
  readonly prefixLen: number;
  readonly gw: string | null;
  readonly dev: string | null;
  readonly prefsrc: string | null;
  /** metric is RTA_PRIORITY; null when not given (add uses 0, del matches any). */
  readonly metric: number | null;
}

/** mainTable lists table main in fib_trie dump order: by prefix, longer prefixes first, then by metric. */
export function mainTable(h: Host): Route[] {
  return h.net.routes
    .filter((r) => r.table === RT_TABLE_MAIN)
    .map((r, i) => ({ r, i, key: ipFromString(r.dst) ?? 0 }))
    .sort(
      (a, b) =>
        a.key - b.key || b.r.prefixLen - a.r.prefixLen || routeMetric(a.r) - routeMetric(b.r) || a.i - b.i,
    )
    .map((x) => x.r);
}

/** rtnlError is the text ip prints for an errno, or for the extack message 6.x attaches to it. */
function rtnlError(h: Host, strerror: string, extack: string | null): string {
  return extack !== null && h.profile.version === '6.x'
    ? `Error: ${extack}`
    : `RTNETLINK answers: ${strerror}`;
}

/** devAddress is the primary address inet_select_addr picks on dev. */
function devAddress(h: Host, dev: string): string {
  if (dev === 'lo') return '127.0.0.1';
  return h.net.routes.find((r) => r.table === 255 && r.type === 'local' && r.dev === dev)?.dst ?? '0.0.0.0';
}

/** isLocalAddress is inet_addr_type(addr) == RTN_LOCAL. */
function isLocalAddress(h: Host, addr: string): boolean {
  return (
    addr === '127.0.0.1' || h.net.routes.some((r) => r.table === 255 && r.type === 'local' && r.dst === addr)
  );
}

/** fib_create_info checks the request's nexthop and prefsrc and builds the route, or returns the error text. */
function fib_create_info(h: Host, spec: RouteSpec): FibRoute | string {
  return h.kcall(
    'fib_create_info',
    `dst=${spec.dst}/${spec.prefixLen}`,
    (): FibRoute | string => {
      let dev = spec.dev;
      if (spec.gw !== null) {
        // fib_check_nh: the gateway must be on a directly connected (scope link) route.
        const gw = spec.gw;
        const via = h.kcall('fib_check_nh', `gw=${gw}`, () => {
          const r = fib_lookup(h, ipFromString(gw)!);
          const direct =
            r !== null && r.gw === null && r.type !== 'broadcast' && (dev === null || r.dev === dev);
          return direct ? r : null;
        });
        if (via === null) {
          h.kerr('ENETUNREACH', `gateway ${gw} is not on a directly connected network`);
          return rtnlError(h, 'Network is unreachable', 'Nexthop has invalid gateway.');
        }
        dev ??= via.dev;
      }
      if (dev === null) {
        return rtnlError(h, 'No such device', null);
      }
      if (spec.prefsrc !== null && !isLocalAddress(h, spec.prefsrc)) {
        h.kerr('EINVAL', `prefsrc ${spec.prefsrc} is not a local address`);
        return rtnlError(h, 'Invalid argument', 'Invalid prefsrc address.');
      }
      return {
        table: RT_TABLE_MAIN,
        dst: spec.dst,
        prefixLen: spec.prefixLen,
        type: 'unicast',
        dev,
        src: spec.prefsrc ?? devAddress(h, dev),
        gw: spec.gw,
        metric: spec.metric ?? 0,
        prefsrc: spec.prefsrc,
      };
    },
    'net/ipv4/fib_semantics.c',
  );
}

/** checkPrefix rejects a destination with host bits set beyond its prefix length (fib_table_insert/delete's key & ~mask). */
function checkPrefix(h: Host, spec: RouteSpec): string | null {
  const mask = spec.prefixLen === 0 ? 0 : (~0 << (32 - spec.prefixLen)) >>> 0;
  if (((ipFromString(spec.dst) ?? 0) & ~mask) >>> 0 === 0) return null;
  h.kerr('EINVAL', `${spec.dst} has bits set outside /${spec.prefixLen}`);
  return rtnlError(h, 'Invalid argument', 'Invalid prefix for given prefix length.');
}

/** sameKey tells whether r is the alias (dst, prefix length, priority) a request names. */
function sameKey(r: Route, spec: RouteSpec, metric: number): boolean {
  return (
    r.table === RT_TABLE_MAIN &&
    r.dst === spec.dst &&
    r.prefixLen === spec.prefixLen &&
    routeMetric(r) === metric
  );
}

/** inet_rtm_newroute is `ip route add` (replace=false) or `ip route replace` (replace=true): null or ip's error text. */
export function inet_rtm_newroute(h: Host, spec: RouteSpec, replace: boolean): string | null {
  const what = `${spec.dst}/${spec.prefixLen}${spec.gw === null ? '' : ` via ${spec.gw}`}`;
  return h.kcall(
    'inet_rtm_newroute',
    what,
    () =>
      h.kcall(
        'fib_table_insert',
        `tb_id=${RT_TABLE_MAIN}, ${what}`,
        (): string | null => {
          const bad = checkPrefix(h, spec);
          if (bad !== null) return bad;
          const fi = fib_create_info(h, spec);
          if (typeof fi === 'string') return fi;
          const at = h.net.routes.findIndex((r) => sameKey(r, spec, fi.metric));
          if (at >= 0 && !replace) {
            h.kerr('EEXIST', `${what} metric ${fi.metric} is already in table main (NLM_F_EXCL)`);
            return rtnlError(h, 'File exists', null);
          }
          if (at >= 0) h.net.routes.splice(at, 1, fi);
          else h.net.routes.push(fi);
          rt_cache_flush(h);
          return null;
        },
        'net/ipv4/fib_trie.c',
      ),
    'net/ipv4/fib_frontend.c',
  );
}

/** inet_rtm_delroute is `ip route del`: the first route matching every given attribute goes; null or ip's error text. */
export function inet_rtm_delroute(h: Host, spec: RouteSpec): string | null {
  const what = `${spec.dst}/${spec.prefixLen}`;
  return h.kcall(
    'inet_rtm_delroute',
    what,
    () =>
      h.kcall(
        'fib_table_delete',
        `tb_id=${RT_TABLE_MAIN}, ${what}`,
        (): string | null => {
          const bad = checkPrefix(h, spec);
          if (bad !== null) return bad;
          const at = h.net.routes.findIndex(
            (r) =>
              r.table === RT_TABLE_MAIN &&
              r.dst === spec.dst &&
              r.prefixLen === spec.prefixLen &&
              (spec.metric === null || routeMetric(r) === spec.metric) &&
              (spec.gw === null || r.gw === spec.gw) &&
              (spec.dev === null || r.dev === spec.dev) &&
              (spec.prefsrc === null || r.src === spec.prefsrc),
          );
          if (at < 0) {
            return rtnlError(h, 'No such process', null);
          }
          h.net.routes.splice(at, 1);
          rt_cache_flush(h);
          return null;
        },
        'net/ipv4/fib_trie.c',
      ),
    'net/ipv4/fib_frontend.c',
  );
}
