// net/ipv4/arp.c: arp_solicit / arp_send build ARP requests and replies (bytes by core/wire)
// and arp_rcv → arp_process answers requests for our addresses and confirms neighbours on
// replies (neigh_update → NUD_REACHABLE).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { NUD, type Neighbour } from '../../include/net/neighbour';
import { ETH_HLEN, ETH_P_ARP } from '../../include/uapi/if_ether';
import { ipFromString, ipToString } from '../../include/uapi/in';
import { arp as wireArp, isWireError } from '../../../wire';
import { dev_queue_xmit } from '../core/dev';
import { __neigh_create, dev_hard_header, neigh_lookup, neigh_update } from '../core/neighbour';
import { alloc_skb, consume_skb, kfree_skb, skb_put, skb_reserve, skbData } from '../core/skbuff';
import { ipv4_link_failure } from './route';

/** arp_send builds one ARP packet on dev and queues it for transmission. */
function arp_send(
  h: Host,
  op: number,
  dev: string,
  targetIp: string,
  targetMac: string,
  ethDst: string,
): void {
  h.kcall('arp_send', `${op === 1 ? 'ARPOP_REQUEST' : 'ARPOP_REPLY'}, ${targetIp}`, () => {
    const d = h.net.devices.get(dev)!;
    const src = h.net.routes.find((r) => r.type === 'local' && r.dev === dev)?.src ?? '0.0.0.0';
    const skb = h.kcall('arp_create', '', () => {
      const s = alloc_skb(h, ETH_HLEN + wireArp.ARP_ETH_IPV4_LEN + 2);
      skb_reserve(h, s, ETH_HLEN + 2);
      const at = skb_put(h, s, wireArp.ARP_ETH_IPV4_LEN);
      wireArp.emit(
        {
          operation: op,
          senderMac: d.f.dev_addr,
          senderIp: ipFromString(src)!,
          targetMac,
          targetIp: ipFromString(targetIp)!,
        },
        s.head.subarray(at, at + wireArp.ARP_ETH_IPV4_LEN),
      );
      kset(h, s, 'dev', dev);
      kset(h, s, 'protocol', ETH_P_ARP);
      dev_hard_header(h, s, ethDst, ETH_P_ARP);
      return s;
    });
    h.kcall('arp_xmit', `skb=${skb.addr}`, () => dev_queue_xmit(h, skb));
  });
}

/** arp_solicit sends the ARP request who-has n.primary_key (arp_hh_ops.solicit): unicast to the known address while probing (NUD_PROBE), else broadcast. */
export function arp_solicit(h: Host, n: Neighbour): void {
  const dst = n.f.nud_state === NUD.NUD_PROBE ? n.f.ha : 'ff:ff:ff:ff:ff:ff';
  arp_send(h, wireArp.ARPOP_REQUEST, n.f.dev, n.f.primary_key, '00:00:00:00:00:00', dst);
}

/** arp_rcv takes an ARP skb from netif_receive_skb (arp_packet_type.func) and processes it. */
export function arp_rcv(h: Host, skb: SkBuff): number {
  return h.kcall('arp_process', `skb=${skb.addr}`, () => {
    const parsed = wireArp.parse(new wireArp.ArpPacket(skbData(skb)));
    if (isWireError(parsed)) {
      kfree_skb(h, skb, 'SKB_DROP_REASON_PKT_TOO_SMALL', ETH_P_ARP);
      return 0;
    }
    const dev = skb.f.dev ?? 'eth0';
    const sip = ipToString(parsed.senderIp);
    const tip = ipToString(parsed.targetIp);
    const mine = h.net.routes.some((r) => r.type === 'local' && r.dst === tip);
    if (parsed.operation === wireArp.ARPOP_REQUEST && mine) {
      const n = neigh_lookup(h, sip, dev) ?? __neigh_create(h, sip, dev);
      neigh_update(h, n, parsed.senderMac, NUD.NUD_STALE);
      arp_send(h, wireArp.ARPOP_REPLY, dev, sip, parsed.senderMac, parsed.senderMac);
    } else if (parsed.operation === wireArp.ARPOP_REPLY) {
      const n = neigh_lookup(h, sip, dev);
      if (n !== undefined && n.f.nud_state !== NUD.NUD_NOARP && n.f.nud_state !== NUD.NUD_PERMANENT)
        neigh_update(h, n, parsed.senderMac, NUD.NUD_REACHABLE);
    }
    consume_skb(h, skb);
    return 0;
  });
}

/** arp_error_report is arp_generic_ops.error_report: an skb left on a FAILED neighbour's arp_queue reports the link failure, then is dropped. */
export function arp_error_report(h: Host, n: Neighbour, skb: SkBuff): void {
  h.kcall(
    'arp_error_report',
    `n=${n.addr}, skb=${skb.addr}`,
    () => {
      ipv4_link_failure(h, skb);
      kfree_skb(h, skb, 'SKB_DROP_REASON_NEIGH_FAILED');
    },
    'net/ipv4/arp.c',
  );
}
