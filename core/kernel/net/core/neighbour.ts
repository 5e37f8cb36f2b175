// net/core/neighbour.c: the neighbour table, neigh_resolve_output with its resolution state
// machine (__neigh_event_send: NONE → INCOMPLETE with the skb parked on arp_queue, an ARP
// solicit, retries every retrans_time), neigh_update (→ REACHABLE, flush arp_queue) and the
// cached-header fast path neigh_hh_output. lo gets NUD_NOARP (arp_constructor on IFF_LOOPBACK). Reference §2.7, ARP defaults from arp_tbl.

import type { Host } from '../../host/host';
import { kalloc, kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { NEIGHBOUR_ZERO, NUD, NUD_CONNECTED, nudName, type Neighbour } from '../../include/net/neighbour';
import { ETH_HLEN, ETH_P_IP } from '../../include/uapi/if_ether';
import { arp_solicit } from '../ipv4/arp';
import { dev_queue_xmit } from './dev';
import { kfree_skb, skb_dequeue, skb_push, skb_queue_tail } from './skbuff';

/** ARP_RETRANS_NS is arp_tbl's retrans_time, 1 s. */
export const ARP_RETRANS_NS = 1_000_000_000;
/** ARP_MAX_PROBES is ucast_probes + mcast_probes (3 + 3) as neigh_max_probes counts them for a new entry. */
export const ARP_MAX_PROBES = 3;

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
  if ((n.f.nud_state & (NUD_CONNECTED | NUD.NUD_DELAY | NUD.NUD_PROBE)) !== 0) return 0;
  return h.kcall('__neigh_event_send', `n=${n.addr}, skb=${skb.addr}`, () => {
    if (n.f.nud_state === NUD.NUD_STALE) {
      setState(h, n, NUD.NUD_DELAY);
      return 0;
    }
    if (n.f.nud_state === NUD.NUD_NONE || n.f.nud_state === NUD.NUD_FAILED) {
      setState(h, n, NUD.NUD_INCOMPLETE);
      kset(h, n, 'probes', 0);
      if (h.profile.version === '2.6.32') armTimer(h, n, 1_000_000);
      else h.kcall('neigh_probe', `n=${n.addr}`, () => probe(h, n));
    }
    skb_queue_tail(h, n.arpQueue, 'arp_queue', skb);
    kset(h, n, 'arp_queue', n.arpQueue.length);
    return 1;
  });
}

/** probe sends one ARP solicit and arms the retransmit timer. */
function probe(h: Host, n: Neighbour): void {
  kset(h, n, 'probes', n.f.probes + 1);
  h.kcall('arp_solicit', `n=${n.addr} via arp_hh_ops.solicit`, () => arp_solicit(h, n), 'net/ipv4/arp.c');
  armTimer(h, n, ARP_RETRANS_NS);
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
    if (n.f.nud_state !== NUD.NUD_INCOMPLETE) return;
    h.trace.record('timer_fire', h.now, h.name, { timer: 'neigh_timer_handler', obj: n.addr });
    h.kcall('neigh_timer_handler', `n=${n.addr}`, () => {
      if (n.f.probes < ARP_MAX_PROBES) return probe(h, n);
      setState(h, n, NUD.NUD_FAILED);
      for (
        let skb = skb_dequeue(h, n.arpQueue, 'arp_queue');
        skb;
        skb = skb_dequeue(h, n.arpQueue, 'arp_queue')
      ) {
        kfree_skb(h, skb, 'SKB_DROP_REASON_NEIGH_FAILED');
      }
      kset(h, n, 'arp_queue', 0);
    });
  });
}

/** neigh_update records a confirmed hardware address and flushes the skbs waiting on arp_queue. */
export function neigh_update(h: Host, n: Neighbour, lladdr: string, state: number): void {
  h.kcall('neigh_update', `n=${n.addr}, ${lladdr}, ${nudName(state)}`, () => {
    if (n.timer !== undefined && (state & NUD_CONNECTED) !== 0) {
      h.sim.cancel(n.timer);
      n.timer = undefined;
    }
    setState(h, n, state, lladdr);
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
