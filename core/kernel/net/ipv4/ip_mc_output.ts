// net/ipv4/ip_output.c ip_mc_output for broadcast routes (RTCF_BROADCAST): like ip_output it
// sets the device and runs NF_INET_POST_ROUTING, and first loops a clone of the packet back
// to this host (dev_loopback_xmit → netif_rx), so local sockets bound to the port receive the
// broadcast too, as on Linux.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import type { Rtable } from '../../include/net/route';
import { ETH_P_IP } from '../../include/uapi/if_ether';
import { netif_rx } from '../core/dev';
import { skb_clone } from '../core/skbuff';
import { nf_hook } from '../netfilter/core';
import { ip_finish_output } from './ip_output';

/** ip_mc_output is dst->output of a broadcast route: loop a copy back, then send the packet on its device. */
export function ip_mc_output(h: Host, skb: SkBuff): number {
  return h.kcall(
    'ip_mc_output',
    `skb=${skb.addr} via dst->output`,
    () => {
      const rt = h.live.get(skb.f.dst ?? '') as Rtable;
      kset(h, skb, 'dev', rt.f['dst.dev']);
      kset(h, skb, 'protocol', ETH_P_IP);
      const copy = skb_clone(h, skb);
      nf_hook(h, 'NF_INET_POST_ROUTING', copy, () => dev_loopback_xmit(h, copy));
      return nf_hook(h, 'NF_INET_POST_ROUTING', skb, () => ip_finish_output(h, skb, rt));
    },
    'net/ipv4/ip_output.c',
  );
}

/** dev_loopback_xmit hands the looped copy to the receive path of the same device (net/core/dev.c). */
function dev_loopback_xmit(h: Host, skb: SkBuff): number {
  return h.kcall(
    'dev_loopback_xmit',
    `skb=${skb.addr}`,
    () => {
      kset(h, skb, 'mac_header', skb.f.network_header);
      kset(h, skb, 'sk', null);
      netif_rx(h, skb);
      return 0;
    },
    'net/core/dev.c',
  );
}
