// net/ipv4/raw.c: raw sockets (CAP_NET_RAW). raw_sendmsg sends the user's bytes as the IP
// payload (ip_append_data → ip_push_pending_frames), or, with hdrincl (IPPROTO_RAW or
// IP_HDRINCL), the user's whole IP header through raw_send_hdrinc, which only fills in the
// total length, a zero source address, a zero id and the header checksum. raw_local_deliver
// gives every raw socket bound to a packet's protocol a clone of it (with the IP header);
// raw_recvmsg returns the packet from its IP header on.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { ipFromString, ipToString, type SockaddrIn } from '../../include/uapi/in';
import { MSG_OOB } from '../../include/uapi/socket';
import type { Task } from '../../sched/task';
import { alloc_skb, kfree_skb, skb_clone, skb_push, skb_put, skb_reserve } from '../core/skbuff';
import { nf_hook } from '../netfilter/core';
import { appendData, ipAppendCheck, makeIpHeader, routeMtu, sourceFor, type Datagram } from './ip_make_skb';
import { dst_output, ip_local_out, ip_send_check } from './ip_output';
import { datagramRecv, datagramRoute, sock_queue_rcv_skb } from './datagram';

/** raw_sendmsg sends data on a raw socket: as the payload, or as a whole packet when hdrincl; the length or -errno. */
export function raw_sendmsg(
  h: Host,
  _task: Task,
  sk: Sock,
  data: Uint8Array,
  flags: number,
  dst: SockaddrIn | null,
): number {
  return h.kcall(
    'raw_sendmsg',
    `sk=${sk.addr}, len=${data.length} via raw_prot.sendmsg`,
    () => {
      if (data.length > 0xffff) return h.kerr('EMSGSIZE', `${data.length} bytes exceed 65535`);
      if ((flags & MSG_OOB) !== 0) return h.kerr('EOPNOTSUPP', 'MSG_OOB on a raw socket');
      if (dst !== null && dst.family !== 2 && dst.family !== 0)
        return h.kerr('EAFNOSUPPORT', `sin_family ${dst.family} is not AF_INET`);
      if (dst === null && sk.f.sk_state !== TCP_STATE.TCP_ESTABLISHED)
        return h.kerr('EDESTADDRREQ', 'the socket is not connected and no address was given');
      const daddr = dst !== null ? ipToString(dst.addr) : sk.f.inet_daddr;
      const rt = datagramRoute(h, sk, daddr, dst === null);
      if (typeof rt === 'number') return rt;
      const saddr = sourceFor(h, sk, rt, daddr);
      const d: Datagram = {
        saddr,
        daddr,
        protocol: sk.f.inet_num,
        len: data.length,
        fill: (b) => b.set(data),
        rt,
      };
      if (Number(sk.f['hdrincl']) !== 0) {
        const r = raw_send_hdrinc(h, sk, d);
        return r < 0 ? r : data.length;
      }
      const ce = h.kcall(
        'ip_append_data',
        `len=${data.length}, getfrag=raw_getfrag`,
        () => ipAppendCheck(h, sk, d),
        'net/ipv4/ip_output.c',
      );
      if (ce < 0) return ce;
      const skb = appendData(h, sk, d);
      const r = h.kcall(
        'ip_push_pending_frames',
        `sk=${sk.addr}`,
        () => (makeIpHeader(h, sk, skb, d), ip_local_out(h, skb)),
        'net/ipv4/ip_output.c',
      );
      return r < 0 ? r : data.length;
    },
    'net/ipv4/raw.c',
  );
}

/** raw_send_hdrinc sends the user's own IP header and payload, filling tot_len, a zero saddr or id, and the checksum. */
function raw_send_hdrinc(h: Host, sk: Sock, d: Datagram): number {
  return h.kcall(
    'raw_send_hdrinc',
    `sk=${sk.addr}, len=${d.len}`,
    () => {
      const mtu = routeMtu(h, d.rt);
      if (d.len > mtu)
        return h.kerr('EMSGSIZE', `${d.len} bytes exceed MTU ${mtu} (raw_send_hdrinc never fragments)`);
      if (d.len < 20) return h.kerr('EINVAL', `${d.len} bytes are shorter than an IP header`);
      const skb = alloc_skb(h, 128 + d.len);
      skb_reserve(h, skb, 128);
      const at = skb_put(h, skb, d.len);
      kset(h, skb, 'network_header', at);
      kset(h, skb, 'dst', d.rt.addr);
      kset(h, skb, 'sk', sk.addr);
      const b = skb.head.subarray(at, at + d.len);
      d.fill(b);
      const ihl = (b[0]! & 0x0f) * 4;
      if (ihl < 20 || ihl > d.len) {
        kfree_skb(h, skb, 'SKB_DROP_REASON_NOT_SPECIFIED');
        return h.kerr('EINVAL', `IHL ${ihl} does not fit the ${d.len} bytes given`);
      }
      kset(h, skb, 'transport_header', at + ihl);
      b[2] = d.len >>> 8;
      b[3] = d.len & 0xff;
      if (b[12] === 0 && b[13] === 0 && b[14] === 0 && b[15] === 0) b.set(ipAddrBytes(d.saddr), 12);
      if (b[4] === 0 && b[5] === 0) {
        const id = Number(sk.f['inet_id']);
        kset(h, sk, 'inet_id', (id + 1) & 0xffff);
        b[4] = id >>> 8;
        b[5] = id & 0xff;
      }
      ip_send_check(skb);
      return nf_hook(h, 'NF_INET_LOCAL_OUT', skb, () => dst_output(h, skb));
    },
    'net/ipv4/raw.c',
  );
}

