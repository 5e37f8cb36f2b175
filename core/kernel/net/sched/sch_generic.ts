// net/sched/sch_generic.c pfifo_fast, the default root qdisc of a device with a transmit
// queue: packets wait (in band order, one band here) while the NIC is busy, and a packet
// arriving when tx_queue_len are already waiting is dropped (qdisc_drop, NET_XMIT_DROP). The
// NIC's busy time comes from the link (HostNet.txBacklog), so an empty queue is bypassed
// (TCQ_F_CAN_BYPASS → sch_direct_xmit) exactly as before.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import type { NetDevice } from '../../world/net';
import { kfree_skb } from '../core/skbuff';

/** NET_XMIT_DROP is the qdisc's "packet dropped" return (include/linux/netdevice.h). */
export const NET_XMIT_DROP = 1;

/** pfifo_fast_enqueue admits skb behind the frames the NIC has not sent yet, or drops it past tx_queue_len; 0 or NET_XMIT_DROP. */
export function pfifo_fast_enqueue(h: Host, dev: NetDevice, skb: SkBuff, xmit: () => number): number {
  const backlog = dev.f.name === 'eth0' ? (h.net.txBacklog?.() ?? 0) : 0;
  kset(h, dev, 'qdisc_qlen', backlog);
  if (backlog === 0) return h.kcall('sch_direct_xmit', `skb=${skb.addr}`, xmit, 'net/sched/sch_generic.c');
  return h.kcall(
    'pfifo_fast_enqueue',
    `skb=${skb.addr}, qlen=${backlog}`,
    () => {
      if (backlog >= dev.f.tx_queue_len) {
        h.kcall(
          'qdisc_drop',
          `skb=${skb.addr}`,
          () => kfree_skb(h, skb, 'SKB_DROP_REASON_QDISC_DROP'),
          'include/net/sch_generic.h',
        );
        return NET_XMIT_DROP;
      }
      kset(h, dev, 'qdisc_qlen', backlog + 1);
      return h.kcall(
        '__qdisc_run',
        '',
        () => h.kcall('sch_direct_xmit', `skb=${skb.addr}`, xmit, 'net/sched/sch_generic.c'),
        'net/sched/sch_generic.c',
      );
    },
    'net/sched/sch_generic.c',
  );
}
