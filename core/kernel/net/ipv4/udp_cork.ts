// net/ipv4/udp.c corking: with MSG_MORE or the UDP_CORK option, udp_sendmsg only appends the
// data (ip_append_data onto sk_write_queue, the first call fixing the destination); the send
// without MSG_MORE (or clearing UDP_CORK) runs udp_push_pending_frames, which builds one
// datagram of everything appended: ip_finish_skb → udp_send_skb → ip_send_skb in 3.10 and
// 6.x, ip_push_pending_frames in 2.6.32 (reference §2.10).

import { walkCallTree } from '../../host/calltree';
import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { Rtable } from '../../include/net/route';
import type { Sock } from '../../include/net/sock';
import { ipFromString } from '../../include/uapi/in';
import type { CallTree } from '../../profiles';
import { udp as wireUdp } from '../../../wire';
import type { SkBuff } from '../../include/linux/skbuff';
import { alloc_skb, consume_skb, skb_dequeue, skb_put, skb_queue_tail, skb_reserve } from '../core/skbuff';
import { appendData, makeIpHeader, type Datagram } from './ip_make_skb';
import { ip_local_out } from './ip_output';

declare module '../../include/net/sock' {
  interface Sock {
    /** udpCork is a corked UDP message's destination while data waits on sk_write_queue (up->pending). */
    udpCork?: {
      readonly saddr: string;
      readonly daddr: string;
      readonly dport: number;
      readonly rt: Rtable;
      len: number;
    };
  }
}

/** UDP_CORK is the SOL_UDP option that corks a socket (include/uapi/linux/udp.h). */
export const UDP_CORK = 1;

/** PUSH_TREE is udp_push_pending_frames' call tree per era. */
const PUSH_TREE: Readonly<Record<string, CallTree>> = {
  '2.6.32': ['ip_push_pending_frames'],
  '3.10': [
    ['ip_finish_skb', ['__ip_make_skb']],
    ['udp_send_skb', ['ip_send_skb']],
  ],
  '6.x': [
    ['ip_finish_skb', ['__ip_make_skb']],
    ['udp_send_skb', ['ip_send_skb']],
  ],
};

/** corked tells whether a send with flags only appends (MSG_MORE, or UDP_CORK set). */
export function corked(sk: Sock, flags: number): boolean {
  return (flags & 0x8000) !== 0 || Number(sk.f['corkflag'] ?? 0) !== 0;
}

/** udpAppend queues data on sk_write_queue for the corked message (starting one with dest when none is pending); 0 or -EMSGSIZE. */
export function udpAppend(
  h: Host,
  sk: Sock,
  data: Uint8Array,
  dest: { saddr: string; daddr: string; dport: number; rt: Rtable },
): number {
  return h.kcall(
    'ip_append_data',
    `sk=${sk.addr}, len=${data.length} (corked)`,
    () => {
      const cork = (sk.udpCork ??= { ...dest, len: 0 });
      if (cork.len + data.length > 65507)
        return h.kerr('EMSGSIZE', `the corked datagram would exceed 65507 bytes`);
      const d: Datagram = {
        saddr: cork.saddr,
        daddr: cork.daddr,
        protocol: 17,
        len: data.length,
        fill: (b) => b.set(data),
        rt: cork.rt,
      };
      const skb = appendData(h, sk, d);
      skb_queue_tail(h, sk.writeQueue, 'sk_write_queue', skb);
      kset(h, sk, 'sk_write_queue', sk.writeQueue.length);
      cork.len += data.length;
      return 0;
    },
    'net/ipv4/ip_output.c',
  );
}

/** udp_push_pending_frames sends everything appended as one datagram and ends the cork; 0 or -errno. */
export function udp_push_pending_frames(h: Host, sk: Sock): number {
  const cork = sk.udpCork;
  if (cork === undefined) return 0;
  return h.kcall(
    'udp_push_pending_frames',
    `sk=${sk.addr}`,
    () => {
      const payload = new Uint8Array(cork.len);
      let at = 0;
      for (
        let s = skb_dequeue(h, sk.writeQueue, 'sk_write_queue');
        s;
        s = skb_dequeue(h, sk.writeQueue, 'sk_write_queue')
      ) {
        const chunk = s.head.subarray(s.f.transport_header, s.f.tail);
        payload.set(chunk, at);
        at += chunk.length;
        consume_skb(h, s);
      }
      kset(h, sk, 'sk_write_queue', 0);
      sk.udpCork = undefined;
      const d: Datagram = {
        saddr: cork.saddr,
        daddr: cork.daddr,
        protocol: 17,
        len: 8 + payload.length,
        fill: () => {},
        rt: cork.rt,
      };
      const skb: SkBuff = alloc_skb(h, 128 + d.len);
      skb_reserve(h, skb, 128);
      return pushDatagram(h, sk, skb, d, payload, cork.dport);
    },
    'net/ipv4/udp.c',
  );
}

/** pushDatagram writes the UDP header over the joined payload and sends it through the era's push tree. */
function pushDatagram(
  h: Host,
  sk: Sock,
  skb: SkBuff,
  d: Datagram,
  payload: Uint8Array,
  dport: number,
): number {
  let err = 0;
  const build = (): void => {
    const at = skb_put(h, skb, d.len);
    kset(h, skb, 'transport_header', at);
    wireUdp.emit({ srcPort: sk.f.inet_num, dstPort: dport, payload }, skb.head.subarray(at, at + d.len), {
      src: ipFromString(d.saddr)!,
      dst: ipFromString(d.daddr)!,
    });
  };
  const header = (): number => (makeIpHeader(h, sk, skb, d), 0);
  const r = walkCallTree(
    h,
    PUSH_TREE[h.profile.version] ?? [],
    {
      __ip_make_skb: header,
      ip_send_skb: () => ((err = ip_local_out(h, skb)), 0),
      ip_push_pending_frames: () => (header(), (err = ip_local_out(h, skb)), 0),
    },
    () => '',
    { ip_finish_skb: () => (build(), 0), ip_push_pending_frames: () => (build(), 0) },
  );
  return r < 0 ? r : err < 0 ? err : 0;
}
