// net/core/dev.c and net/sched/sch_generic.c: transmit (dev_queue_xmit → the root qdisc →
// sch_direct_xmit → dev_hard_start_xmit → ndo_start_xmit) and receive (netif_receive_skb →
// the packet_type dispatch to ip_rcv or arp_rcv). The root qdisc is pfifo_fast (a bounded
// queue behind a busy NIC, net/sched/sch_generic.ts) or netem (net/sched/sch_netem.ts). The
// drivers are the loopback device and SockLab's Ethernet NIC, whose frames go onto the
// world's segment.

import { kchain } from '../../host/chain';
import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { ETH_P_ARP, ETH_P_IP } from '../../include/uapi/if_ether';
import { ip_rcv } from '../ipv4/ip_input';
import { pfifo_fast_enqueue } from '../sched/sch_generic';
import { netem_enqueue, netemOf } from '../sched/sch_netem';
import { arp_rcv } from '../ipv4/arp';
import { alloc_skb, consume_skb, kfree_skb, skb_pull, skb_put, skb_reserve, skbData } from './skbuff';

/** PacketHandler is a packet_type's func: ip_rcv or arp_rcv. */
export type PacketHandler = (h: Host, skb: SkBuff) => number;

/** PTYPE_BASE is ptype_base: ETH_P_* → the registered packet_type's func, one row per type. */
// prettier-ignore
const PTYPE_BASE: ReadonlyMap<number, readonly [string, PacketHandler]> = new Map([
  [ETH_P_IP, ['ip_rcv', ip_rcv]], // ip_packet_type (net/ipv4/af_inet.c)
  [ETH_P_ARP, ['arp_rcv', arp_rcv]], // arp_packet_type (net/ipv4/arp.c)
]);

/** devOf returns the net_device an skb leaves on. */
function devOf(h: Host, skb: SkBuff) {
  const dev = h.net.devices.get(skb.f.dev ?? '');
  if (dev === undefined) throw new Error(`dev_queue_xmit: skb ${skb.addr} has no device`);
  return dev;
}

/** dev_hard_start_xmit hands the skb to the driver's ndo_start_xmit through the era's chain. */
function dev_hard_start_xmit(h: Host, skb: SkBuff): number {
  const dev = devOf(h, skb);
  return kchain(h, h.profile.devStartXmit, `skb=${skb.addr}, dev=${dev.f.name}`, () => {
    const len = skb.f.len;
    const rc = h.kcall(
      dev.f.ndo_start_xmit,
      `skb=${skb.addr}, dev=${dev.f.name} via ${dev.f.netdev_ops}.ndo_start_xmit`,
      () => (dev.f.name === 'lo' ? loopback_xmit(h, skb) : eth_xmit(h, skb)),
    );
    if (h.trace.wants('net_dev_xmit'))
      h.trace.record('net_dev_xmit', h.now, h.name, { name: dev.f.name, skbaddr: skb.addr, len, rc });
    return rc;
  });
}

/** dev_queue_xmit queues an skb on its device: the qdisc (bypassed when empty) or noqueue straight to the driver. */
export function dev_queue_xmit(h: Host, skb: SkBuff): number {
  const dev = devOf(h, skb);
  return kchain(h, h.profile.devQueueXmit, `skb=${skb.addr}`, () => {
    kset(h, skb, 'mac_header', skb.f.data);
    if (h.trace.wants('net_dev_queue'))
      h.trace.record('net_dev_queue', h.now, h.name, { name: dev.f.name, skbaddr: skb.addr, len: skb.f.len });
    if (dev.f.qdisc === 'noqueue') return dev_hard_start_xmit(h, skb);
    return h.kcall('__dev_xmit_skb', `skb=${skb.addr}, q=${dev.f.qdisc}`, () => {
      const netem = dev.f.qdisc === 'netem' ? netemOf(dev) : undefined;
      if (netem !== undefined) return netem_enqueue(h, netem, skb, (s) => dev_hard_start_xmit(h, s));
      return pfifo_fast_enqueue(h, dev, skb, () => dev_hard_start_xmit(h, skb));
    });
  });
}

