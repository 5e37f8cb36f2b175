// Selective acknowledgements (RFC 2018; net/ipv4/tcp_input.c) when both SYNs carried
// SACK_PERM. Receiver: out-of-order arrivals update selective_acks (tcp_sack_new_ofo_skb:
// the block holding the newest segment first, at most TCP_NUM_SACKS = 4 kept, adjacent
// blocks coalesced), blocks the in-order data reached are dropped (tcp_sack_remove), and
// tcp_established_options sends as many as fit beside the timestamp (3). No D-SACK blocks.
// Sender: tcp_sacktag_write_queue marks fully covered skbs TCPCB_SACKED_ACKED (sacked_out),
// and tcp_sack_mark_lost marks an un-SACKed skb lost once `reordering` SACKed segments lie
// above it (RFC 6675's IsLost; Linux 3.10 used FACK, 6.x RACK's time-based rule instead).

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';
import type { SkBuff } from '../../include/linux/skbuff';
import { TCPCB, skbx, tcpx } from '../../include/linux/tcp';
import type { Sock } from '../../include/net/sock';
import type { TcpRepr, tcpOptions } from '../../../wire';

/** TCP_NUM_SACKS is how many SACK blocks the receiver remembers, 4. */
const TCP_NUM_SACKS = 4;

/** before is before(a, b) on 32-bit sequence numbers. */
function before(a: number, b: number): boolean {
  return ((a - b) | 0) < 0;
}

/** blocksOf returns sk's selective_acks, creating the list. */
function blocksOf(sk: Sock): tcpOptions.SackBlock[] {
  const x = tcpx(sk);
  x.sackBlocks ??= [];
  return x.sackBlocks;
}

/** tcp_sack_extend grows block b to cover [seq, end) when they touch or overlap; true when it did. */
function tcp_sack_extend(b: tcpOptions.SackBlock, seq: number, end: number): boolean {
  if (before(end, b.left) || before(b.right, seq)) return false;
  if (before(seq, b.left)) b.left = seq;
  if (before(b.right, end)) b.right = end;
  return true;
}

/** tcp_sack_new_ofo_skb records an out-of-order segment [seq, end) in selective_acks, its block first. */
export function tcp_sack_new_ofo_skb(sk: Sock, seq: number, end: number): void {
  if (!sk.f['sack_ok']) return;
  const blocks = blocksOf(sk);
  const i = blocks.findIndex((b) => tcp_sack_extend(b, seq, end));
  if (i >= 0) {
    const [b] = blocks.splice(i, 1);
    blocks.unshift(b!);
    for (let j = blocks.length - 1; j > 0; j--)
      if (tcp_sack_extend(blocks[0]!, blocks[j]!.left, blocks[j]!.right)) blocks.splice(j, 1);
    return;
  }
  blocks.unshift({ left: seq, right: end });
  if (blocks.length > TCP_NUM_SACKS) blocks.pop();
}

/** tcp_sack_remove drops the blocks rcv_nxt reached (or all of them once out_of_order_queue is empty). */
export function tcp_sack_remove(sk: Sock): void {
  const x = tcpx(sk);
  if (x.sackBlocks === undefined) return;
  if ((x.ooo?.length ?? 0) === 0) {
    x.sackBlocks = [];
    return;
  }
  const nxt = Number(sk.f['rcv_nxt']);
  x.sackBlocks = x.sackBlocks.filter((b) => before(nxt, b.left));
}

/** sackBlocksToSend returns the blocks tcp_established_options sends: up to 3 beside a timestamp, 4 without. */
export function sackBlocksToSend(sk: Sock): tcpOptions.SackBlock[] {
  const blocks = tcpx(sk).sackBlocks ?? [];
  return blocks.slice(0, sk.f['tstamp_ok'] ? 3 : 4);
}

/** sentSkbs lists the write-queue skbs already sent (seq before snd_nxt). */
function sentSkbs(sk: Sock): SkBuff[] {
  const nxt = Number(sk.f['snd_nxt']);
  const out: SkBuff[] = [];
  for (const s of sk.writeQueue) {
    if (!before(s.cb.seq, nxt)) break;
    out.push(s);
  }
  return out;
}

/** tcp_sacktag_write_queue marks the skbs the ACK's SACK blocks cover; it returns how many were newly SACKed. */
export function tcp_sacktag_write_queue(h: Host, sk: Sock, seg: TcpRepr): number {
  if (!sk.f['sack_ok']) return 0;
  const opt = seg.options.find((o) => o.kind === 'sack');
  if (opt === undefined || opt.kind !== 'sack') return 0;
  return h.kcall('tcp_sacktag_write_queue', `sk=${sk.addr}, blocks=${opt.blocks.length}`, () => {
    const una = Number(sk.f['snd_una']);
    let newly = 0;
    for (const b of opt.blocks) {
      if (!before(una, b.right)) continue;
      for (const skb of sentSkbs(sk)) {
        if (before(skb.cb.seq, b.left) || before(b.right, skb.cb.end_seq)) continue;
        const x = skbx(skb);
        const sacked = x.sacked ?? 0;
        if ((sacked & TCPCB.SACKED_ACKED) !== 0) continue;
        if ((sacked & TCPCB.SACKED_RETRANS) !== 0)
          kset(h, sk, 'retrans_out', Number(sk.f['retrans_out']) - 1);
        if ((sacked & TCPCB.LOST) !== 0) kset(h, sk, 'lost_out', Number(sk.f['lost_out']) - 1);
        x.sacked = (sacked & ~(TCPCB.SACKED_RETRANS | TCPCB.LOST)) | TCPCB.SACKED_ACKED;
        kset(h, sk, 'sacked_out', Number(sk.f['sacked_out']) + 1);
        newly++;
      }
    }
    return newly;
  });
}

/** tcp_sack_mark_lost marks un-SACKed skbs with at least `reordering` SACKed segments above them as lost. */
export function tcp_sack_mark_lost(h: Host, sk: Sock): void {
  if (Number(sk.f['sacked_out']) === 0) return;
  const skbs = sentSkbs(sk);
  const thresh = Number(sk.f['reordering']);
  let above = 0;
  let marked = 0;
  for (let i = skbs.length - 1; i >= 0; i--) {
    const x = skbx(skbs[i]!);
    const sacked = x.sacked ?? 0;
    if ((sacked & TCPCB.SACKED_ACKED) !== 0) above++;
    else if (above >= thresh && (sacked & (TCPCB.LOST | TCPCB.SACKED_RETRANS)) === 0) {
      x.sacked = sacked | TCPCB.LOST;
      marked++;
    }
  }
  if (marked > 0)
    h.kcall('tcp_mark_head_lost', `sk=${sk.addr}, packets=${marked}`, () =>
      kset(h, sk, 'lost_out', Number(sk.f['lost_out']) + marked),
    );
}
