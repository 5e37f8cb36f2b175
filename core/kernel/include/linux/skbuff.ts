// struct sk_buff (include/linux/skbuff.h, reference §4.7). head is the buffer; data, tail
// and end are offsets from head, as sk_buff_data_t is on 64-bit. len/data/tail/end change
// only through the skb operations of net/core/skbuff.ts, which record `skb` trace events
// (the snapshot index applies them); the other fields change through kset.

import type { KStruct } from '../../host/kstruct';

/** SKBUFF_ZERO is struct sk_buff as __alloc_skb starts it, one field per line. */
// prettier-ignore
export const SKBUFF_ZERO = {
  len: 0, // bytes of data between data and tail (linear only in SockLab)
  data_len: 0, // bytes in page fragments (always 0 in SockLab)
  truesize: 0, // memory charged: SKB_TRUESIZE(size)
  protocol: 0, // __be16 ETH_P_*, host order here
  data: 0, // offset of data from head
  tail: 0, // offset of tail from head
  end: 0, // offset of end from head
  transport_header: 0, // offset from head
  network_header: 0, // offset from head
  mac_header: 0, // offset from head
  users: 0, // reference count
  ip_summed: 0, // CHECKSUM_NONE 0 / UNNECESSARY 1 / COMPLETE 2 / PARTIAL 3
  sk: null as string | null, // owning sock
  dev: null as string | null, // device name
  dst: null as string | null, // attached route (skb_dst)
};

/** TcpSkbCb is TCP_SKB_CB(skb): the control block TCP keeps in skb->cb. */
export interface TcpSkbCb {
  seq: number;
  end_seq: number;
  tcp_flags: number;
  when: number;
}

/** SkBuff is a traced sk_buff with its bytes and control block. */
export interface SkBuff extends KStruct<typeof SKBUFF_ZERO> {
  /** head is the whole buffer (head .. end); clones share it. */
  readonly head: Uint8Array;
  /** cb is TCP_SKB_CB(skb) for TCP skbs. */
  cb: TcpSkbCb;
}

/** SKB_OVERHEAD is SKB_TRUESIZE(0) on x86-64 3.x–6.x: 212992 = SKB_TRUESIZE(256) × 256 gives 832 − 256 = 576. */
export const SKB_OVERHEAD = 576;
