// net/core/neighbour.c: the neighbour table, neigh_resolve_output with its resolution state
// machine (__neigh_event_send: NONE → INCOMPLETE with the skb parked on arp_queue, an ARP
// solicit, retries every retrans_time), neigh_update (→ REACHABLE, flush arp_queue) and the
// cached-header fast path neigh_hh_output. lo gets NUD_NOARP (arp_constructor on IFF_LOOPBACK). Reference §2.7, ARP defaults from arp_tbl.

import type { Host } from '../../host/host';
import { kalloc, kfree, kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { NEIGHBOUR_ZERO, NUD, NUD_CONNECTED, nudName, type Neighbour } from '../../include/net/neighbour';
import { ETH_HLEN, ETH_P_IP } from '../../include/uapi/if_ether';
import { arp_error_report, arp_solicit } from '../ipv4/arp';
import { dev_queue_xmit } from './dev';
import { kfree_skb, skb_dequeue, skb_push, skb_queue_tail } from './skbuff';

declare module '../../include/net/neighbour' {
  interface Neighbour {
    /** confirmed is when the address was last confirmed (neigh->confirmed), in ns. */
    confirmed?: number;
    /** used is when the entry was last used to send (neigh->used), in ns. */
    used?: number;
  }
}

/** ARP_RETRANS_NS is arp_tbl's retrans_time, 1 s. */
export const ARP_RETRANS_NS = 1_000_000_000;
/** ARP_MAX_PROBES is ucast_probes + mcast_probes (3 + 3) as neigh_max_probes counts them for a new entry. */
export const ARP_MAX_PROBES = 3;
/** BASE_REACHABLE_NS is arp_tbl's base_reachable_time, 30 s. */
export const BASE_REACHABLE_NS = 30_000_000_000;
/** DELAY_PROBE_NS is arp_tbl's delay_probe_time, 5 s. */
export const DELAY_PROBE_NS = 5_000_000_000;

/** neigh_lookup finds the neighbour for next hop ip on dev, or undefined. */
export function neigh_lookup(h: Host, ip: string, dev: string): Neighbour | undefined {
  return h.net.neighbours.get(`${dev}/${ip}`) as Neighbour | undefined;
}

/** __neigh_create makes a NUD_NONE entry (NUD_NOARP on lo) with the device's output function. */
export function __neigh_create(h: Host, ip: string, dev: string): Neighbour {
  return h.kcall('__neigh_create', `&arp_tbl, ${ip}, dev=${dev}`, () => {
    const n = Object.assign(kalloc(h, 'neighbour', 512, NEIGHBOUR_ZERO), {
      arpQueue: [] as SkBuff[],
    }) as Neighbour;
    kset(h, n, 'primary_key', ip);
    kset(h, n, 'dev', dev);
    kset(h, n, 'refcnt', 1);
    kset(h, n, 'output', 'neigh_resolve_output');
    if (dev === 'lo') setState(h, n, NUD.NUD_NOARP, '00:00:00:00:00:00');
    else if (h.net.routes.some((r) => r.type === 'broadcast' && r.dst === ip && r.dev === dev))
      setState(h, n, NUD.NUD_NOARP, h.net.devices.get(dev)?.f.broadcast ?? 'ff:ff:ff:ff:ff:ff'); // arp_constructor: RTN_BROADCAST
    h.net.neighbours.set(`${dev}/${ip}`, n);
    return n;
  });
}

/** setState records the neigh_update tracepoint and changes nud_state (and ha). */
function setState(h: Host, n: Neighbour, state: number, lladdr = n.f.ha): void {
  if (h.trace.wants('neigh_update')) {
    h.trace.record('neigh_update', h.now, h.name, {
      dev: n.f.dev,
      primary_key4: n.f.primary_key,
      lladdr: n.f.ha,
      nud_state: nudName(n.f.nud_state),
      new_lladdr: lladdr,
      new_state: nudName(state),
    });
  }
  kset(h, n, 'ha', lladdr);
  kset(h, n, 'nud_state', state);
}

/** dev_hard_header pushes the Ethernet header for dst MAC ha and ethertype (eth_header, net/ethernet/eth.c). */
export function dev_hard_header(h: Host, skb: SkBuff, ha: string, type = ETH_P_IP): void {
  h.kcall('dev_hard_header', `skb=${skb.addr}, ${ha}`, () => {
    const dev = h.net.devices.get(skb.f.dev ?? '')!;
    const at = skb_push(h, skb, ETH_HLEN);
    const put = (o: number, mac: string): void =>
      mac.split(':').forEach((x, i) => (skb.head[at + o + i] = parseInt(x, 16)));
    put(0, ha);
    put(6, dev.f.dev_addr);
    skb.head[at + 12] = type >>> 8;
    skb.head[at + 13] = type & 0xff;
  });
}

/** neigh_hh_output pushes the cached hardware header and queues the skb on the device (include/net/neighbour.h). */
export function neigh_hh_output(h: Host, n: Neighbour, skb: SkBuff): number {
  return h.kcall('neigh_hh_output', `hh=${n.addr}, skb=${skb.addr}`, () => {
    dev_hard_header(h, skb, n.f.ha);
    return dev_queue_xmit(h, skb);
  });
}

/** neigh_resolve_output sends at once when the neighbour is usable, else parks the skb while ARP resolves. */
export function neigh_resolve_output(h: Host, n: Neighbour, skb: SkBuff): number {
  return h.kcall('neigh_resolve_output', `n=${n.addr}, skb=${skb.addr} via neigh->output`, () => {
    if (neigh_event_send(h, n, skb) !== 0) return 0;
    if (n.f.hh_len === 0) h.kcall('neigh_hh_init', `n=${n.addr}`, () => kset(h, n, 'hh_len', ETH_HLEN));
    dev_hard_header(h, skb, n.f.ha);
    return dev_queue_xmit(h, skb);
  });
}

/** neigh_event_send returns 0 when the neighbour can be used now, 1 when the skb was queued for resolution. */
function neigh_event_send(h: Host, n: Neighbour, skb: SkBuff): number {
  neigh_age(h, n);
  n.used = h.now;
  if ((n.f.nud_state & (NUD_CONNECTED | NUD.NUD_DELAY | NUD.NUD_PROBE)) !== 0) return 0;
  return h.kcall('__neigh_event_send', `n=${n.addr}, skb=${skb.addr}`, () => {
    if (n.f.nud_state === NUD.NUD_STALE) {
      setState(h, n, NUD.NUD_DELAY);
      armTimer(h, n, DELAY_PROBE_NS);
      return 0;
    }
    if (n.f.nud_state === NUD.NUD_NONE || n.f.nud_state === NUD.NUD_FAILED) {
      setState(h, n, NUD.NUD_INCOMPLETE);
      kset(h, n, 'probes', 0);
      if (h.profile.version === '2.6.32') armTimer(h, n, 1_000_000);
      else h.kcall('neigh_probe', `n=${n.addr}`, () => probe(h, n));
    }
    arpQueueMakeRoom(h, n, skb);
    skb_queue_tail(h, n.arpQueue, 'arp_queue', skb);
    kset(h, n, 'arp_queue', n.arpQueue.length);
    return 1;
  });
}

/** arpQueueMakeRoom drops the oldest waiting skbs past the era's limit: 3 packets (2.6.32), 64 KiB (3.10), SK_WMEM_DEFAULT bytes (6.x). */
function arpQueueMakeRoom(h: Host, n: Neighbour, skb: SkBuff): void {
  const bytes = (): number => n.arpQueue.reduce((a, s) => a + s.f.truesize, 0);
  const full =
    h.profile.version === '2.6.32'
      ? (): boolean => n.arpQueue.length >= 3
      : (): boolean => bytes() + skb.f.truesize > (h.profile.version === '3.10' ? 65536 : 212992);
  while (n.arpQueue.length > 0 && full()) {
    const old = skb_dequeue(h, n.arpQueue, 'arp_queue')!;
    kfree_skb(h, old, 'SKB_DROP_REASON_NEIGH_QUEUEFULL');
  }
}

/** probe sends one ARP solicit and arms the retransmit timer. */
function probe(h: Host, n: Neighbour): void {
  kset(h, n, 'probes', n.f.probes + 1);
  h.kcall('arp_solicit', `n=${n.addr} via arp_hh_ops.solicit`, () => arp_solicit(h, n), 'net/ipv4/arp.c');
  armTimer(h, n, ARP_RETRANS_NS);
}

/** reachableTime is neigh_rand_reach_time(base_reachable_time): uniform in [base/2, 3·base/2), drawn here from the address so runs repeat. */
export function reachableTime(n: Neighbour): number {
  let x = 0;
  for (const c of `${n.f.dev}/${n.f.primary_key}`) x = (Math.imul(x, 31) + c.charCodeAt(0)) >>> 0;
  return BASE_REACHABLE_NS / 2 + (x % 1000) * (BASE_REACHABLE_NS / 1000);
}

/** armTimer schedules neigh_timer_handler after delay ns. */
function armTimer(h: Host, n: Neighbour, delay: number): void {
  h.trace.record('timer_set', h.now, h.name, {
    timer: 'neigh_timer_handler',
    obj: n.addr,
    expires: h.now + delay,
    by: h.current(),
  });
  if (n.timer !== undefined) h.sim.cancel(n.timer);
  n.timer = h.sim.after(delay, 'neigh_timer_handler', () => {
    n.timer = undefined;
    h.trace.record('timer_fire', h.now, h.name, { timer: 'neigh_timer_handler', obj: n.addr });
    h.kcall('neigh_timer_handler', `n=${n.addr}`, () => neigh_timer_handler(h, n));
  });
}

/**
 * neigh_age applies the REACHABLE timeout of neigh_timer_handler when the entry is next looked at
 * (sent through, listed): past confirmed + reachable_time it is STALE. SockLab ages lazily rather
 * than arming a timer per entry, so an idle world has no pending events; the state a packet or
 * `ip neigh` sees is the one Linux's timer would have left.
 */
export function neigh_age(h: Host, n: Neighbour): void {
  if (n.f.nud_state !== NUD.NUD_REACHABLE || h.now < (n.confirmed ?? 0) + reachableTime(n)) return;
  h.kcall('neigh_timer_handler', `n=${n.addr} (reachable_time passed)`, () => setState(h, n, NUD.NUD_STALE));
}

/** neigh_timer_handler moves the state machine on: DELAY to REACHABLE or PROBE, INCOMPLETE and PROBE retry until FAILED. */
function neigh_timer_handler(h: Host, n: Neighbour): void {
  const st = n.f.nud_state;
  const confirmed = n.confirmed ?? 0;
  if (st === NUD.NUD_DELAY) {
    if (h.now < confirmed + DELAY_PROBE_NS) return setState(h, n, NUD.NUD_REACHABLE);
    setState(h, n, NUD.NUD_PROBE);
    kset(h, n, 'probes', 0);
    return probe(h, n);
  }
  if (st !== NUD.NUD_INCOMPLETE && st !== NUD.NUD_PROBE) return;
  if (n.f.probes < ARP_MAX_PROBES) return probe(h, n);
  setState(h, n, NUD.NUD_FAILED);
  for (
    let skb = skb_dequeue(h, n.arpQueue, 'arp_queue');
    skb;
    skb = skb_dequeue(h, n.arpQueue, 'arp_queue')
  ) {
    arp_error_report(h, n, skb); // neigh->ops->error_report: ICMP host unreachable to the sender
  }
  kset(h, n, 'arp_queue', 0);
}

/** neigh_update records a confirmed hardware address and flushes the skbs waiting on arp_queue. */
export function neigh_update(h: Host, n: Neighbour, lladdr: string, state: number): void {
  h.kcall('neigh_update', `n=${n.addr}, ${lladdr}, ${nudName(state)}`, () => {
    if (n.timer !== undefined && (state & NUD_CONNECTED) !== 0) {
      h.sim.cancel(n.timer);
      n.timer = undefined;
    }
    if (
      state === NUD.NUD_STALE &&
      (n.f.nud_state & (NUD_CONNECTED | NUD.NUD_DELAY | NUD.NUD_PROBE)) !== 0 &&
      n.f.ha === lladdr
    )
      return;
    setState(h, n, state, lladdr);
    if (state === NUD.NUD_REACHABLE) n.confirmed = h.now;
    for (
      let skb = skb_dequeue(h, n.arpQueue, 'arp_queue');
      skb;
      skb = skb_dequeue(h, n.arpQueue, 'arp_queue')
    ) {
      kset(h, n, 'arp_queue', n.arpQueue.length);
      neigh_resolve_output(h, n, skb);
    }
  });
}

/** neigh_flush is `ip neigh flush dev DEV` (neigh_flush_dev): every resolved or failed entry on dev (all devices when omitted) goes; NOARP and PERMANENT stay. It returns how many went. */
export function neigh_flush(h: Host, dev?: string): number {
  return h.kcall(
    'neigh_flush_dev',
    `&arp_tbl, dev=${dev ?? 'all'}`,
    () => {
      let n = 0;
      for (const [key, e] of [...h.net.neighbours.entries()]) {
        const nb = e as Neighbour;
        if (dev !== undefined && nb.f.dev !== dev) continue;
        if ((nb.f.nud_state & (NUD.NUD_NOARP | NUD.NUD_PERMANENT)) !== 0) continue;
        if (nb.timer !== undefined) h.sim.cancel(nb.timer);
        nb.timer = undefined;
        for (
          let skb = skb_dequeue(h, nb.arpQueue, 'arp_queue');
          skb;
          skb = skb_dequeue(h, nb.arpQueue, 'arp_queue')
        )
          kfree_skb(h, skb, 'SKB_DROP_REASON_NEIGH_DEAD');
        setState(h, nb, NUD.NUD_NONE);
        h.net.neighbours.delete(key);
        kfree(h, nb);
        n++;
      }
      return n;
    },
    'net/core/neighbour.c',
  );
}

/** neighShow is `ip neigh show`: one line per entry, e.g. "10.0.0.2 dev eth0 lladdr 02:00:00:00:00:02 REACHABLE". */
export function neighShow(h: Host, dev?: string): string[] {
  const out: string[] = [];
  for (const e of h.net.neighbours.values()) {
    const n = e as Neighbour;
    if ((dev !== undefined && n.f.dev !== dev) || n.f.dev === 'lo') continue;
    neigh_age(h, n);
    const st = nudName(n.f.nud_state).replace('NUD_', '');
    const ll =
      (n.f.nud_state & (NUD.NUD_INCOMPLETE | NUD.NUD_FAILED | NUD.NUD_NONE)) !== 0 || n.f.nud_state === 0
        ? ''
        : ` lladdr ${n.f.ha}`;
    out.push(`${n.f.primary_key} dev ${n.f.dev}${ll} ${st}`);
  }
  return out;
}

/** neigh_confirm records that traffic from ip on dev proved the neighbour reachable (dst_confirm after TCP forward progress). */
export function neigh_confirm(h: Host, ip: string, dev: string): void {
  const n = neigh_lookup(h, ip, dev);
  if (n !== undefined) n.confirmed = h.now;
}