/** eth_xmit is SockLab's NIC driver: the frame goes onto the segment, the skb is consumed. */
function eth_xmit(h: Host, skb: SkBuff): number {
  const bytes = skbData(skb).slice();
  const frame = h.trace.wants('frame_tx') ? h.trace.addFrame(bytes) : -1;
  h.trace.record('frame_tx', h.now, h.name, { dev: 'eth0', len: bytes.length, frame, by: h.current() });
  h.net.wire?.(h, 'eth0', bytes);
  consume_skb(h, skb);
  return 0;
}

/** loopback_xmit is drivers/net/loopback.c: eth_type_trans, then netif_rx onto the backlog. */
function loopback_xmit(h: Host, skb: SkBuff): number {
  kset(h, skb, 'sk', null);
  eth_type_trans(h, skb);
  netif_rx(h, skb);
  return 0;
}

/** netif_rx puts skb on the CPU's backlog; the receive softirq (process_backlog) hands it to netif_receive_skb. */
export function netif_rx(h: Host, skb: SkBuff): void {
  h.kcall('netif_rx', `skb=${skb.addr}`, () => {
    h.sim.after(0, 'process_backlog', () =>
      h.kcall('net_rx_action', '', () => h.kcall('process_backlog', '', () => netif_receive_skb(h, skb))),
    );
  });
}

/** eth_type_trans sets skb->protocol from the Ethernet header and pulls it (net/ethernet/eth.c). */
function eth_type_trans(h: Host, skb: SkBuff): void {
  h.kcall(
    'eth_type_trans',
    `skb=${skb.addr}`,
    () => {
      const d = skbData(skb);
      kset(h, skb, 'mac_header', skb.f.data);
      kset(h, skb, 'protocol', (d[12]! << 8) | d[13]!);
      skb_pull(h, skb, 14);
    },
    'net/ethernet/eth.c',
  );
}

/** netif_receive_skb delivers a received skb to its packet_type handler through the era's chain. */
export function netif_receive_skb(h: Host, skb: SkBuff): number {
  return kchain(h, h.profile.netifReceive, `skb=${skb.addr}`, () => {
    if (h.trace.wants('netif_receive_skb'))
      h.trace.record('netif_receive_skb', h.now, h.name, {
        name: skb.f.dev ?? '',
        skbaddr: skb.addr,
        len: skb.f.len,
      });
    const pt = PTYPE_BASE.get(skb.f.protocol);
    if (pt === undefined) {
      kfree_skb(h, skb, 'SKB_DROP_REASON_UNHANDLED_PROTO', skb.f.protocol);
      return 1;
    }
    return h.kcall(
      pt[0],
      `skb=${skb.addr} via ptype_base[0x${skb.f.protocol.toString(16).padStart(4, '0')}]`,
      () => pt[1](h, skb),
    );
  });
}

/** frameArrived is the NIC's receive: filter by MAC, build an skb, then the softirq's netif_receive_skb. */
export function frameArrived(h: Host, devName: string, bytes: Uint8Array): void {
  const dev = h.net.devices.get(devName);
  if (dev === undefined) return;
  const frame = h.trace.wants('frame_rx') ? h.trace.addFrame(bytes) : -1;
  h.trace.record('frame_rx', h.now, h.name, { dev: devName, len: bytes.length, frame });
  const dst = [...bytes.subarray(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join(':');
  if (dst !== dev.f.dev_addr && dst !== 'ff:ff:ff:ff:ff:ff') return;
  h.kcall('net_rx_action', '', () =>
    h.kcall('socklab_eth_poll', `dev=${devName}`, () => {
      const skb = alloc_skb(h, bytes.length + 2);
      skb_reserve(h, skb, 2);
      skb.head.set(bytes, skb_put(h, skb, bytes.length));
      kset(h, skb, 'dev', devName);
      eth_type_trans(h, skb);
      return netif_receive_skb(h, skb);
    }),
  );
}
