// net/ipv4/ip_output.c: ip_local_out → __ip_local_out (ip_send_check, NF_INET_LOCAL_OUT) →
// dst_output → ip_output (NF_INET_POST_ROUTING) → ip_finish_output → ip_finish_output2 →
// the neighbour layer with the era's lookup and output functions (reference §2.7).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { NUD_CONNECTED } from '../../include/net/neighbour';
import type { Rtable } from '../../include/net/route';
import { ETH_P_IP } from '../../include/uapi/if_ether';
import { checksum, ipv4 } from '../../../wire';
import type { Sock } from '../../include/net/sock';
import { kchain } from '../../host/chain';
import { ipFromString } from '../../include/uapi/in';
import { ip_route_output, sk_dst_check } from './route';
import { __neigh_create, neigh_hh_output, neigh_lookup, neigh_resolve_output } from '../core/neighbour';
import { kfree_skb, skb_push, skbData } from '../core/skbuff';
import { nf_hook } from '../netfilter/core';
import { ip_fragment } from './ip_fragment';
import { ip_mc_output } from './ip_mc_output';

/** ip_send_check recomputes the IPv4 header checksum at skb->network_header. */
export function ip_send_check(skb: SkBuff): void {
  const n = skb.f.network_header;
  const b = skb.head;
  const hlen = (b[n]! & 0x0f) * 4;
  b[n + 10] = 0;
  b[n + 11] = 0;
  const c = checksum.internetChecksum(b, n, n + hlen);
  b[n + 10] = c >>> 8;
  b[n + 11] = c & 0xff;
}

/** ip_local_out sends a locally built IPv4 packet: __ip_local_out, then dst_output when the hook accepted it. */
export function ip_local_out(h: Host, skb: SkBuff): number {
  return h.kcall('ip_local_out', `skb=${skb.addr}`, () => {
    const err = h.kcall('__ip_local_out', `skb=${skb.addr}`, () => {
      const n = skb.f.network_header;
      const tot = skb.f.tail - n;
      skb.head[n + 2] = tot >>> 8;
      skb.head[n + 3] = tot & 0xff;
      h.kcall('ip_send_check', '', () => ip_send_check(skb), 'include/net/ip.h');
      if (h.profile.version !== '2.6.32') kset(h, skb, 'protocol', ETH_P_IP);
      return nf_hook(h, 'NF_INET_LOCAL_OUT', skb, () => 1);
    });
    return err === 1 ? dst_output(h, skb) : err;
  });
}

/** dst_output calls skb_dst(skb)->output: ip_output, or ip_mc_output for a broadcast route. */
export function dst_output(h: Host, skb: SkBuff): number {
  const rt = h.live.get(skb.f.dst ?? '') as Rtable | undefined;
  return h.kcall(
    'dst_output',
    `skb=${skb.addr}`,
    () => (rt?.f['dst.output'] === 'ip_mc_output' ? ip_mc_output(h, skb) : ip_output(h, skb)),
    'include/net/dst.h',
  );
}

/** ip_output sets the device and protocol and runs NF_INET_POST_ROUTING before ip_finish_output. */
export function ip_output(h: Host, skb: SkBuff): number {
  return h.kcall('ip_output', `skb=${skb.addr} via dst->output`, () => {
    const rt = h.live.get(skb.f.dst ?? '') as Rtable | undefined;
    if (rt === undefined) throw new Error(`ip_output: skb ${skb.addr} has no route`);
    kset(h, skb, 'dev', rt.f['dst.dev']);
    kset(h, skb, 'protocol', ETH_P_IP);
    return nf_hook(h, 'NF_INET_POST_ROUTING', skb, () => ip_finish_output(h, skb, rt));
  });
}

/** ip_finish_output checks the MTU: a longer packet goes through ip_fragment, each fragment to ip_finish_output2. */
export function ip_finish_output(h: Host, skb: SkBuff, rt: Rtable): number {
  return h.kcall('ip_finish_output', `skb=${skb.addr}`, () => {
    const mtu = h.net.devices.get(rt.f['dst.dev'] ?? '')?.f.mtu ?? 1500;
    if (skb.f.len > mtu) return ip_fragment(h, skb, mtu, (frag) => ip_finish_output2(h, frag, rt));
    return ip_finish_output2(h, skb, rt);
  });
}

