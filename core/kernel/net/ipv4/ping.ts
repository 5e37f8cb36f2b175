// net/ipv4/ping.c (3.10 and 6.x; absent in 2.6.32): unprivileged ICMP echo sockets. The user
// writes an ICMP echo header and data; ping_sendmsg (6.x ping_v4_sendmsg) checks it, puts the
// socket's ident (its "port", from ping_v4_get_port) into the echo id, computes the checksum
// (ping_getfrag) and sends through ip_append_data → ip_push_pending_frames. Echo replies whose
// id matches a bound ident are queued by ping_rcv; ping_recvmsg returns the ICMP header and data.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import type { Sock } from '../../include/net/sock';
import { TCP_STATE } from '../../include/net/tcp_states';
import { ipFromString, ipToString, type SockaddrIn } from '../../include/uapi/in';
import { MSG_OOB } from '../../include/uapi/socket';
import type { Task } from '../../sched/task';
import { checksum } from '../../../wire';
import { ICMP_ECHO } from '../../../wire/icmp';
import { kfree_skb, skbData } from '../core/skbuff';
import { bindTable } from './inet_hashtables';
import { appendData, ipAppendCheck, makeIpHeader, sourceFor, type Datagram } from './ip_make_skb';
import { ip_local_out } from './ip_output';
import { datagramRecv, datagramRoute, sock_queue_rcv_skb } from './datagram';
import { htons } from './af_inet';

/** ping_get_port gives sk ident, or (0) the first free ident from 1 up (the rover starts at 0); 0, or 1 when it is taken or none is free. */
function ping_get_port(h: Host, sk: Sock, want = 0): number {
  const t = bindTable(h, 1);
  if (want !== 0) {
    // Sockets share an ident when both have sk_reuse, which every ping socket has (INET_PROTOSW_REUSE).
    const owners = t.get(want) ?? [];
    if (owners.some((o) => o.f.sk_reuse === 0 || sk.f.sk_reuse === 0)) return 1;
    t.set(want, [...owners, sk]);
    kset(h, sk, 'inet_num', want);
    return 0;
  }
  for (let ident = 1; ident < 65536; ident++) {
    if (t.has(ident)) continue;
    t.set(ident, [sk]);
    kset(h, sk, 'inet_num', ident);
    return 0;
  }
  return 1;
}

/** ping_bind is ping_prot.bind: check the address (ping_check_bind_addr), then take the port as the ident; 0 or -errno. */
export function ping_bind(h: Host, sk: Sock, addr: SockaddrIn, addrLen: number): number {
  return h.kcall(
    'ping_bind',
    `sk=${sk.addr}, ${ipToString(addr.addr)}:${addr.port} via ping_prot.bind`,
    () => {
      const ip = ipToString(addr.addr);
      const bad = h.kcall(
        'ping_check_bind_addr',
        '',
        () => {
          if (addrLen < 16) return h.kerr('EINVAL', `addrlen ${addrLen} < sizeof(struct sockaddr_in)`);
          if (addr.family !== 2) return h.kerr('EAFNOSUPPORT', `sin_family ${addr.family} is not AF_INET`);
          const local =
            ip === '0.0.0.0' ||
            ip.startsWith('127.') ||
            h.net.routes.some((r) => r.type === 'local' && r.dst === ip);
          return local ? 0 : h.kerr('EADDRNOTAVAIL', `${ip} is not an address of host ${h.name}`);
        },
        'net/ipv4/ping.c',
      );
      if (bad < 0) return bad;
      if (sk.f.inet_num !== 0) return h.kerr('EINVAL', `already bound to ident ${sk.f.inet_num}`);
      kset(h, sk, 'inet_rcv_saddr', ip);
      kset(h, sk, 'inet_saddr', ip);
      const fn = h.profile.protos[sk.protoName]?.['get_port'] ?? 'ping_get_port';
      const taken = h.kcall(
        fn,
        `sk=${sk.addr}, ident=${addr.port} via ping_prot.get_port`,
        () => ping_get_port(h, sk, addr.port),
        'net/ipv4/ping.c',
      );
      if (taken !== 0) {
        kset(h, sk, 'inet_rcv_saddr', '0.0.0.0');
        kset(h, sk, 'inet_saddr', '0.0.0.0');
        return h.kerr('EADDRINUSE', `ident ${addr.port} is held by a ping socket without SO_REUSEADDR`);
      }
      kset(h, sk, 'inet_sport', htons(sk.f.inet_num));
      return 0;
    },
    'net/ipv4/ping.c',
  );
}

/** ping_autobind is inet_autobind for ping_prot: an unbound ping socket gets its ident before the first send. */
export function ping_autobind(h: Host, sk: Sock): number {
  if (sk.f.inet_num !== 0) return 0;
  return h.kcall(
    'inet_autobind',
    `sk=${sk.addr}`,
    () => {
      const fn = h.profile.protos[sk.protoName]?.['get_port'] ?? 'ping_get_port';
      const r = h.kcall(
        fn,
        `sk=${sk.addr}, ident=0 via ping_prot.get_port`,
        () => ping_get_port(h, sk),
        'net/ipv4/ping.c',
      );
      if (r !== 0) return h.kerr('EAGAIN', 'no free ping ident');
      kset(h, sk, 'inet_sport', htons(sk.f.inet_num));
      return 0;
    },
    'net/ipv4/af_inet.c',
  );
}

