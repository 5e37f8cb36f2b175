// net/ipv4/ip_output.c ip_fragment (6.x: ip_fragment → ip_do_fragment) and
// net/ipv4/ip_fragment.c ip_defrag. Sending: a packet longer than the device MTU is cut into
// fragments of at most MTU bytes whose payloads are multiples of 8 (the slow path: each
// fragment a fresh skb with a copy of the header, frag_off and MF set, checksum redone); a DF
// packet is refused with EMSGSIZE and an ICMP "fragmentation needed". Receiving: fragments
// wait in an ipq keyed by (saddr, daddr, id, protocol) until every byte is there, then
// ip_frag_reasm builds one skb; an incomplete queue is dropped after ipfrag_time (30 s).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { alloc_skb, consume_skb, kfree_skb, skb_put, skb_reserve } from '../core/skbuff';
import { icmp_send } from './icmp';
import { ip_send_check } from './ip_output';
import {
  ICMP_DEST_UNREACH,
  ICMP_EXC_FRAGTIME,
  ICMP_FRAG_NEEDED,
  ICMP_TIME_EXCEEDED,
} from '../../../wire/icmp';

/** IPFRAG_TIME_NS is net.ipv4.ipfrag_time, 30 s. */
export const IPFRAG_TIME_NS = 30_000_000_000;
const IP_MF = 0x2000;
const IP_DF = 0x4000;
const IP_OFFSET = 0x1fff;

/** Ipq is one reassembly queue: the fragments' payload pieces, the total length once known, the first header. */
interface Ipq {
  readonly pieces: Map<number, Uint8Array>;
  total: number;
  header: Uint8Array | null;
  timer: number;
  first: SkBuff | null;
}

/** ipqs holds each host's reassembly queues (ip4_frags), by "saddr daddr id protocol". */
const ipqs = new WeakMap<Host, Map<string, Ipq>>();

/** fragOff reads the frag_off word of the IPv4 header at skb->network_header. */
function fragOff(skb: SkBuff): number {
  const n = skb.f.network_header;
  return (skb.head[n + 6]! << 8) | skb.head[n + 7]!;
}

/** ip_is_fragment tells whether the packet is a fragment (MF set or a non-zero offset). */
export function ip_is_fragment(skb: SkBuff): boolean {
  return (fragOff(skb) & (IP_MF | IP_OFFSET)) !== 0;
}

/** ip_fragment cuts skb into fragments of at most mtu bytes and passes each to output; 0 or -errno. */
export function ip_fragment(h: Host, skb: SkBuff, mtu: number, output: (frag: SkBuff) => number): number {
  const names = h.profile.version === '6.x' ? ['ip_fragment', 'ip_do_fragment'] : ['ip_fragment'];
  const run = (): number => {
    const n = skb.f.network_header;
    const fo = fragOff(skb);
    if ((fo & IP_DF) !== 0) {
      icmp_send(h, skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, mtu);
      kfree_skb(h, skb, 'SKB_DROP_REASON_PKT_TOO_BIG');
      return h.kerr('EMSGSIZE', `a DF packet of ${skb.f.len} bytes exceeds MTU ${mtu}`);
    }
    const hlen = (skb.head[n]! & 0x0f) * 4;
    const header = skb.head.slice(n, n + hlen);
    const payload = skb.head.subarray(n + hlen, skb.f.tail);
    let err = 0;
    for (let ptr = 0; ptr < payload.length && err >= 0;) {
      let len = Math.min(payload.length - ptr, mtu - hlen);
      if (len < payload.length - ptr) len &= ~7;
      const last = ptr + len >= payload.length;
      const frag = alloc_skb(h, 128 + hlen + len);
      skb_reserve(h, frag, 128);
      const at = skb_put(h, frag, hlen + len);
      frag.head.set(header, at);
      frag.head.set(payload.subarray(ptr, ptr + len), at + hlen);
      const off = (ptr >> 3) | (fo & IP_OFFSET) | (!last || (fo & IP_MF) !== 0 ? IP_MF : 0);
      frag.head[at + 2] = (hlen + len) >>> 8;
      frag.head[at + 3] = (hlen + len) & 0xff;
      frag.head[at + 6] = off >>> 8;
      frag.head[at + 7] = off & 0xff;
      kset(h, frag, 'network_header', at);
      kset(h, frag, 'transport_header', at + hlen);
      kset(h, frag, 'dst', skb.f.dst);
      kset(h, frag, 'dev', skb.f.dev);
      kset(h, frag, 'protocol', skb.f.protocol);
      ip_send_check(frag);
      err = output(frag);
      ptr += len;
    }
    consume_skb(h, skb);
    return err;
  };
  const call = (i: number): number =>
    i === names.length - 1
      ? h.kcall(names[i]!, `skb=${skb.addr}, mtu=${mtu}`, run, 'net/ipv4/ip_output.c')
      : h.kcall(names[i]!, `skb=${skb.addr}`, () => call(i + 1), 'net/ipv4/ip_output.c');
  return call(0);
}