/** ipAddrBytes returns a dotted quad's four bytes. */
function ipAddrBytes(a: string): number[] {
  const v = ipFromString(a)!;
  return [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
}

/** raw_local_deliver gives each raw socket bound to protocol a clone of the packet (with its IP header) before the handler runs. */
export function raw_local_deliver(h: Host, skb: SkBuff, protocol: number): void {
  const n = skb.head.subarray(skb.f.network_header);
  const saddr = `${n[12]}.${n[13]}.${n[14]}.${n[15]}`;
  const daddr = `${n[16]}.${n[17]}.${n[18]}.${n[19]}`;
  const socks = h.rawSockets.filter(
    (sk) =>
      sk.f.inet_num === protocol &&
      (sk.f.inet_rcv_saddr === '0.0.0.0' || sk.f.inet_rcv_saddr === daddr) &&
      (sk.f.inet_daddr === '0.0.0.0' || sk.f.inet_daddr === saddr),
  );
  if (socks.length === 0) return;
  h.kcall(
    'raw_local_deliver',
    `skb=${skb.addr}, protocol=${protocol}`,
    () => {
      for (const sk of socks) {
        const c = skb_clone(h, skb);
        h.kcall(
          'raw_rcv',
          `sk=${sk.addr}, skb=${c.addr}`,
          () => {
            skb_push(h, c, c.f.data - c.f.network_header);
            c.cb.seq = ipFromString(saddr)!;
            sock_queue_rcv_skb(h, sk, c);
          },
          'net/ipv4/raw.c',
        );
      }
    },
    'net/ipv4/raw.c',
  );
}

/** raw_unhash removes sk from the raw socket hash (raw_unhash_sk). */
export function raw_unhash(h: Host, sk: Sock): void {
  const i = h.rawSockets.indexOf(sk);
  if (i >= 0) h.rawSockets.splice(i, 1);
}

/** raw_recvmsg returns the next queued packet from its IP header on; bytes, -errno, or null when none is queued. */
export function raw_recvmsg(
  h: Host,
  sk: Sock,
  buf: Uint8Array,
  flags: number,
  info: { addr?: SockaddrIn; msgFlags?: number },
): number | null {
  return h.kcall(
    'raw_recvmsg',
    `sk=${sk.addr}, len=${buf.length} via raw_prot.recvmsg`,
    () => datagramRecv(h, sk, buf, flags, info),
    'net/ipv4/raw.c',
  );
}

/** raw_bind is raw_prot.bind: only the local address is bound (a raw socket's "port" is its protocol); 0 or -errno. */
export function raw_bind(h: Host, sk: Sock, addr: SockaddrIn, addrLen: number): number {
  return h.kcall(
    'raw_bind',
    `sk=${sk.addr}, ${ipToString(addr.addr)} via raw_prot.bind`,
    () => {
      if (sk.f.sk_state !== TCP_STATE.TCP_CLOSE || addrLen < 16)
        return h.kerr('EINVAL', addrLen < 16 ? `addrlen ${addrLen} < 16` : 'the socket is not in TCP_CLOSE');
      const ip = ipToString(addr.addr);
      const ok =
        ip === '0.0.0.0' ||
        h.net.routes.some((r) => (r.type === 'local' || r.type === 'broadcast') && r.dst === ip) ||
        ip.startsWith('127.');
      if (!ok) return h.kerr('EADDRNOTAVAIL', `${ip} is not a local or broadcast address (inet_addr_type)`);
      kset(h, sk, 'inet_rcv_saddr', ip);
      kset(h, sk, 'inet_saddr', ip);
      kset(h, sk, 'sk_dst_cache', null);
      return 0;
    },
    'net/ipv4/raw.c',
  );
}