/** ping_unhash releases sk's ident (ping_v4_unhash). */
export function ping_unhash(h: Host, sk: Sock): void {
  const t = bindTable(h, 1);
  const owners = (t.get(sk.f.inet_num) ?? []).filter((o) => o !== sk);
  if (owners.length > 0) t.set(sk.f.inet_num, owners);
  else t.delete(sk.f.inet_num);
}

/** ping_sendmsg sends one echo request whose header and data the user wrote; the length or -errno. */
export function ping_sendmsg(
  h: Host,
  _task: Task,
  sk: Sock,
  data: Uint8Array,
  flags: number,
  dst: SockaddrIn | null,
): number {
  return h.kcall(
    h.profile.protos[sk.protoName]?.['sendmsg'] ?? 'ping_sendmsg',
    `sk=${sk.addr}, len=${data.length} via ping_prot.sendmsg`,
    () => {
      if (data.length > 0xffff) return h.kerr('EMSGSIZE', `${data.length} bytes exceed 65535`);
      if ((flags & MSG_OOB) !== 0) return h.kerr('EOPNOTSUPP', 'MSG_OOB on a ping socket');
      if (dst !== null && dst.family !== 2)
        return h.kerr(
          h.profile.version === '6.x' ? 'EAFNOSUPPORT' : 'EINVAL',
          `sin_family ${dst.family} is not AF_INET`,
        );
      if (dst === null && sk.f.sk_state !== TCP_STATE.TCP_ESTABLISHED)
        return h.kerr('EDESTADDRREQ', 'the socket is not connected and no address was given');
      const e = h.kcall(
        'ping_common_sendmsg',
        `len=${data.length}`,
        () => {
          if (data.length < 8)
            return h.kerr('EINVAL', `${data.length} bytes are shorter than struct icmphdr (8)`);
          if (data[0] !== ICMP_ECHO || data[1] !== 0)
            return h.kerr('EINVAL', `icmp type ${data[0]} code ${data[1]} is not ICMP_ECHO code 0`);
          return 0;
        },
        'net/ipv4/ping.c',
      );
      if (e < 0) return e;
      const daddr = dst !== null ? ipToString(dst.addr) : sk.f.inet_daddr;
      const rt = datagramRoute(h, sk, daddr, dst === null);
      if (typeof rt === 'number') return rt;
      const d: Datagram = {
        saddr: sourceFor(h, sk, rt, daddr),
        daddr,
        protocol: 1,
        len: data.length,
        fill: (b) => ping_getfrag(b, data, sk.f.inet_num),
        rt,
      };
      const ce = h.kcall(
        'ip_append_data',
        `len=${data.length}, getfrag=ping_getfrag`,
        () => ipAppendCheck(h, sk, d),
        'net/ipv4/ip_output.c',
      );
      if (ce < 0) return ce;
      const skb = appendData(h, sk, d);
      const push = h.profile.version === '6.x' ? 'ping_v4_push_pending_frames' : 'ping_push_pending_frames';
      const r = h.kcall(
        push,
        `sk=${sk.addr}`,
        () =>
          h.kcall(
            'ip_push_pending_frames',
            `sk=${sk.addr}`,
            () => (makeIpHeader(h, sk, skb, d), ip_local_out(h, skb)),
          ),
        'net/ipv4/ping.c',
      );
      return r < 0 ? r : data.length;
    },
    'net/ipv4/ping.c',
  );
}

/** ping_getfrag copies the user's echo header and data, with the socket's ident as echo id and a fresh checksum. */
function ping_getfrag(b: Uint8Array, data: Uint8Array, ident: number): void {
  b.set(data);
  b[4] = ident >>> 8;
  b[5] = ident & 0xff;
  b[2] = 0;
  b[3] = 0;
  const c = checksum.internetChecksum(b, 0, b.length);
  b[2] = c >>> 8;
  b[3] = c & 0xff;
}

/** ping_rcv queues an echo reply on the ping socket whose ident is its echo id, or drops it. */
export function ping_rcv(h: Host, skb: SkBuff): number {
  const d = skbData(skb);
  const ident = (d[4]! << 8) | d[5]!;
  const n = skb.head.subarray(skb.f.network_header);
  const daddr = `${n[16]}.${n[17]}.${n[18]}.${n[19]}`;
  const sk = h.kcall(
    'ping_lookup',
    `ident=${ident}`,
    () => {
      const s = (bindTable(h, 1).get(ident) ?? []).find(
        (o) => o.f.inet_rcv_saddr === '0.0.0.0' || o.f.inet_rcv_saddr === daddr,
      );
      return s ?? null;
    },
    'net/ipv4/ping.c',
  );
  if (sk === null) {
    kfree_skb(h, skb, 'SKB_DROP_REASON_NO_SOCKET');
    return 0;
  }
  skb.cb.seq = ipFromString(`${n[12]}.${n[13]}.${n[14]}.${n[15]}`)!;
  h.kcall(
    'ping_queue_rcv_skb',
    `sk=${sk.addr} via ping_prot.backlog_rcv`,
    () => sock_queue_rcv_skb(h, sk, skb),
    'net/ipv4/ping.c',
  );
  return 0;
}

/** ping_recvmsg returns the next echo reply's ICMP header and data; bytes, -errno, or null when none is queued. */
export function ping_recvmsg(
  h: Host,
  sk: Sock,
  buf: Uint8Array,
  flags: number,
  info: { addr?: SockaddrIn; msgFlags?: number },
): number | null {
  return h.kcall(
    'ping_recvmsg',
    `sk=${sk.addr}, len=${buf.length} via ping_prot.recvmsg`,
    () => datagramRecv(h, sk, buf, flags, info),
    'net/ipv4/ping.c',
  );
}