/** ip_defrag queues a fragment; it returns the reassembled skb once every byte arrived, else null (net/ipv4/ip_fragment.c). */
export function ip_defrag(h: Host, skb: SkBuff): SkBuff | null {
  return h.kcall(
    'ip_defrag',
    `skb=${skb.addr}, IP_DEFRAG_LOCAL_DELIVER`,
    () => {
      const n = skb.f.network_header;
      const b = skb.head;
      const key = `${b.subarray(n + 12, n + 16).join('.')} ${b.subarray(n + 16, n + 20).join('.')} ${(b[n + 4]! << 8) | b[n + 5]!} ${b[n + 9]}`;
      let qs = ipqs.get(h);
      if (qs === undefined) ipqs.set(h, (qs = new Map()));
      let q = qs.get(key);
      if (q === undefined) {
        const fresh: Ipq = { pieces: new Map(), total: -1, header: null, timer: 0, first: null };
        fresh.timer = h.sim.after(IPFRAG_TIME_NS, 'ip_expire', () => ip_expire(h, key, fresh));
        qs.set(key, fresh);
        q = fresh;
      }
      const fo = fragOff(skb);
      const hlen = (b[n]! & 0x0f) * 4;
      const off = (fo & IP_OFFSET) * 8;
      const data = b.slice(n + hlen, skb.f.tail);
      h.kcall(
        'ip_frag_queue',
        `qp=${key}, offset=${off}, len=${data.length}`,
        () => {
          q.pieces.set(off, data);
          if ((fo & IP_MF) === 0) q.total = off + data.length;
          if (off === 0) q.header = b.slice(n, n + hlen);
        },
        'net/ipv4/ip_fragment.c',
      );
      if (off === 0 && q.first === null) q.first = skb;
      else consume_skb(h, skb);
      if (!complete(q)) return null;
      h.sim.cancel(q.timer);
      qs.delete(key);
      return h.kcall('ip_frag_reasm', `qp=${key}`, () => reassemble(h, q), 'net/ipv4/ip_fragment.c');
    },
    'net/ipv4/ip_fragment.c',
  );
}

/** complete tells whether the queue holds the last fragment and every byte before it. */
function complete(q: Ipq): boolean {
  if (q.total < 0 || q.header === null) return false;
  let have = 0;
  for (const off of [...q.pieces.keys()].sort((a, c) => a - c)) {
    if (off > have) return false;
    have = Math.max(have, off + q.pieces.get(off)!.length);
  }
  return have >= q.total;
}

/** reassemble builds the whole packet in the first fragment's place: header with tot_len, no MF, offset 0. */
function reassemble(h: Host, q: Ipq): SkBuff {
  const first = q.first!;
  const hdr = q.header!;
  const skb = alloc_skb(h, 2 + 14 + hdr.length + q.total);
  skb_reserve(h, skb, 16);
  const at = skb_put(h, skb, hdr.length + q.total);
  skb.head.set(hdr, at);
  for (const [off, piece] of q.pieces) skb.head.set(piece.subarray(0, q.total - off), at + hdr.length + off);
  const tot = hdr.length + q.total;
  skb.head[at + 2] = tot >>> 8;
  skb.head[at + 3] = tot & 0xff;
  skb.head[at + 6] = 0;
  skb.head[at + 7] = 0;
  kset(h, skb, 'network_header', at);
  kset(h, skb, 'dev', first.f.dev);
  kset(h, skb, 'protocol', first.f.protocol);
  kset(h, skb, 'dst', first.f.dst);
  ip_send_check(skb);
  consume_skb(h, first);
  return skb;
}

/** ip_expire drops an incomplete queue after ipfrag_time, answering time exceeded when the first fragment came. */
function ip_expire(h: Host, key: string, q: Ipq): void {
  const qs = ipqs.get(h);
  if (qs?.get(key) !== q) return;
  qs.delete(key);
  h.trace.record('timer_fire', h.now, h.name, { timer: 'ip_expire', obj: key });
  h.kcall(
    'ip_expire',
    `qp=${key}`,
    () => {
      if (q.first !== null) {
        icmp_send(h, q.first, ICMP_TIME_EXCEEDED, ICMP_EXC_FRAGTIME);
        kfree_skb(h, q.first, 'SKB_DROP_REASON_FRAG_REASM_TIMEOUT');
      }
    },
    'net/ipv4/ip_fragment.c',
  );
}