/** ip_finish_output2 finds (or creates) the next hop's neighbour and hands the skb to it. */
function ip_finish_output2(h: Host, skb: SkBuff, rt: Rtable): number {
  return h.kcall('ip_finish_output2', `skb=${skb.addr}`, () => {
    const dev = rt.f['dst.dev'] ?? 'eth0';
    const d = skbData(skb);
    const daddr = `${d[16]}.${d[17]}.${d[18]}.${d[19]}`;
    const nexthop = rt.f.rt_gateway !== '0.0.0.0' ? rt.f.rt_gateway : daddr;
    let n = neigh_lookup(h, nexthop, dev);
    for (const fn of h.profile.neighLookup) h.kcall(fn, `dev=${dev}, ${nexthop}`, () => n ?? null);
    n ??= __neigh_create(h, nexthop, dev);
    const nn = n;
    const out = h.profile.neighOutput;
    const send = (): number =>
      (nn.f.nud_state & NUD_CONNECTED) !== 0 && nn.f.hh_len > 0
        ? neigh_hh_output(h, nn, skb)
        : neigh_resolve_output(h, nn, skb);
    // 2.6.32 calls dst->hh / dst->neighbour->output directly; later eras go through a named helper.
    return out.includes('->') ? send() : h.kcall(out, `n=${nn.addr}, skb=${skb.addr}`, send);
  });
}

/** ip_queue_xmit routes (or reuses sk_dst_cache), builds the IPv4 header and calls ip_local_out (ip_output.c). */
export function ip_queue_xmit(h: Host, sk: Sock, skb: SkBuff): number {
  return kchain(h, h.profile.wrappers['ip_queue_xmit'] ?? [], `sk=${sk.addr}, skb=${skb.addr}`, () =>
    ipQueueXmit(h, sk, skb),
  );
}

/** ipQueueXmit is the body of ip_queue_xmit (6.x: of __ip_queue_xmit). */
function ipQueueXmit(h: Host, sk: Sock, skb: SkBuff): number {
  let rt = sk_dst_check(h, sk, '__sk_dst_check');
  if (rt === undefined) {
    const r = ip_route_output(h, ipFromString(sk.f.inet_daddr)!);
    if (typeof r === 'number') {
      kfree_skb(h, skb, 'SKB_DROP_REASON_IP_OUTNOROUTES');
      return h.kerr('EHOSTUNREACH', `no route to ${sk.f.inet_daddr}`);
    }
    rt = r;
    sk_setup_caps(h, sk, rt);
  }
  kset(h, skb, 'dst', rt.addr);
  const at = skb_push(h, skb, 20);
  kset(h, skb, 'network_header', at);
  const id = Number(sk.f['inet_id']);
  kset(h, sk, 'inet_id', (id + 1) & 0xffff);
  const uc = Number(sk.f['uc_ttl']);
  ipv4.emit(
    {
      src: ipFromString(String(sk.f['inet_saddr']))!,
      dst: ipFromString(sk.f.inet_daddr)!,
      protocol: sk.f.sk_protocol,
      ttl: uc >= 0 ? uc : h.sysctl['net.ipv4.ip_default_ttl'],
      tos: Number(sk.f['tos']),
      id,
      reservedFlag: false,
      df: Number(sk.f['pmtudisc']) >= 1,
      mf: false,
      fragOffset: 0,
      options: new Uint8Array(0),
      payloadLen: skb.f.len - 20,
    },
    skb.head.subarray(at),
  );
  return ip_local_out(h, skb);
}

/** sk_setup_caps caches the route in sk_dst_cache and derives sk_route_caps (net/core/sock.c). */
export function sk_setup_caps(h: Host, sk: Sock, rt: Rtable): void {
  h.kcall(
    'sk_setup_caps',
    `sk=${sk.addr}, dst=${rt.addr}`,
    () => kset(h, sk, 'sk_dst_cache', rt.addr),
    'net/core/sock.c',
  );
}
